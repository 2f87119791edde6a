import assert from 'node:assert/strict';
import { lintText } from '../../core/src/lint';
import { complete } from '../../core/src/language/completion';
import { withCursor } from '../support/cursor';
import { INTEGRATION_TEMPLATES } from '../../core/src/language/integrationTemplates';
import { AUTHORIZER_TEMPLATES } from '../../core/src/language/authorizerTemplates';
import { accept, completeAt, entry, labels, type Completed } from '../support/completion';

/** A REST API (the api-key-source marker says so) with one operation; `‸` goes where `HERE` is. */
function restYaml(here: string, root = ''): string {
  return [
    'openapi: 3.0.1',
    'info: {title: Shop, version: "1"}',
    'x-amazon-apigateway-api-key-source: HEADER',
    'x-amazon-apigateway-request-validators:',
    '  all: {validateRequestBody: true, validateRequestParameters: true}',
    root,
    'paths:',
    '  /items/{key}:',
    '    get:',
    '      parameters:',
    '        - {name: key, in: path, required: true, schema: {type: string}}',
    '        - {name: X-Tenant, in: header, schema: {type: string}}',
    '      responses:',
    '        "200":',
    '          description: ok',
    '          headers: {X-Trace: {schema: {type: string}}}',
    '        "400": {description: bad request}',
    here,
    'components:',
    '  schemas:',
    '    Item: {type: object}',
    '    Error: {type: object}',
    '  securitySchemes:',
    '    ApiKey: {type: apiKey, name: x-api-key, in: header}',
    '',
  ].join('\n');
}

const MOCK = '      x-amazon-apigateway-integration: {type: mock}';
const HTTP_PROXY = '      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: ANY, uri: "https://example.com", payloadFormatVersion: "1.0"}';

function httpYaml(here: string): string {
  return [
    'openapi: 3.0.1',
    'info: {title: Checkout, version: "1"}',
    'x-amazon-apigateway-importexport-version: "1.0"',
    'x-amazon-apigateway-cors: {allowOrigins: ["*"]}',
    'paths:',
    '  /orders/{id}:',
    '    post:',
    '      parameters:',
    '        - {name: id, in: path, required: true, schema: {type: string}}',
    '      responses:',
    '        "200": {description: ok}',
    here,
    '',
  ].join('\n');
}

function restJson(here: string): string {
  return `{
  "openapi": "3.0.1",
  "info": {"title": "Shop", "version": "1"},
  "x-amazon-apigateway-api-key-source": "HEADER",
  "paths": {
    "/items/{key}": {
      "get": {
        "parameters": [{"name": "key", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "ok"}, "400": {"description": "bad request"}}
${here}
      }
    }
  }
}
`;
}

function httpJson(here: string): string {
  return `{
  "openapi": "3.0.1",
  "info": {"title": "Checkout", "version": "1"},
  "x-amazon-apigateway-importexport-version": "1.0",
  "x-amazon-apigateway-cors": {"allowOrigins": ["*"]},
  "paths": {
    "/orders/{id}": {
      "post": {
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "ok"}},
${here}
      }
    }
  }
}
`;
}

async function errorsAfter(completed: Completed, label: string, name = 'api.yaml'): Promise<string[]> {
  const text = accept(completed, entry(completed, label));
  const result = await lintText(`file:///api/${name}`, text, async () => undefined);
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message} @${d.pointer}\n${text}`);
}

describe('completion', () => {
  describe('extension keys', () => {
    it('offers the extension keys of an operation, with `key:` and a block for objects', async () => {
      const c = await completeAt(restYaml('      x-am‸'));
      const integration = entry(c, 'x-amazon-apigateway-integration');
      assert.equal(integration.insertText, 'x-amazon-apigateway-integration:\n        $1');
      assert.equal(c.text.slice(integration.start, integration.end), 'x-am');
      assert.equal(entry(c, 'x-amazon-apigateway-request-validator').insertText, 'x-amazon-apigateway-request-validator: $1');
      assert.match(integration.documentation ?? '', /api-gateway-swagger-extensions-integration\.html/);
      // Root-only extensions do not belong in an operation.
      assert.ok(!labels(c).includes('x-amazon-apigateway-cors'));
    });

    it('filters root keys by the API kind and leaves out keys already written', async () => {
      const rest = await completeAt(restYaml('', 'x-‸'));
      assert.ok(labels(rest).includes('x-amazon-apigateway-gateway-responses'));
      assert.ok(!labels(rest).includes('x-amazon-apigateway-cors'), 'HTTP only');
      assert.ok(!labels(rest).includes('x-amazon-apigateway-api-key-source'), 'already present');
      const http = await completeAt(httpYaml('').replace('paths:', 'x-‸\npaths:'));
      assert.ok(!labels(http).includes('x-amazon-apigateway-gateway-responses'), 'REST only');
      assert.ok(!labels(http).includes('x-amazon-apigateway-cors'), 'already present');
    });

    it('offers both kinds while nothing in the document tells them apart, the other kind ranked lower', async () => {
      const c = await completeAt('openapi: 3.0.1\ninfo: {title: New, version: "1"}\nx-‸\npaths: {}\n');
      const cors = entry(c, 'x-amazon-apigateway-cors');
      const responses = entry(c, 'x-amazon-apigateway-gateway-responses');
      assert.ok(cors.sortText > responses.sortText);
    });

    it('offers extensions in servers entries, tags entries and components', async () => {
      const server = await completeAt('openapi: 3.0.1\nservers:\n  - url: https://x\n    x-‸\npaths: {}\n');
      assert.deepEqual(labels(server), ['x-amazon-apigateway-endpoint-configuration']);
      const tag = await completeAt('openapi: 3.0.1\nx-amazon-apigateway-cors: {}\ntags:\n  - name: team\n    ‸\npaths: {}\n');
      assert.deepEqual(labels(tag), ['x-amazon-apigateway-tag-value']);
      const components = await completeAt('openapi: 3.0.1\nx-amazon-apigateway-cors: {}\ncomponents:\n  x‸\npaths: {}\n');
      assert.deepEqual(labels(components), ['x-amazon-apigateway-integrations']);
    });

    it('writes JSON keys quoted with their value, a comma after the entry before, and no doubled quotes', async () => {
      const c = await completeAt(restJson('        "x-am‸"'), { name: 'api.json' });
      const integration = entry(c, 'x-amazon-apigateway-integration');
      assert.equal(integration.insertText, '"x-amazon-apigateway-integration": {\n          $1\n        }');
      assert.equal(c.text.slice(integration.start, integration.end), '"x-am"');
      assert.equal(integration.filterText, '"x-amazon-apigateway-integration"');
      assert.equal(integration.additionalEdits.length, 1);
      assert.equal(c.text[integration.additionalEdits[0].offset - 1], '}');
      const validator = entry(c, 'x-amazon-apigateway-request-validator');
      assert.equal(validator.insertText, '"x-amazon-apigateway-request-validator": "$1"');
    });
  });

  describe('catalog fields and values', () => {
    it('offers integration properties with choices from the catalog, required first, kind-filtered', async () => {
      const c = await completeAt(httpYaml('      x-amazon-apigateway-integration:\n        ‸'));
      const type = entry(c, 'type');
      assert.equal(type.insertText, 'type: ${1|aws_proxy,http_proxy|}');
      assert.ok(type.sortText < entry(c, 'uri').sortText);
      assert.equal(entry(c, 'payloadFormatVersion').insertText, "payloadFormatVersion: ${1|'1.0','2.0'|}");
      assert.ok(!labels(c).includes('requestTemplates'), 'REST only');
      assert.ok(!labels(c).includes('passthroughBehavior'), 'REST only');
    });

    it('offers enum values of a field for this kind, and booleans', async () => {
      const rest = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: ‸'));
      assert.deepEqual(labels(rest), ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock']);
      const http = await completeAt(httpYaml('      x-amazon-apigateway-integration:\n        type: a‸'));
      assert.deepEqual(labels(http), ['aws_proxy', 'http_proxy']);
      const bool = await completeAt(restYaml('', 'x-amazon-apigateway-endpoint-configuration:\n  disableExecuteApiEndpoint: ‸'));
      assert.deepEqual(labels(bool), ['true', 'false']);
      const quoted = await completeAt(httpYaml('      x-amazon-apigateway-integration:\n        payloadFormatVersion: ‸'));
      assert.equal(entry(quoted, '2.0').insertText, "'2.0'");
    });

    it('drops fields that do not apply to the integration type written', async () => {
      const c = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: mock\n        tlsConfig:\n          ‸'));
      assert.deepEqual(labels(c), []);
      const http = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: http\n        tlsConfig:\n          ‸'));
      assert.deepEqual(labels(http), ['insecureSkipVerification']);
    });

    it('completes a bare word below a scalar extension as its value', async () => {
      const c = await completeAt(restYaml('', 'x-amazon-apigateway-minimum-compression-size: 0\nx-amazon-apigateway-endpoint-access-mode:\n  ST‸'));
      assert.deepEqual(labels(c), ['BASIC', 'STRICT']);
    });
  });

  describe('snippets', () => {
    for (const t of INTEGRATION_TEMPLATES) {
      it(`inserts the ${t.kind} integration "${t.label}" as a key, in YAML and JSON, and it lints without errors`, async () => {
        const yaml = await completeAt(t.kind === 'REST' ? restYaml('      x-am‸') : httpYaml('      x-am‸'));
        assert.deepEqual(await errorsAfter(yaml, `x-amazon-apigateway-integration: ${t.label}`), []);
        const json = await completeAt((t.kind === 'REST' ? restJson : httpJson)('        "x-am‸"'), { name: 'api.json' });
        assert.deepEqual(await errorsAfter(json, `x-amazon-apigateway-integration: ${t.label}`, 'api.json'), []);
      });
    }

    it('offers integrations as the value of the key and inside an empty integration object', async () => {
      const value = await completeAt(restYaml('      x-amazon-apigateway-integration: ‸'));
      const proxy = entry(value, 'Lambda proxy');
      assert.match(proxy.insertText, /^\n {8}type: aws_proxy\n {8}httpMethod: POST\n {8}uri: arn:aws:apigateway:\$\{1:us-east-1\}/);
      assert.deepEqual(await errorsAfter(value, 'Lambda proxy'), []);
      const inside = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        ‸'));
      assert.deepEqual(await errorsAfter(inside, 'MOCK with templates'), []);
      const json = await completeAt(restJson('').replace('"bad request"}}', '"bad request"}},\n        "x-amazon-apigateway-integration": ‸'), { name: 'api.json' });
      assert.deepEqual(await errorsAfter(json, 'HTTP proxy', 'api.json'), []);
    });

    it('offers the subtype integrations with their required parameters as tab stops', async () => {
      const c = await completeAt(httpYaml('      x-am‸'));
      const sqs = entry(c, 'x-amazon-apigateway-integration: SQS-SendMessage');
      assert.match(sqs.insertText, /QueueUrl: \$\{3:https:\/\/sqs/);
      assert.match(sqs.insertText, /MessageBody: \$\{4:\\\$request\.body\}/);
      assert.ok(!labels(c).includes('x-amazon-apigateway-integration: MOCK with templates'), 'REST only');
    });

    for (const t of AUTHORIZER_TEMPLATES) {
      it(`inserts the ${t.kind} authorizer "${t.label}" as a whole security scheme and it lints without errors`, async () => {
        const base = t.kind === 'REST' ? restYaml(MOCK) : httpYaml(HTTP_PROXY) + 'components:\n  securitySchemes:\n    Existing: {type: apiKey, name: k, in: header}\n';
        const marked = base.replace('    ApiKey: {type: apiKey, name: x-api-key, in: header}', '    ApiKey: {type: apiKey, name: x-api-key, in: header}\n    ‸').replace('    Existing: {type: apiKey, name: k, in: header}\n', '    Existing: {type: apiKey, name: k, in: header}\n    ‸\n');
        const c = await completeAt(marked);
        assert.deepEqual(await errorsAfter(c, `${t.label} authorizer`), []);
      });
    }

    it('offers authorizers in a security scheme as the key and as its value', async () => {
      const key = await completeAt(restYaml(MOCK).replace('    ApiKey: {type: apiKey, name: x-api-key, in: header}', '    Token:\n      type: apiKey\n      name: Authorization\n      in: header\n      x-am‸'));
      assert.deepEqual(await errorsAfter(key, 'x-amazon-apigateway-authorizer: Lambda TOKEN'), []);
      const value = await completeAt(restYaml(MOCK).replace('    ApiKey: {type: apiKey, name: x-api-key, in: header}', '    Pool:\n      type: apiKey\n      name: Authorization\n      in: header\n      x-amazon-apigateway-authorizer: ‸'));
      assert.deepEqual(await errorsAfter(value, 'Cognito user pool'), []);
    });
  });

  describe('references', () => {
    it('offers schemas for a schema $ref, quoted in YAML, and components of other files', async () => {
      const c = await completeAt(restYaml('      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: ‸\n      x-amazon-apigateway-integration: {type: mock}'), {
        files: { 'shared.yaml': 'components:\n  schemas:\n    Money: {type: number}\n' },
      });
      assert.ok(labels(c).includes('#/components/schemas/Item'));
      assert.ok(!labels(c).includes('#/components/securitySchemes/ApiKey'), 'only schemas');
      assert.equal(entry(c, '#/components/schemas/Item').insertText, "'#/components/schemas/Item'");
    });

    it('lists the components of the other files of the document set', async () => {
      const marked = restYaml("      x-amazon-apigateway-integration: {type: mock}\n      requestBody: {$ref: './bodies.yaml#/Order'}\n      callbacks: {}").replace("    Item: {type: object}", "    Item: {$ref: '‸'}");
      const c = await completeAt(marked, { files: { 'bodies.yaml': 'Order: {content: {}}\nLine: {content: {}}\n' } });
      assert.ok(labels(c).includes('./bodies.yaml#/Order'), labels(c).join());
      assert.equal(c.text.slice(entry(c, './bodies.yaml#/Order').start, entry(c, './bodies.yaml#/Order').end), "''");
    });

    it('offers security scheme names in security requirements, request validators by name, gateway response types', async () => {
      const security = await completeAt(restYaml('      security:\n        - ‸'));
      assert.equal(entry(security, 'ApiKey').insertText, 'ApiKey: []');
      const validator = await completeAt(restYaml('      x-amazon-apigateway-request-validator: ‸'));
      assert.deepEqual(labels(validator), ['all']);
      const gateway = await completeAt(restYaml('', 'x-amazon-apigateway-gateway-responses:\n  DEFAULT_4XX: {}\n  ‸'));
      assert.ok(labels(gateway).includes('UNAUTHORIZED'));
      assert.ok(!labels(gateway).includes('DEFAULT_4XX'));
      assert.equal(entry(gateway, 'UNAUTHORIZED').detail, 'default status 401');
    });

    it('offers mapping expressions built from the declared parameters and headers', async () => {
      const keys = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: http\n        requestParameters:\n          ‸'));
      assert.ok(labels(keys).includes('integration.request.path.key'));
      assert.ok(labels(keys).includes('integration.request.header.X-Tenant'));
      assert.equal(entry(keys, 'integration.request.header.').insertText, 'integration.request.header.$0');
      const values = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: http\n        requestParameters:\n          integration.request.path.key: method.request.p‸'));
      assert.ok(labels(values).includes('method.request.path.key'));
      assert.ok(labels(values).includes('context.requestId'));
      assert.ok(labels(values).includes('stageVariables.'));
      const headers = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: http\n        responses:\n          default:\n            statusCode: "200"\n            responseParameters:\n              ‸'));
      assert.ok(labels(headers).includes('method.response.header.X-Trace'));
      const http = await completeAt(httpYaml('      x-amazon-apigateway-integration:\n        type: http_proxy\n        requestParameters:\n          overwrite:header.x-id: $‸'));
      assert.ok(labels(http).includes('$request.path.id'));
      assert.ok(labels(http).includes('$context.requestId'));
    });

    it('offers the parameters of an integration subtype, required ones first', async () => {
      const c = await completeAt(httpYaml('      x-amazon-apigateway-integration:\n        type: aws_proxy\n        integrationSubtype: SQS-SendMessage\n        requestParameters:\n          QueueUrl: x\n          ‸'));
      assert.ok(!labels(c).includes('QueueUrl'));
      assert.ok(entry(c, 'MessageBody').sortText < entry(c, 'DelaySeconds').sortText);
    });

    it('offers the operation status codes for integration responses and media types for templates', async () => {
      const status = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: mock\n        responses:\n          default:\n            statusCode: ‸'));
      assert.deepEqual(labels(status), ['200', '400']);
      assert.equal(entry(status, '200').insertText, "'200'");
      const media = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          ‸'));
      assert.equal(labels(media)[0], 'application/json');
      const patterns = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: mock\n        responses:\n          ‸'));
      assert.deepEqual(labels(patterns), ['default', '4\\d{2}']);
    });

    it('offers $context, $input and $util inside a mapping template', async () => {
      const c = await completeAt(restYaml('      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: |\n            {"id": "$conte‸"}'));
      const requestId = entry(c, '$context.requestId');
      assert.equal(c.text.slice(requestId.start, requestId.end), '$conte');
      assert.equal(requestId.insertText, '\\$context.requestId');
      assert.equal(entry(c, '$input.json(x)').insertText, "\\$input.json('${1:\\$}')");
    });
  });

  describe('robustness', () => {
    it('answers in a document with a syntax error', async () => {
      const c = await completeAt(restYaml('      x-amazon-apigateway-integration: {type: [mock\n      x-am‸'));
      assert.ok(labels(c).includes('x-amazon-apigateway-request-validator'));
    });

    it('answers nothing, without throwing, on garbage and at every offset of an example', async () => {
      for (const marked of ['‸', '{‸', '[[[‸', ': : :‸', '"‸', 'a: "‸\n']) await completeAt(marked);
      const text = restYaml('      x-amazon-apigateway-integration: {type: mock}');
      for (let i = 0; i <= text.length; i += 7) await completeAt(`${text.slice(0, i)}‸${text.slice(i)}`);
    });

    it('completes in a file reached through $ref as at the place the $ref stands', async () => {
      const { text, offset } = withCursor('get:\n  responses: {"200": {description: ok}}\n  x-am‸\n');
      const entryText = 'openapi: 3.0.1\ninfo: {title: T, version: "1"}\nx-amazon-apigateway-api-key-source: HEADER\npaths:\n  /items:\n    $ref: ./items.yaml\n';
      const result = await lintText('file:///api/api.yaml', entryText, async (u) => (u === 'file:///api/items.yaml' ? text : undefined));
      const entries = complete({ set: result.set, model: result.model, uri: 'file:///api/items.yaml', offset });
      assert.ok(entries.some((e) => e.label === 'x-amazon-apigateway-integration: Lambda proxy'), entries.map((e) => e.label).join());
      const unreferenced = await completeAt('get:\n  x-am‸\n', { name: 'items.yaml' });
      assert.deepEqual(labels(unreferenced), [], 'a file no $ref reaches has no place in an API');
    });
  });
});
