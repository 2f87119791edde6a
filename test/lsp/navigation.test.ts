import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

const REPO = path.resolve(__dirname, '..', '..', '..');

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Symbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: Symbol[];
}

const ENTRY = [
  'openapi: 3.0.1',
  'info: {title: Shop, version: "1"}',
  'paths:',
  '  /items:',
  '    get:',
  '      security: [{key: []}]',
  '      responses:',
  '        "200":',
  '          description: ok',
  '          content: {application/json: {schema: {$ref: "./schemas.yaml#/Item"}}}',
  '      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: \'{"statusCode": 200}\'}}',
  '    post:',
  '      security: [{key: []}]',
  '      responses: {"201": {description: made, content: {application/json: {schema: {$ref: "./schemas.yaml#/Item"}}}}}',
  '      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: \'{"statusCode": 201}\'}}',
  'components:',
  '  securitySchemes:',
  '    key: {type: apiKey, name: x-api-key, in: header}',
  '',
].join('\n');
const SCHEMAS = 'Item:\n  type: object\n  properties:\n    id: {type: string}\n';

describe('language server: navigation and structure over stdio', function () {
  let client: LspClient;
  let dir: string;
  let entry: string;
  let schemas: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-nav-'));
    writeFileSync(path.join(dir, 'schemas.yaml'), SCHEMAS);
    entry = pathToFileURL(path.join(dir, 'api.yaml')).toString();
    schemas = pathToFileURL(path.join(dir, 'schemas.yaml')).toString();
    client = new LspClient();
  });

  afterEach(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('declares the navigation capabilities', async () => {
    const caps = await client.initialize();
    for (const name of ['definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'codeActionProvider']) {
      assert.ok(caps[name], name);
    }
  });

  it('goes to a definition in another file: a location link when the client takes them, else a location', async () => {
    await client.initialize({ textDocument: { definition: { linkSupport: true } } });
    await client.open(entry, ENTRY);
    const links = await client.request<Array<{ targetUri: string; targetRange: Range; targetSelectionRange: Range; originSelectionRange: Range }>>('textDocument/definition', {
      textDocument: { uri: entry },
      position: { line: 9, character: 60 },
    });
    assert.equal(links.length, 1);
    assert.equal(links[0].targetUri, schemas);
    assert.deepEqual(links[0].targetSelectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    assert.deepEqual(links[0].targetRange.start, { line: 0, character: 0 });
    assert.equal(links[0].originSelectionRange.start.line, 9);
    const plain = new LspClient();
    try {
      await plain.initialize();
      await plain.open(entry, ENTRY);
      const [location] = await plain.request<Array<{ uri: string; range: Range }>>('textDocument/definition', { textDocument: { uri: entry }, position: { line: 5, character: 20 } });
      assert.equal(location.uri, entry);
      assert.equal(location.range.start.line, 17);
    } finally {
      await plain.shutdown();
    }
  });

  it('finds references across files from the declaring file, with the declaration when asked', async () => {
    await client.initialize();
    await client.open(entry, ENTRY);
    await client.waitFor(entry);
    await client.open(schemas, SCHEMAS);
    const refs = await client.request<Array<{ uri: string; range: Range }>>('textDocument/references', {
      textDocument: { uri: schemas },
      position: { line: 0, character: 2 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((r) => [r.uri === entry ? 'api' : 'schemas', r.range.start.line]),
      [
        ['schemas', 0],
        ['api', 9],
        ['api', 13],
      ],
    );
    const uses = await client.request<unknown[]>('textDocument/references', {
      textDocument: { uri: entry },
      position: { line: 17, character: 5 },
      context: { includeDeclaration: false },
    });
    assert.equal(uses.length, 2);
  });

  it('outlines examples/rest/api.yaml as resources, methods and API Gateway objects', async () => {
    await client.initialize();
    const uri = pathToFileURL(path.join(dir, 'rest.yaml')).toString();
    await client.open(uri, readFileSync(path.join(REPO, 'examples/rest/api.yaml'), 'utf8'));
    const [api] = await client.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(api.name, 'Bookstore API');
    assert.equal(api.kind, 2);
    assert.deepEqual(api.children?.map((c) => c.name), ['/', 'Authorizers', 'Request validators', 'Gateway responses', 'Models']);
    const root = api.children![0];
    assert.deepEqual(root.children?.map((c) => c.name), ['/health', '/books', '/stores', '/orders', '/partners', '/admin', '/{proxy+}']);
    const books = root.children![1];
    assert.deepEqual(books.children?.map((c) => `${c.name} ${c.detail}`), [
      'GET AWS_PROXY bookstore-catalog',
      'POST AWS_PROXY bookstore-catalog',
      'OPTIONS MOCK',
      '/{id} /books/{id}',
    ]);
    assert.equal(books.children![0].kind, 6);
    const report = root.children![5].children![0].children![0];
    assert.equal(report.detail, '/admin/reports/{reportId}');
  });

  it('folds the example, and expands selections', async () => {
    await client.initialize();
    const uri = pathToFileURL(path.join(dir, 'rest.yaml')).toString();
    const text = readFileSync(path.join(REPO, 'examples/rest/api.yaml'), 'utf8');
    await client.open(uri, text);
    const folds = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = text.split('\n');
    const books = lines.indexOf('  /books/{id}:');
    const fold = folds.find((f) => f.startLine === books);
    assert.ok(fold, 'the /books/{id} path item folds');
    assert.equal(lines[fold.endLine + 1], '');
    assert.ok(folds.length > 300, `${folds.length} ranges`);
    const [selection] = await client.request<Array<{ range: Range; parent?: { range: Range } }>>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [{ line: books, character: 4 }],
    });
    assert.deepEqual(selection.range, { start: { line: books, character: 2 }, end: { line: books, character: 13 } });
    assert.equal(selection.parent?.range.start.line, books);
  });

  it('answers nothing, without failing, for a document that is not an API definition', async () => {
    await client.initialize();
    const other = pathToFileURL(path.join(dir, 'compose.yaml')).toString();
    await client.open(other, 'services:\n  web: {image: nginx}\n');
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: other } }), []);
    assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri: other }, position: { line: 0, character: 1 } }), []);
  });
});
