import assert from 'node:assert/strict';
import { lintText, type LintResult } from '../../core/src/lint';
import type { Position, Range } from '../../core/src/document/types';
import { findDefinition } from '../../core/src/language/definition';
import { findReferences } from '../../core/src/language/references';
import { dedent } from '../support/lint';

const ENTRY = 'file:///api/api.yaml';

async function load(text: string, files: Record<string, string> = {}, name = 'api.yaml'): Promise<LintResult> {
  return lintText(`file:///api/${name}`, dedent(text), async (uri) => files[uri.replace('file:///api/', '')]);
}

/** The position of the `nth` occurrence of `needle` in the text of `uri`, plus `shift` characters. */
function at(result: LintResult, uri: string, needle: string, shift = 0, nth = 0): Position {
  const file = result.set.file(uri);
  assert.ok(file, uri);
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = file.parsed.text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} in ${uri}`);
  return file.parsed.lines.positionAt(offset + shift);
}

function textOf(result: LintResult, uri: string, range: Range): string {
  const file = result.set.file(uri)!;
  return file.parsed.text.slice(file.parsed.lines.offsetAt(range.start), file.parsed.lines.offsetAt(range.end));
}

const REST = `
  openapi: 3.0.1
  info: {title: Shop, version: "1"}
  x-amazon-apigateway-request-validators:
    all: {validateRequestBody: true, validateRequestParameters: true}
    params: {validateRequestBody: false, validateRequestParameters: true}
  x-amazon-apigateway-request-validator: params
  paths:
    /items:
      get:
        security:
          - key: []
        responses:
          "200": {$ref: "#/components/responses/Ok"}
        x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
      post:
        security: [{key: []}, {Cognito: []}]
        x-amazon-apigateway-request-validator: all
        requestBody:
          content: {application/json: {schema: {$ref: "./schemas.yaml#/Item"}}}
        responses:
          "201": {$ref: "#/components/responses/Ok"}
        x-amazon-apigateway-integration: {type: mock}
  components:
    responses:
      Ok: {description: ok}
    securitySchemes:
      key: {type: apiKey, name: x-api-key, in: header}
      Cognito: {type: apiKey, name: Authorization, in: header}
`;

const SCHEMAS = 'Item:\n  type: object\n  properties:\n    tags: {$ref: "#/Tags"}\nTags:\n  type: array\n';

describe('go to definition and find references', () => {
  it('follows a local $ref to the key of its target, from the value or the word $ref', async () => {
    const r = await load(REST, { 'schemas.yaml': SCHEMAS });
    for (const position of [at(r, ENTRY, '#/components/responses/Ok', 3), at(r, ENTRY, '$ref: "#/components/responses/Ok"', 1)]) {
      const [def] = findDefinition(r, ENTRY, position);
      assert.equal(def.uri, ENTRY);
      assert.equal(textOf(r, ENTRY, def.selectionRange), 'Ok');
      assert.equal(textOf(r, ENTRY, def.range), 'Ok: {description: ok}');
      assert.equal(textOf(r, ENTRY, def.originRange), '"#/components/responses/Ok"');
    }
  });

  it('follows a $ref into another file, and from there to a $ref inside it', async () => {
    const r = await load(REST, { 'schemas.yaml': SCHEMAS });
    const [def] = findDefinition(r, ENTRY, at(r, ENTRY, './schemas.yaml#/Item', 2));
    assert.equal(def.uri, 'file:///api/schemas.yaml');
    assert.deepEqual(def.selectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    const [inner] = findDefinition(r, 'file:///api/schemas.yaml', at(r, 'file:///api/schemas.yaml', '#/Tags', 1));
    assert.equal(textOf(r, inner.uri, inner.selectionRange), 'Tags');
  });

  it('goes from a security requirement to its scheme and from a validator name to the validator', async () => {
    const r = await load(REST);
    const [scheme] = findDefinition(r, ENTRY, at(r, ENTRY, 'Cognito: []', 2));
    assert.equal(textOf(r, ENTRY, scheme.range), 'Cognito: {type: apiKey, name: Authorization, in: header}');
    const [validator] = findDefinition(r, ENTRY, at(r, ENTRY, 'x-amazon-apigateway-request-validator: all', 40));
    assert.equal(textOf(r, ENTRY, validator.selectionRange), 'all');
    assert.equal(validator.range.start.line, 3);
    const [rootDefault] = findDefinition(r, ENTRY, at(r, ENTRY, 'validator: params', 12));
    assert.equal(textOf(r, ENTRY, rootDefault.selectionRange), 'params');
  });

  it('answers itself on a declaration, and nothing on an undefined name or plain text', async () => {
    const r = await load(REST);
    const [self] = findDefinition(r, ENTRY, at(r, ENTRY, 'Ok: {', 1));
    assert.equal(textOf(r, ENTRY, self.selectionRange), 'Ok');
    assert.deepEqual(findDefinition(r, ENTRY, at(r, ENTRY, 'title')), []);
    const broken = await load(`
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /a:
          get:
            security: [{nope: []}]
            responses: {"200": {$ref: "#/components/responses/Missing"}}`);
    assert.deepEqual(findDefinition(broken, ENTRY, at(broken, ENTRY, 'nope', 1)), []);
    assert.deepEqual(findDefinition(broken, ENTRY, at(broken, ENTRY, '#/components', 2)), []);
  });

  it('finds every requirement naming a scheme, with or without the declaration', async () => {
    const r = await load(REST);
    const refs = findReferences(r, ENTRY, at(r, ENTRY, 'key: {type', 1), true);
    assert.deepEqual(refs.map((l) => [l.range.start.line, textOf(r, l.uri, l.range)]), [
      [26, 'key'],
      [10, 'key'],
      [15, 'key'],
    ]);
    assert.equal(findReferences(r, ENTRY, at(r, ENTRY, '- key', 2), false).length, 2);
  });

  it('finds every $ref to a node across files, and the validator uses', async () => {
    const r = await load(REST, { 'schemas.yaml': SCHEMAS });
    const ok = findReferences(r, ENTRY, at(r, ENTRY, '"#/components/responses/Ok"', 1), false);
    assert.deepEqual(ok.map((l) => l.range.start.line), [12, 20]);
    const item = findReferences(r, 'file:///api/schemas.yaml', { line: 0, character: 1 }, true);
    assert.deepEqual(item.map((l) => [l.uri, l.range.start.line]), [
      ['file:///api/schemas.yaml', 0],
      [ENTRY, 18],
    ]);
    const params = findReferences(r, ENTRY, at(r, ENTRY, 'params: {', 1), false);
    assert.deepEqual(params.map((l) => textOf(r, l.uri, l.range)), ['params']);
  });

  it('links shared HTTP API integrations both ways, in JSON too', async () => {
    const json = JSON.stringify(
      {
        openapi: '3.0.1',
        info: { title: 'h', version: '1' },
        paths: {
          '/a': { get: { responses: {}, 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/fn' } } },
          '/b': { get: { responses: {}, 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/fn' } } },
        },
        components: { 'x-amazon-apigateway-integrations': { fn: { type: 'aws_proxy', uri: 'arn:aws:lambda:us-east-1:123456789012:function:f', payloadFormatVersion: '2.0' } } },
      },
      null,
      2,
    );
    const r = await lintText('file:///api/api.json', json, async () => undefined);
    const uri = 'file:///api/api.json';
    const [def] = findDefinition(r, uri, at(r, uri, '#/components/x-amazon-apigateway-integrations/fn', 1));
    assert.equal(textOf(r, uri, def.selectionRange), '"fn"');
    const refs = findReferences(r, uri, at(r, uri, '"fn": {', 1), true);
    assert.equal(refs.length, 3);
  });
});
