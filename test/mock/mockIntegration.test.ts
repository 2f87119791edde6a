import assert from 'node:assert/strict';
import { startMock, type Harness, restApi } from './harness';

const storeTemplate = `#if($input.params('id') == "downtown")
{"statusCode": 200}
#elseif($input.params('id') == "gone")
{"statusCode": 410}
#else
{"statusCode": 404}
#end`;

describe('MOCK integrations', () => {
  let h: Harness;
  before(async () => {
    h = await startMock(
      restApi({
        '/stores/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': { description: 'ok' }, '404': { description: 'missing' } },
            'x-amazon-apigateway-integration': {
              type: 'mock',
              requestTemplates: { 'application/json': storeTemplate },
              responses: {
                '4\\d{2}': {
                  statusCode: '404',
                  responseParameters: { 'method.response.header.X-Request-Id': 'context.requestId' },
                  responseTemplates: { 'application/json': '{"message": "Unknown store $input.params(\'id\')"}' },
                },
                default: {
                  statusCode: '200',
                  responseParameters: {
                    'method.response.header.Cache-Control': "'max-age=60'",
                    'method.response.header.X-Stage-Env': 'stageVariables.env',
                    'method.response.header.X-Upstream': 'integration.response.header.X-Nothing',
                  },
                  responseTemplates: {
                    'application/json': '{"storeId": "$input.params(\'id\')", "stage": "$context.stage", "env": "$stageVariables.env"}',
                    'application/xml': '<store id="$input.params(\'id\')"/>',
                  },
                },
              },
            },
          },
        },
        '/strict': {
          post: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'mock',
              passthroughBehavior: 'never',
              requestTemplates: { 'application/json': '{"statusCode": 200}' },
              responses: { default: { statusCode: '200' } },
            },
          },
        },
        '/templated-only': {
          post: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'mock',
              passthroughBehavior: 'when_no_templates',
              requestTemplates: { 'application/json': '{"statusCode": 200}' },
              responses: { default: { statusCode: '200' } },
            },
          },
        },
        '/passthrough': {
          post: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'mock',
              requestTemplates: { 'application/json': '{"statusCode": 200}' },
              responses: { '2\\d{2}': { statusCode: '200', responseTemplates: { 'text/plain': 'from $input.body' } }, default: { statusCode: '500' } },
            },
          },
        },
        '/no-default': {
          get: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'mock',
              requestTemplates: { 'application/json': '{"statusCode": 302}' },
              responses: { '2\\d{2}': { statusCode: '200' } },
            },
          },
        },
        '/no-status': {
          get: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"ok": true}' }, responses: { default: { statusCode: '200' } } },
          },
        },
        '/override': {
          get: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'mock',
              requestTemplates: { 'application/json': '{"statusCode": 200}' },
              responses: {
                default: {
                  statusCode: '200',
                  responseTemplates: { 'application/json': '#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-Teapot = "yes"){"short": "stout"}' },
                },
              },
            },
          },
        },
      }),
      { stageVariables: { env: 'qa' } },
    );
  });
  after(() => h.close());

  it('takes the status from the request template and selects the default response for it', async () => {
    const res = await fetch(`${h.url}/dev/stores/downtown`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { storeId: 'downtown', stage: 'dev', env: 'qa' });
    assert.equal(res.headers.get('content-type'), 'application/json');
  });

  it('selects the integration response whose selection pattern matches the status', async () => {
    for (const id of ['nowhere', 'gone']) {
      const res = await fetch(`${h.url}/dev/stores/${id}`);
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), { message: `Unknown store ${id}` });
      assert.equal(res.headers.get('x-request-id'), res.headers.get('x-amzn-requestid'));
    }
  });

  it('maps response headers from static values and stage variables; an absent integration header is not set', async () => {
    const res = await fetch(`${h.url}/dev/stores/downtown`);
    assert.equal(res.headers.get('cache-control'), 'max-age=60');
    assert.equal(res.headers.get('x-stage-env'), 'qa');
    assert.equal(res.headers.has('x-upstream'), false);
  });

  it('chooses the response template by Accept, and the first template when none matches', async () => {
    const xml = await fetch(`${h.url}/dev/stores/downtown`, { headers: { Accept: 'application/xml' } });
    assert.equal(await xml.text(), '<store id="downtown"/>');
    assert.equal(xml.headers.get('content-type'), 'application/xml');
    const other = await fetch(`${h.url}/dev/stores/downtown`, { headers: { Accept: 'text/csv' } });
    assert.equal(other.headers.get('content-type'), 'application/json');
  });

  it('answers 415 when no request template matches and passthroughBehavior is never or when_no_templates', async () => {
    for (const path of ['/dev/strict', '/dev/templated-only']) {
      const res = await fetch(h.url + path, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' });
      assert.equal(res.status, 415, path);
      assert.deepEqual(await res.json(), { message: 'Unsupported Media Type' });
    }
    const matched = await fetch(`${h.url}/dev/strict`, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{}' });
    assert.equal(matched.status, 200);
  });

  it('passes an unmatched body through with when_no_match (the MOCK reads its statusCode)', async () => {
    const res = await fetch(`${h.url}/dev/passthrough`, { method: 'POST', headers: { 'Content-Type': 'text/plain', Accept: 'text/plain' }, body: '{"statusCode": 201}' });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'from {}');
  });

  it('answers 500 when no integration response matches and there is no default, and says why', async () => {
    const res = await fetch(`${h.url}/dev/no-default`);
    assert.equal(res.status, 500);
    assert.deepEqual(await res.json(), { message: 'Internal server error' });
    assert.match(res.headers.get('x-apigw-mock-note') ?? '', /no integration response matches '302'/);
  });

  it('answers 500 when the request template gives no statusCode', async () => {
    const res = await fetch(`${h.url}/dev/no-status`);
    assert.equal(res.status, 500);
    assert.match(res.headers.get('x-apigw-mock-note') ?? '', /statusCode/);
  });

  it('honours $context.responseOverride.status and .header after the template ran', async () => {
    const res = await fetch(`${h.url}/dev/override`);
    assert.equal(res.status, 418);
    assert.equal(res.headers.get('x-teapot'), 'yes');
    assert.deepEqual(await res.json(), { short: 'stout' });
  });
});
