import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintText } from '../../core/src/lint';
import { parseText } from '../../core/src/document/parse';
import { documentSymbols, type DocumentSymbol } from '../../core/src/language/documentSymbols';
import { foldingRanges } from '../../core/src/language/foldingRanges';
import { selectionRanges, type SelectionRange } from '../../core/src/language/selectionRanges';
import type { Range } from '../../core/src/document/types';

const REPO = path.resolve(__dirname, '..', '..', '..');

function shape(s: DocumentSymbol): unknown {
  return s.children.length > 0 ? { [`${s.name} ${s.detail ?? ''}`.trim()]: s.children.map(shape) } : `${s.name} ${s.detail ?? ''}`.trim();
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** Every symbol's name lies within it, and its children within it too (editors rely on both). */
function assertNested(s: DocumentSymbol): void {
  assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection inside range`);
  for (const c of s.children) {
    assert.ok(contains(s.range, c.range), `${c.name} inside ${s.name}`);
    assertNested(c);
  }
}

async function symbolsOf(file: string): Promise<DocumentSymbol[]> {
  const uri = pathToFileURL(path.join(REPO, file)).toString();
  const result = await lintText(uri, readFileSync(path.join(REPO, file), 'utf8'), async () => undefined);
  return documentSymbols(result, uri);
}

describe('document structure: outline, folding, selection', () => {
  it('outlines the REST example as API Gateway sees it', async () => {
    const [api] = await symbolsOf('examples/rest/api.yaml');
    assertNested(api);
    assert.equal(api.name, 'Bookstore API');
    assert.equal(api.detail, 'REST API 2.4.0');
    assert.deepEqual(api.children.map((c) => c.name), ['/', 'Authorizers', 'Request validators', 'Gateway responses', 'Models']);
    const resources = shape(api.children[0]) as { '/': unknown[] };
    assert.deepEqual(resources['/'].slice(0, 2), [
      { '/health /health': ['GET MOCK'] },
      {
        '/books /books': [
          'GET AWS_PROXY bookstore-catalog',
          'POST AWS_PROXY bookstore-catalog',
          'OPTIONS MOCK',
          {
            '/{id} /books/{id}': [
              'GET AWS_PROXY bookstore-catalog',
              'PUT AWS_PROXY bookstore-catalog',
              'DELETE AWS_PROXY bookstore-catalog',
              'OPTIONS MOCK',
              { '/reviews /books/{id}/reviews': ['GET HTTP_PROXY reviews.internal.bookstore.example.com', 'OPTIONS MOCK'] },
              { '/cover /books/{id}/cover': ['GET AWS s3'] },
            ],
          },
        ],
      },
    ]);
    assert.deepEqual(resources['/'].at(-1), { '/{proxy+} /{proxy+}': ['ANY AWS_PROXY bookstore-legacy-web'] });
    assert.deepEqual(shape(api.children[1]), {
      Authorizers: ['CognitoUserPool COGNITO_USER_POOLS', 'StaffToken TOKEN bookstore-staff-token-authorizer', 'PartnerAuthorizer REQUEST bookstore-partner-authorizer'],
    });
    assert.deepEqual(shape(api.children[2]), { 'Request validators': ['all body + parameters', 'params-only parameters (default)'] });
    const models = api.children[4];
    assert.equal(models.children[0].name, 'Money');
    assert.equal(models.children[0].range.start.line, models.children[0].selectionRange.start.line);
  });

  it('outlines the HTTP example with shared integrations, and no outline for a fragment', async () => {
    const [api] = await symbolsOf('examples/http/api.yaml');
    assertNested(api);
    assert.equal(api.detail, 'HTTP API 1.3.0');
    assert.deepEqual(api.children.map((c) => c.name), ['/', 'Authorizers', 'Integrations', 'Models']);
    const fragment = await lintText('file:///api/api.yaml', 'openapi: 3.0.1\npaths: {}\ncomponents: {schemas: {A: {$ref: "./a.yaml"}}}\n', async () => 'type: object\n');
    assert.deepEqual(documentSymbols(fragment, 'file:///api/a.yaml'), []);
  });

  it('folds block collections and block scalars from their key to their last line', () => {
    const doc = parseText('a:\n  b:\n    - x\n    - y\n  t: |\n    line1\n    line2\n  f: {one: 1}\nc: 1\n');
    assert.deepEqual(foldingRanges(doc), [
      { startLine: 0, endLine: 7 },
      { startLine: 1, endLine: 3 },
      { startLine: 4, endLine: 6 },
    ]);
  });

  it('folds JSON and flow YAML above the closing bracket, but never a block root', () => {
    const json = parseText('{\n  "a": {\n    "b": [\n      1\n    ]\n  },\n  "c": {}\n}');
    assert.deepEqual(foldingRanges(json), [
      { startLine: 0, endLine: 6 },
      { startLine: 1, endLine: 4 },
      { startLine: 2, endLine: 3 },
    ]);
    const nested = parseText('- - a\n  - b\n- c\n');
    assert.deepEqual(foldingRanges(nested), [{ startLine: 0, endLine: 1 }]);
  });

  it('folds every resource of the REST example, including VTL templates', () => {
    const text = readFileSync(path.join(REPO, 'examples/rest/api.yaml'), 'utf8');
    const ranges = foldingRanges(parseText(text));
    const lines = text.split('\n');
    const startsAt = (needle: string) => ranges.some((r) => lines[r.startLine].includes(needle));
    assert.ok(startsAt('  /books/{id}:'));
    assert.ok(startsAt('description: |'));
    assert.ok(ranges.every((r) => r.endLine > r.startLine));
  });

  it('expands a selection from a string to its property, object and up to the document', () => {
    const doc = parseText('a:\n  b: "hello"\n  c: 1\n');
    const [sel] = selectionRanges(doc, [{ line: 1, character: 7 }]);
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) {
      chain.push(doc.text.slice(doc.lines.offsetAt(s.range.start), doc.lines.offsetAt(s.range.end)));
    }
    assert.deepEqual(chain, ['hello', '"hello"', 'b: "hello"', 'b: "hello"\n  c: 1', 'a:\n  b: "hello"\n  c: 1']);
  });
});
