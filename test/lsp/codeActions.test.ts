import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintText } from '../../core/src/lint';
import type { TextEdit } from '../../core/src/edit/textEdit';
import { applyEdits } from '../support/applyEdits';
import { LspClient, type PublishedDiagnostics } from '../support/lspClient';

type SentDiagnostic = PublishedDiagnostics['diagnostics'][number];

interface LspCodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: SentDiagnostic[];
  edit?: { changes?: Record<string, TextEdit[]> };
}

const CAPABILITIES = { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor'] } } } } };
const LAMBDA = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';
const HEAD = ['openapi: 3.0.1', 'info: {title: t, version: "1"}'];
const MOCK = `x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}`;

/** One document per quick fix, each with exactly the mistake that fix is for. */
const CASES: Array<{ code: string; lines: string[]; json?: boolean }> = [
  {
    code: 'apigw.integration.lambda-post',
    lines: [...HEAD, 'paths:', '  /a:', '    get:', '      responses: {"200": {description: ok}}', '      x-amazon-apigateway-integration:', '        type: aws_proxy', '        httpMethod: GET', `        uri: ${LAMBDA}`],
  },
  {
    code: 'apigw.mapping.undeclared-parameter',
    lines: [
      ...HEAD,
      'paths:',
      '  /a:',
      '    get:',
      '      responses: {"200": {description: ok}}',
      '      x-amazon-apigateway-integration:',
      '        type: http',
      '        httpMethod: GET',
      '        uri: https://example.com/a',
      '        requestParameters: {integration.request.header.X-Id: method.request.header.X-Id}',
      '        responses: {default: {statusCode: "200"}}',
    ],
  },
  {
    code: 'apigw.mapping.cache-key',
    lines: [...HEAD, 'paths:', '  /a:', '    get:', '      responses: {"200": {description: ok}}', '      x-amazon-apigateway-integration:', '        type: http_proxy', '        httpMethod: GET', '        uri: https://example.com/a', '        cacheKeyParameters: [method.request.querystring.page]'],
  },
  {
    code: 'apigw.path.undeclared-parameter',
    lines: [...HEAD, 'paths:', '  /a/{id}:', '    get:', '      responses: {"200": {description: ok}}', `      ${MOCK}`],
  },
  {
    code: 'apigw.integration.missing',
    lines: [...HEAD, 'paths:', '  /a:', '    get:', '      responses: {"200": {description: ok}}', '    put:', '      responses: {"200": {description: ok}}', `      ${MOCK}`],
  },
  { code: 'apigw.extension.enum', lines: [...HEAD, 'x-amazon-apigateway-api-key-source: AUTHORIZR', 'paths: {}'] },
  { code: 'apigw.extension.unknown', lines: [...HEAD, 'x-amazon-apigateway-binary-media-type: [image/png]', 'paths: {}'] },
  {
    code: 'apigw.extension.unknown-property',
    lines: [...HEAD, 'paths:', '  /a:', '    get:', '      responses: {"200": {description: ok}}', '      x-amazon-apigateway-integration:', '        type: mock', '        passthroughBehaviour: never', `        requestTemplates: {application/json: '{"statusCode": 200}'}`],
  },
  {
    code: 'apigw.validator.undefined',
    lines: [...HEAD, 'x-amazon-apigateway-request-validators:', '  basic: {validateRequestBody: true, validateRequestParameters: true}', 'x-amazon-apigateway-request-validator: basc', 'paths: {}'],
  },
  {
    code: 'apigw.security.undefined-scheme',
    json: true,
    lines: [
      JSON.stringify(
        {
          openapi: '3.0.1',
          info: { title: 't', version: '1' },
          paths: { '/a': { get: { security: [{ partner: [] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } } } } },
        },
        null,
        2,
      ),
    ],
  },
];

describe('language server: quick fixes over stdio', function () {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-fix-'));
    client = new LspClient();
    await client.initialize(CAPABILITIES);
  });

  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [i, c] of CASES.entries()) {
    it(`${c.code}: the preferred fix's edit makes the diagnostic go away`, async () => {
      const uri = pathToFileURL(path.join(dir, `api${i}.${c.json ? 'json' : 'yaml'}`)).toString();
      const text = `${c.lines.join('\n')}\n`;
      await client.open(uri, text, c.json ? 'json' : 'yaml');
      const pub = await client.waitFor(uri, (p) => p.diagnostics.some((d) => d.code === c.code));
      const diagnostic = pub.diagnostics.find((d) => d.code === c.code)!;
      assert.deepEqual(Object.keys(diagnostic.data as object), ['pointer']);
      const actions = await client.request<LspCodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(preferred[0].kind, 'quickfix');
      assert.deepEqual(preferred[0].diagnostics, [diagnostic]);
      const edits = preferred[0].edit?.changes?.[uri];
      assert.ok(edits, 'edits for the document');
      const fixed = applyEdits(text, edits);
      const before = await lintText(uri, text, async () => undefined);
      const after = await lintText(uri, fixed, async () => undefined);
      assert.deepEqual(
        after.diagnostics.map((d) => d.code),
        before.diagnostics.filter((d) => d.code !== c.code).map((d) => d.code),
        `fixed text:\n${fixed}`,
      );
    });
  }

  it('offers CORS as a refactoring on a path, and only what the client asks for', async () => {
    const uri = pathToFileURL(path.join(dir, 'cors.yaml')).toString();
    const text = [...HEAD, 'paths:', '  /a:', '    get:', '      responses: {"200": {description: ok}}', `      ${MOCK}`, ''].join('\n');
    await client.open(uri, text);
    await client.waitFor(uri);
    const at = { start: { line: 3, character: 3 }, end: { line: 3, character: 3 } };
    const refactors = await client.request<LspCodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: at, context: { diagnostics: [] } });
    assert.deepEqual(refactors.map((a) => [a.title, a.kind]), [['Enable CORS on /a (OPTIONS method with a MOCK integration)', 'refactor']]);
    const fixed = applyEdits(text, refactors[0].edit!.changes![uri]);
    assert.deepEqual((await lintText(uri, fixed, async () => undefined)).diagnostics, []);
    const onlyFixes = await client.request<LspCodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: at, context: { diagnostics: [], only: ['quickfix'] } });
    assert.deepEqual(onlyFixes, []);
  });
});
