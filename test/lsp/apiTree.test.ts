import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiTreeResult } from '../../server/src/apiTreeProtocol';
import { LspClient } from '../support/lspClient';

const API = ['openapi: 3.0.1', 'info: {title: Orders, version: "1"}', 'paths:', '  /orders:', '    get:', '      responses: {"200": {description: ok}}', '      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: "{}"}}', ''].join('\n');

describe('language server: apigw/apiTree', () => {
  let client: LspClient;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-tree-'));
    client = new LspClient();
    await client.initialize();
  });

  afterEach(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers for closed definitions on disk and leaves other files out', async () => {
    const api = path.join(dir, 'api.yaml');
    const other = path.join(dir, 'config.json');
    writeFileSync(api, API);
    writeFileSync(other, '{"name": "not an API"}');
    const missing = pathToFileURL(path.join(dir, 'gone.yaml')).toString();
    const result: ApiTreeResult = await client.connection.sendRequest('apigw/apiTree', { uris: [pathToFileURL(api).toString(), pathToFileURL(other).toString(), missing] });
    assert.deepEqual(result.trees.map((t) => t.name), ['Orders']);
    assert.deepEqual(result.trees[0].root.children.map((c) => [c.path, c.methods.map((m) => m.method)]), [['/orders', ['GET']]]);
  });

  it('follows the open buffer, not the disk', async () => {
    const api = path.join(dir, 'api.yaml');
    writeFileSync(api, API);
    const uri = pathToFileURL(api).toString();
    await client.open(uri, API.replace('/orders', '/carts'));
    const result: ApiTreeResult = await client.connection.sendRequest('apigw/apiTree', { uris: [uri] });
    assert.equal(result.trees[0].root.children[0].path, '/carts');
  });
});
