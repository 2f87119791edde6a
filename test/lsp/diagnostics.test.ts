import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

const LAMBDA = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';

function api(httpMethod: string, responseRef = "{description: ok}"): string {
  return [
    'openapi: 3.0.1',
    'info: {title: Orders, version: "1"}',
    'paths:',
    '  /orders:',
    '    get:',
    `      responses: {'200': ${responseRef}}`,
    '      x-amazon-apigateway-integration:',
    '        type: aws_proxy',
    `        httpMethod: ${httpMethod}`,
    `        uri: ${LAMBDA}`,
    '',
  ].join('\n');
}

describe('language server over stdio', function () {
  let client: LspClient;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-lsp-'));
    client = new LspClient();
    await client.initialize();
  });

  afterEach(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics with exact ranges, codes and links for an open definition', async () => {
    const uri = pathToFileURL(path.join(dir, 'api.yaml')).toString();
    await client.open(uri, api('GET'));
    const pub = await client.waitFor(uri, (p) => p.diagnostics.length > 0);
    const d = pub.diagnostics.find((x) => x.code === 'apigw.integration.lambda-post');
    assert.ok(d, JSON.stringify(pub.diagnostics));
    assert.deepEqual(d.range, { start: { line: 8, character: 20 }, end: { line: 8, character: 23 } });
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'apigw');
    assert.match(d.codeDescription?.href ?? '', /^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('clears the diagnostic after the fix is typed, and drops stale runs', async () => {
    const uri = pathToFileURL(path.join(dir, 'api.yaml')).toString();
    await client.open(uri, api('GET'));
    await client.waitFor(uri, (p) => p.diagnostics.some((d) => d.code === 'apigw.integration.lambda-post'));
    // Several quick edits: only the last one's result may be published last.
    await client.change(uri, 2, api('PUT'));
    await client.change(uri, 3, api('PATCH'));
    await client.change(uri, 4, api('POST'));
    const pub = await client.waitFor(uri, (p) => p.version === 4);
    assert.deepEqual(pub.diagnostics.filter((d) => d.severity === 1), []);
    await new Promise((r) => setTimeout(r, 400));
    const last = client.published.filter((p) => p.uri === uri).pop();
    assert.equal(last?.version, 4, 'no stale publication after the newest');
  });

  it('reports a broken $ref in the referenced file, and re-checks when that file is edited', async () => {
    const entry = pathToFileURL(path.join(dir, 'api.yaml')).toString();
    const shared = pathToFileURL(path.join(dir, 'responses.yaml')).toString();
    writeFileSync(path.join(dir, 'responses.yaml'), "Ok: {$ref: '#/Missing'}\n");
    await client.open(entry, api('POST', "{$ref: './responses.yaml#/Ok'}"));
    const inShared = await client.waitFor(shared, (p) => p.diagnostics.some((d) => d.code === 'apigw.ref.unresolved'));
    assert.equal(inShared.diagnostics[0].range.start.line, 0);
    await client.open(shared, "Ok: {$ref: '#/Missing'}\nMissing: {description: ok}\n");
    await client.change(shared, 2, "Ok: {$ref: '#/Missing'}\nMissing: {description: ok}\n");
    await client.waitFor(shared, (p) => p.diagnostics.length === 0 && client.published.indexOf(p) > client.published.indexOf(inShared));
  });

  it('ignores YAML that is not an API definition, and survives garbage', async () => {
    const other = pathToFileURL(path.join(dir, 'docker-compose.yaml')).toString();
    await client.open(other, 'services:\n  web: {image: nginx}\n');
    const garbage = pathToFileURL(path.join(dir, 'broken.yaml')).toString();
    await client.open(garbage, 'openapi: 3.0.1\npaths: {/x: [\u0000\u0001 "unterminated\n  - : : :\n');
    const pub = await client.waitFor(garbage, (p) => p.diagnostics.length > 0);
    assert.ok(pub.diagnostics.some((d) => d.code === 'apigw.document.syntax'));
    assert.equal(client.published.some((p) => p.uri === other && p.diagnostics.length > 0), false);
    assert.equal(client.exitCode, null, 'the server is still running');
  });
});
