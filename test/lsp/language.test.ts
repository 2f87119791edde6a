import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../../core/src/document/lineIndex';
import { withCursor } from '../support/cursor';
import { LspClient } from '../support/lspClient';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Item {
  label: string;
  kind?: number;
  insertTextFormat?: number;
  insertTextMode?: number;
  textEdit?: { range: Range; newText: string };
  additionalTextEdits?: Array<{ range: Range; newText: string }>;
  documentation?: { kind: string; value: string };
  filterText?: string;
}
interface HoverAnswer {
  contents: { kind: string; value: string };
  range?: Range;
}

const YAML = [
  'openapi: 3.0.1',
  'info: {title: Shop, version: "1"}',
  'x-amazon-apigateway-api-key-source: HEADER',
  'paths:',
  '  /items/{id}:',
  '    get:',
  '      parameters:',
  '        - {name: id, in: path, required: true, schema: {type: string}}',
  '      responses:',
  '        "200": {description: ok, content: {application/json: {schema: {$ref: "./schemas.yaml#/Item"}}}}',
  '      x-amazon-apigateway-integration:',
  '        type: http',
  '        httpMethod: GET',
  '        uri: https://example.com/items/{id}',
  '        requestParameters:',
  '          integration.request.path.id: method.request.path.id',
  'components:',
  '  schemas:',
  '    Local: {$ref: "./schemas.yaml#/Item"}',
  '',
].join('\n');

const JSON_DOC = `{
  "openapi": "3.0.1",
  "info": {"title": "Shop", "version": "1"},
  "x-amazon-apigateway-api-key-source": "HEADER",
  "paths": {
    "/items": {
      "get": {
        "responses": {"200": {"description": "ok"}},
        "x-amazon-apigateway-integration": {
          "type": "mock",
          "passthroughBehavior": "never"
        }
      }
    }
  }
}
`;

describe('language server: completion and hover over stdio', function () {
  let client: LspClient;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-lang-'));
    writeFileSync(path.join(dir, 'schemas.yaml'), 'Item:\n  type: object\n  properties:\n    id: {type: string}\n');
    client = new LspClient();
    const capabilities = await client.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    assert.ok(capabilities.completionProvider);
    assert.equal(capabilities.hoverProvider, true);
  });

  afterEach(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens (or changes) `name` to the text of `marked` and returns the uri and the cursor position. */
  async function openAt(name: string, marked: string, version = 1): Promise<{ uri: string; position: Position; text: string }> {
    const { text, offset } = withCursor(marked);
    const uri = pathToFileURL(path.join(dir, name)).toString();
    if (version === 1) await client.open(uri, text, name.endsWith('.json') ? 'json' : 'yaml');
    else await client.change(uri, version, text);
    return { uri, position: new LineIndex(text).positionAt(offset), text };
  }

  async function completion(uri: string, position: Position): Promise<Item[]> {
    const list = await client.request<{ items: Item[] } | null>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(list, 'a completion list');
    return list.items;
  }

  function find(items: Item[], label: string): Item {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no '${label}' among ${items.map((i) => i.label).join(', ')}`);
    return item;
  }

  it('completes a half-typed key in a nested YAML object with a snippet that keeps its indentation', async () => {
    const { uri, position } = await openAt('api.yaml', YAML.replace('        type: http\n', '        type: http\n        time‸\n'));
    const items = await completion(uri, position);
    const timeout = find(items, 'timeoutInMillis');
    assert.equal(timeout.textEdit?.newText, 'timeoutInMillis: ${1:29000}');
    assert.deepEqual(timeout.textEdit?.range, { start: { line: position.line, character: 8 }, end: position });
    assert.equal(timeout.insertTextFormat, 2, 'snippet');
    assert.equal(timeout.insertTextMode, 1, 'as is');
    assert.equal(timeout.documentation?.kind, 'markdown');
    assert.ok(!items.some((i) => i.label === 'type'), 'present keys are not offered');
  });

  it('completes on an empty line, by the indentation of the cursor', async () => {
    const { uri, position } = await openAt('api.yaml', YAML.replace('      x-amazon-apigateway-integration:\n', '      ‸\n      x-amazon-apigateway-integration:\n'));
    const labels = (await completion(uri, position)).map((i) => i.label);
    assert.ok(labels.includes('x-amazon-apigateway-request-validator'));
    assert.ok(!labels.includes('x-amazon-apigateway-integration'), 'already there');
  });

  it('completes mapping expressions from the declared parameters, and $ref targets in other files', async () => {
    const expression = await openAt('api.yaml', YAML.replace('method.request.path.id', 'method.request.p‸'));
    const labels = (await completion(expression.uri, expression.position)).map((i) => i.label);
    assert.ok(labels.includes('method.request.path.id'));
    const ref = await openAt('api.yaml', YAML.replace('./schemas.yaml#/Item', '‸'), 2);
    const refs = await completion(ref.uri, ref.position);
    // The user's quotes are part of the replaced text and are kept.
    assert.equal(find(refs, './schemas.yaml#/Item').textEdit?.newText, '"./schemas.yaml#/Item"');
    assert.equal(find(refs, '#/components/schemas/Local').textEdit?.newText, '"#/components/schemas/Local"');
  });

  it('completes JSON keys with quotes, the value and the commas around them', async () => {
    const { uri, position, text } = await openAt('api.json', JSON_DOC.replace('"passthroughBehavior": "never"\n', '"passthroughBehavior": "never"\n          "time‸"\n'));
    const timeout = find(await completion(uri, position), 'timeoutInMillis');
    assert.equal(timeout.textEdit?.newText, '"timeoutInMillis": ${1:29000}');
    assert.equal(timeout.filterText, '"timeoutInMillis"');
    const lines = new LineIndex(text);
    const range = timeout.textEdit!.range;
    assert.equal(text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)), '"time"');
    assert.deepEqual(timeout.additionalTextEdits?.map((e) => e.newText), [',']);
    const comma = lines.offsetAt(timeout.additionalTextEdits![0].range.start);
    assert.equal(text.slice(comma - 7, comma), '"never"');
  });

  it('completes JSON enum values and integration snippets as values', async () => {
    const value = await openAt('api.json', JSON_DOC.replace('"never"', '"‸"'));
    const never = find(await completion(value.uri, value.position), 'when_no_templates');
    assert.equal(never.textEdit?.newText, '"when_no_templates"');
    const snippet = await openAt('api.json', JSON_DOC.replace('"x-amazon-apigateway-integration": {\n          "type": "mock",\n          "passthroughBehavior": "never"\n        }', '"x-amazon-apigateway-integration": ‸'), 2);
    const proxy = find(await completion(snippet.uri, snippet.position), 'Lambda proxy');
    assert.match(proxy.textEdit?.newText ?? '', /^\{\n {10}"type": "aws_proxy",\n {10}"httpMethod": "POST",\n {10}"uri": "arn:aws:apigateway:\$\{1:us-east-1\}/);
    assert.match(proxy.textEdit?.newText ?? '', /\n {8}\}$/);
  });

  it('hovers an extension key and a field in YAML, and a value in JSON', async () => {
    const yaml = await openAt('api.yaml', YAML.replace('x-amazon-apigateway-integration:', 'x-amazon-apigateway-integ‸ration:'));
    const onKey = await client.request<HoverAnswer | null>('textDocument/hover', { textDocument: { uri: yaml.uri }, position: yaml.position });
    assert.equal(onKey?.contents.kind, 'markdown');
    assert.match(onKey?.contents.value ?? '', /Back-end integration of a method/);
    assert.deepEqual(onKey?.range, { start: { line: yaml.position.line, character: 6 }, end: { line: yaml.position.line, character: 37 } });
    const field = await openAt('api.yaml', YAML.replace('httpMethod: GET', 'http‸Method: GET'), 2);
    const onField = await client.request<HoverAnswer | null>('textDocument/hover', { textDocument: { uri: field.uri }, position: field.position });
    assert.match(onField?.contents.value ?? '', /`GET`, `POST`/);
    const json = await openAt('api.json', JSON_DOC.replace('"never"', '"nev‸er"'));
    const onValue = await client.request<HoverAnswer | null>('textDocument/hover', { textDocument: { uri: json.uri }, position: json.position });
    assert.match(onValue?.contents.value ?? '', /passthroughBehavior/);
  });

  it('previews a $ref target from another file on hover', async () => {
    const { uri, position } = await openAt('api.yaml', YAML.replace('./schemas.yaml#/Item', './schemas.yaml#/It‸em'));
    const answer = await client.request<HoverAnswer | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.match(answer?.contents.value ?? '', /^schemas\.yaml · `#\/Item`\n\n```yaml\nItem:\n  type: object/);
  });

  it('sends plain text, the snippet with its defaults, to a client without snippet support', async () => {
    const plain = new LspClient();
    try {
      await plain.initialize();
      const { text, offset } = withCursor(YAML.replace('        type: http\n', '        type: http\n        time‸\n'));
      const uri = pathToFileURL(path.join(dir, 'plain.yaml')).toString();
      await plain.open(uri, text);
      const list = await plain.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: new LineIndex(text).positionAt(offset) });
      const timeout = find(list.items, 'timeoutInMillis');
      assert.equal(timeout.insertTextFormat, 1);
      assert.equal(timeout.textEdit?.newText, 'timeoutInMillis: 29000');
    } finally {
      await plain.shutdown();
    }
  });

  it('still answers in a document with a syntax error, and never fails a request', async () => {
    const broken = YAML.replace('        type: http\n', '        type: [http\n        tim‸\n');
    const { uri, position } = await openAt('api.yaml', broken);
    assert.ok((await completion(uri, position)).some((i) => i.label === 'timeoutInMillis'));
    const hovered = await client.request<HoverAnswer | null>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 10 } });
    assert.match(hovered?.contents.value ?? '', /x-amazon-apigateway-integration/);
    const { text } = withCursor(broken);
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset += 11) {
      const at = lines.positionAt(offset);
      await client.request('textDocument/completion', { textDocument: { uri }, position: at });
      await client.request('textDocument/hover', { textDocument: { uri }, position: at });
    }
    assert.equal(client.exitCode, null);
    assert.doesNotMatch(client.stderr, /unexpected error|failed on/);
  });
});
