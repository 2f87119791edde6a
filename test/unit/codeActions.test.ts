import assert from 'node:assert/strict';
import { lintText, type LintResult } from '../../core/src/lint';
import { parseText } from '../../core/src/document/parse';
import { codeActions, type CodeAction, type DiagnosticRef } from '../../core/src/language/codeActions';
import type { Diagnostic } from '../../core/src/validate/diagnostic';
import { applyEdits } from '../support/applyEdits';
import { dedent } from '../support/lint';

const LAMBDA = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';

interface Files {
  [name: string]: string;
}

async function lintFiles(files: Files, entry: string): Promise<LintResult> {
  return lintText(`file:///api/${entry}`, files[entry], async (uri) => files[uri.replace('file:///api/', '')]);
}

function codes(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => `${d.code}@${d.uri.replace('file:///api/', '')}${d.pointer}`).sort();
}

/**
 * Lints, asks for the actions on the first `code` diagnostic, applies the one whose title
 * matches (else the preferred one), and lints again. The fix must remove that diagnostic
 * and add none: the other diagnostics stay exactly as they were.
 */
async function fix(text: string, code: string, options: { title?: RegExp; entry?: string; files?: Files; json?: boolean; all?: boolean } = {}) {
  const entry = options.entry ?? (options.json ? 'api.json' : 'api.yaml');
  const files: Files = { ...options.files, [entry]: options.json ? text : dedent(text) };
  const before = await lintFiles(files, entry);
  const target = before.diagnostics.find((d) => d.code === code);
  assert.ok(target, `expected ${code} in ${JSON.stringify(codes(before.diagnostics))}`);
  const sent: DiagnosticRef = { code: target.code, pointer: target.pointer, range: target.range };
  const actions = codeActions(before, target.uri, target.range, [sent]).filter((a) => a.kind === 'quickfix');
  const chosen = options.title ? actions.find((a) => options.title!.test(a.title)) : actions.find((a) => a.isPreferred);
  assert.ok(chosen, `an action among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(chosen.diagnostic, sent);
  const fixed: Files = { ...files };
  for (const [uri, edits] of Object.entries(chosen.edit.changes)) {
    const name = uri.replace('file:///api/', '');
    fixed[name] = applyEdits(files[name], edits);
    assert.deepEqual(parseText(fixed[name]).problems, [], `clean parse of ${name}:\n${fixed[name]}`);
  }
  const after = await lintFiles(fixed, entry);
  const expected = codes(before.diagnostics).filter((c) => (options.all ? !c.startsWith(`${code}@`) : c !== codes([target])[0]));
  assert.deepEqual(codes(after.diagnostics), expected, `after the fix:\n${fixed[entry]}`);
  return { text: fixed[entry], files: fixed, actions, chosen, after };
}

const INFO = 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\n';

describe('code actions: each quick fix removes its diagnostic and adds none', () => {
  it('apigw.integration.lambda-post: httpMethod to POST, in YAML and JSON', async () => {
    const yaml = await fix(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /orders:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: aws_proxy
              httpMethod: "GET"
              uri: ${LAMBDA}`,
      'apigw.integration.lambda-post',
    );
    assert.match(yaml.text, /httpMethod: "POST"/);
    assert.equal(yaml.chosen.isPreferred, true);
    const doc = {
      openapi: '3.0.1',
      info: { title: 't', version: '1' },
      paths: { '/orders': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'GET', uri: LAMBDA } } } },
    };
    const json = await fix(JSON.stringify(doc, null, 2), 'apigw.integration.lambda-post', { json: true });
    assert.match(json.text, /"httpMethod": "POST"/);
  });

  it('apigw.mapping.undeclared-parameter: creates the parameters list (OAS3 schema) ahead of responses', async () => {
    const { text } = await fix(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /books:
          get:
            summary: list
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: GET
              uri: https://example.com/books
              requestParameters:
                integration.request.querystring.page: method.request.querystring.page
              responses:
                default: {statusCode: "200"}`,
      'apigw.mapping.undeclared-parameter',
    );
    assert.match(text, /summary: list\n {6}parameters:\n {8}- name: page\n {10}in: query\n {10}schema:\n {12}type: string\n {6}responses:/);
  });

  it('apigw.mapping.undeclared-parameter: appends a header to an existing JSON list; OAS2 writes type inline', async () => {
    const doc = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: {
        '/books': {
          get: {
            parameters: [{ name: 'q', in: 'query', type: 'string' }],
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'http',
              httpMethod: 'GET',
              uri: 'https://example.com/books',
              requestParameters: { 'integration.request.header.X-Trace': 'method.request.header.X-Trace' },
              responses: { default: { statusCode: '200' } },
            },
          },
        },
      },
    };
    const { text } = await fix(JSON.stringify(doc, null, 4), 'apigw.mapping.undeclared-parameter', { json: true });
    const params = JSON.parse(text).paths['/books'].get.parameters;
    assert.deepEqual(params[1], { name: 'X-Trace', in: 'header', type: 'string' });
    assert.match(text, /\n {20}\{\n {24}"name": "X-Trace",/);
  });

  it('apigw.mapping.cache-key: declares the query parameter a cache key names', async () => {
    const { text } = await fix(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /books:
          get:
            parameters: [{name: q, in: query, schema: {type: string}}]
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: http_proxy
              httpMethod: GET
              uri: https://example.com/books
              cacheKeyParameters: [method.request.querystring.lang]`,
      'apigw.mapping.cache-key',
    );
    assert.match(text, /parameters: \[\{name: q, in: query, schema: \{type: string\}\}, \{name: lang, in: query, schema: \{type: string\}\}\]/);
  });

  it('apigw.path.undeclared-parameter: declares every missing path parameter, required', async () => {
    const { text } = await fix(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /shops/{shopId}/items/{itemId}:
          get:
            parameters:
              - name: verbose
                in: query
                schema: {type: boolean}
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}`,
      'apigw.path.undeclared-parameter',
    );
    assert.match(text, /- name: shopId\n {10}in: path\n {10}required: true\n {10}schema:\n {12}type: string\n {8}- name: itemId/);
  });

  it('apigw.integration.missing: a MOCK stub (preferred), a Lambda proxy or an HTTP proxy', async () => {
    const api = `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /items/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get:
            responses:
              "204": {description: none}
          put:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}`;
    const mock = await fix(api, 'apigw.integration.missing');
    assert.deepEqual(
      mock.actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Add a MOCK integration (stub) to GET /items/{id}', true],
        ['Add a Lambda proxy integration (placeholder function ARN) to GET /items/{id}', false],
        ['Add an HTTP proxy integration (placeholder URL) to GET /items/{id}', false],
      ],
    );
    assert.match(mock.text, /statusCode: "204"/);
    const lambda = await fix(api, 'apigw.integration.missing', { title: /Lambda/ });
    assert.match(lambda.text, /type: aws_proxy\n {8}httpMethod: POST\n {8}uri: arn:aws:apigateway:/);
    const http = await fix(api, 'apigw.integration.missing', { title: /HTTP proxy/ });
    assert.match(http.text, /uri: https:\/\/backend\.example\.com\/items\/\{id\}\n {8}requestParameters:\n {10}integration\.request\.path\.id: method\.request\.path\.id/);
  });

  it('apigw.integration.missing on paths: integrates every method at once', async () => {
    const { chosen, text } = await fix(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /a:
          get: {responses: {"200": {description: ok}}}
        /b:
          post:
            responses:
              "201": {description: made}`,
      'apigw.integration.missing',
    );
    assert.equal(chosen.title, 'Add a MOCK integration (stub) to all 2 methods');
    assert.match(text, /get: \{responses: \{"200": \{description: ok\}\}, x-amazon-apigateway-integration: \{type: mock,/);
  });

  it('apigw.extension.enum: the documented spelling, or the value a typo meant', async () => {
    const hint = await fix(`${INFO}x-amazon-apigateway-api-key-source: header\npaths: {}\n`, 'apigw.extension.enum');
    assert.match(hint.text, /api-key-source: HEADER/);
    const typo = await fix(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /a:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: mock
              passthroughBehavior: 'when_no_matc'
              requestTemplates: {application/json: '{"statusCode": 200}'}`,
      'apigw.extension.enum',
    );
    assert.match(typo.text, /passthroughBehavior: 'when_no_match'/);
  });

  it('apigw.extension.unknown and unknown-property: rename to the suggestion', async () => {
    const ext = await fix(`${INFO}x-amazon-apigateway-api-key-sorce: HEADER\npaths: {}\n`, 'apigw.extension.unknown');
    assert.match(ext.text, /^x-amazon-apigateway-api-key-source: HEADER$/m);
    const prop = await fix(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /a:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: aws_proxy
              httpMethod: POST
              uri: ${LAMBDA}
              timeoutInMilis: 5000`,
      'apigw.extension.unknown-property',
    );
    assert.match(prop.text, /timeoutInMillis: 5000/);
  });

  it('never renames a key into a duplicate of its neighbour', async () => {
    const text = dedent(`
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /a:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplate: {application/json: "{}"}
              requestTemplates: {application/json: '{"statusCode": 200}'}`);
    const result = await lintFiles({ 'api.yaml': text }, 'api.yaml');
    const d = result.diagnostics.find((x) => x.code === 'apigw.extension.unknown-property')!;
    assert.deepEqual(codeActions(result, d.uri, d.range, [{ code: d.code, pointer: d.pointer, range: d.range }]).filter((a) => a.kind === 'quickfix'), []);
  });

  it('apigw.extension.unknown-property on an AWS service integration: the subtype parameter meant', async () => {
    const { text } = await fix(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      x-amazon-apigateway-cors: {allowOrigins: ["*"]}
      paths:
        /q:
          post:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: aws_proxy
              integrationSubtype: SQS-SendMessage
              credentials: arn:aws:iam::123456789012:role/r
              payloadFormatVersion: "1.0"
              requestParameters:
                QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/q
                MessageBody: $request.body
                DelaySecond: "1"`,
      'apigw.extension.unknown-property',
    );
    assert.match(text, /DelaySeconds: "1"/);
  });

  it('apigw.validator.undefined: the declared name meant, or a new validator', async () => {
    const api = `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      x-amazon-apigateway-request-validators:
        all: {validateRequestBody: true, validateRequestParameters: true}
      paths:
        /a:
          post:
            x-amazon-apigateway-request-validator: alll
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}`;
    const rename = await fix(api, 'apigw.validator.undefined');
    assert.match(rename.text, /request-validator: all\n/);
    const create = await fix(api, 'apigw.validator.undefined', { title: /Create/ });
    assert.match(create.text, /all: \{validateRequestBody: true, validateRequestParameters: true\}\n {2}alll:\n {4}validateRequestBody: true/);
    const none = await fix(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      x-amazon-apigateway-request-validator: params-only
      paths: {}`,
      'apigw.validator.undefined',
    );
    assert.match(none.text, /x-amazon-apigateway-request-validators:\n {2}params-only:\n {4}validateRequestBody: false\n {4}validateRequestParameters: true\npaths: \{\}/);
    assert.equal(none.actions.length, 1);
  });

  it('apigw.security.undefined-scheme: the scheme meant, or an API key stub where the version keeps schemes', async () => {
    const api = `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /a:
          get:
            security: [{apikey: []}]
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
      components:
        schemas: {}
        securitySchemes:
          api_key: {type: apiKey, name: x-api-key, in: header}`;
    const rename = await fix(api, 'apigw.security.undefined-scheme');
    assert.match(rename.text, /security: \[\{api_key: \[\]\}\]/);
    const stub = await fix(api, 'apigw.security.undefined-scheme', { title: /Define/ });
    assert.match(stub.text, /api_key: \{type: apiKey, name: x-api-key, in: header\}\n {4}apikey:\n {6}type: apiKey\n {6}name: x-api-key\n {6}in: header\n?$/);
    const swagger = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { security: [{ partner: [] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock' } } } },
    };
    const oas2 = await fix(JSON.stringify(swagger, null, 2), 'apigw.security.undefined-scheme', { json: true });
    assert.deepEqual(JSON.parse(oas2.text).securityDefinitions, { partner: { type: 'apiKey', name: 'x-api-key', in: 'header' } });
  });

  it('fixes a diagnostic in a $ref\'d file in that file, and finds the pointer when a client dropped it', async () => {
    const files = {
      'ops.yaml': 'getItem:\n  responses: {"200": {description: ok}}\n  x-amazon-apigateway-integration:\n    type: aws_proxy\n    httpMethod: GET\n    uri: ' + LAMBDA + '\n',
    };
    const entry = `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /a:
          get: {$ref: "./ops.yaml#/getItem"}`;
    const result = await fix(entry, 'apigw.integration.lambda-post', { files });
    assert.match(result.files['ops.yaml'], /httpMethod: POST/);
    const before = await lintFiles({ ...files, 'api.yaml': dedent(entry) }, 'api.yaml');
    const d = before.diagnostics.find((x) => x.code === 'apigw.integration.lambda-post')!;
    const actions: Array<CodeAction<DiagnosticRef>> = codeActions(before, d.uri, d.range, [{ code: d.code, range: d.range }]);
    assert.equal(actions.length, 1);
  });
});

describe('code actions: enabling CORS', () => {
  async function actionsAt(text: string, needle: string, name = 'api.yaml') {
    const files = { [name]: name.endsWith('.json') ? text : dedent(text) };
    const result = await lintFiles(files, name);
    const offset = files[name].indexOf(needle);
    const position = result.set.entry.parsed.lines.positionAt(offset);
    return { files, result, actions: codeActions(result, result.set.entry.uri, { start: position, end: position }, []) };
  }

  it('adds an OPTIONS method with a MOCK integration to a REST resource, cleanly', async () => {
    const { files, result, actions } = await actionsAt(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /items/{id}:
          get:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
          delete:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {"204": {description: gone}}
            x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 204}'}}`,
      'delete:',
    );
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Enable CORS on /items/{id} (OPTIONS method with a MOCK integration)', 'refactor']]);
    const text = applyEdits(files['api.yaml'], actions[0].edit.changes[result.set.entry.uri]);
    const after = await lintFiles({ 'api.yaml': text }, 'api.yaml');
    assert.deepEqual(after.diagnostics, []);
    const options = after.model.operations.find((op) => op.method === 'OPTIONS');
    assert.ok(options);
    assert.deepEqual(options.parameters.map((p) => p.name), ['id']);
    assert.match(text, /method\.response\.header\.Access-Control-Allow-Methods: "'GET,DELETE,OPTIONS'"/);
    const again = await actionsAt(text, 'delete:');
    assert.deepEqual(again.actions, [], 'not offered twice');
  });

  it('writes OAS2 headers and JSON, and offers nothing outside paths', async () => {
    const swagger = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } } } } },
    };
    const { files, result, actions } = await actionsAt(JSON.stringify(swagger, null, 2), '"/a"', 'api.json');
    const text = applyEdits(files['api.json'], actions[0].edit.changes[result.set.entry.uri]);
    const options = JSON.parse(text).paths['/a'].options;
    assert.deepEqual(options.responses['200'].headers['Access-Control-Allow-Origin'], { type: 'string' });
    assert.deepEqual((await lintFiles({ 'api.json': text }, 'api.json')).diagnostics, []);
    assert.deepEqual((await actionsAt(JSON.stringify(swagger, null, 2), '"info"', 'api.json')).actions, []);
  });

  it('adds x-amazon-apigateway-cors to an HTTP API', async () => {
    const { files, result, actions } = await actionsAt(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /a:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration: {type: aws_proxy, uri: "arn:aws:lambda:us-east-1:123456789012:function:f", payloadFormatVersion: "2.0"}`,
      '/a:',
    );
    assert.equal(actions[0].title, 'Enable CORS for the API (x-amazon-apigateway-cors)');
    const text = applyEdits(files['api.yaml'], actions[0].edit.changes[result.set.entry.uri]);
    assert.match(text, /x-amazon-apigateway-cors:\n {2}allowOrigins:\n {4}- "\*"\n {2}allowMethods:\n {4}- GET\n/);
    const after = await lintFiles({ 'api.yaml': text }, 'api.yaml');
    assert.equal(after.model.kind, 'HTTP');
    assert.deepEqual(after.diagnostics, []);
  });
});
