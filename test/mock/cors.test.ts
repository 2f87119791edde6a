import assert from 'node:assert/strict';
import { fakeLambda, LAMBDA_URI, startMock, startUpstream, type Harness, type Upstream, mockIntegration, restApi } from './harness';

const APP = 'https://app.example.com';

describe('CORS on an HTTP API (x-amazon-apigateway-cors)', () => {
  let h: Harness;
  let upstream: Upstream;
  const lambda = fakeLambda(() => ({ kind: 'error', errorMessage: 'Unauthorized', errorType: 'Error', durationMs: 1 }));
  before(async () => {
    upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Access-Control-Max-Age': '5', 'X-Request-Id': 'r-1' });
      res.end('{"ok":true}');
    });
    const proxy = { type: 'http_proxy', httpMethod: 'ANY', uri: `${upstream.url}/items`, payloadFormatVersion: '1.0' };
    h = await startMock(
      {
        openapi: '3.0.1',
        info: { title: 'H', version: '1' },
        'x-amazon-apigateway-cors': { allowOrigins: [APP], allowMethods: ['GET', 'POST'], allowHeaders: ['authorization', 'content-type'], exposeHeaders: ['x-request-id'], maxAge: 600, allowCredentials: true },
        paths: {
          '/items': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': proxy } },
          '/secure': { get: { security: [{ Auth: [] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': proxy } },
        },
        components: {
          securitySchemes: {
            Auth: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'request', identitySource: '$request.header.Authorization', authorizerUri: LAMBDA_URI('auth'), authorizerPayloadFormatVersion: '2.0', enableSimpleResponses: true } },
          },
        },
      },
      { lambda, apiKind: 'http' },
    );
  });
  after(async () => {
    await h.close();
    await upstream.close();
  });

  const preflight = (path: string, origin: string) => fetch(`${h.url}${path}`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });

  it('answers a preflight itself with 204 and the configured headers, with no OPTIONS route, before authorization', async () => {
    for (const path of ['/items', '/secure', '/no/such/route']) {
      const res = await preflight(path, APP);
      assert.equal(res.status, 204, path);
      assert.equal(res.headers.get('access-control-allow-origin'), APP);
      assert.equal(res.headers.get('access-control-allow-methods'), 'GET,POST');
      assert.equal(res.headers.get('access-control-allow-headers'), 'authorization,content-type');
      assert.equal(res.headers.get('access-control-max-age'), '600');
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    }
    assert.equal(lambda.calls.length, 0, 'the authorizer is not called for a preflight');
  });

  it('gives a preflight from an origin it does not allow no Access-Control headers', async () => {
    const res = await preflight('/items', 'https://evil.example.net');
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.match(res.headers.get('x-apigw-mock-note') ?? '', /origin https:\/\/evil\.example\.net is not in allowOrigins/);
  });

  it("decorates responses for an allowed origin and drops the backend's own CORS headers", async () => {
    const res = await fetch(`${h.url}/items`, { headers: { Origin: APP } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), APP);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(res.headers.get('access-control-expose-headers'), 'x-request-id');
    assert.equal(res.headers.get('access-control-max-age'), null, "the backend's header is ignored");
    const other = await fetch(`${h.url}/items`, { headers: { Origin: 'https://evil.example.net' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const none = await fetch(`${h.url}/items`);
    assert.equal(none.headers.get('access-control-allow-origin'), null);
  });

  it('decorates an authorizer error too', async () => {
    const res = await fetch(`${h.url}/secure`, { headers: { Origin: APP, Authorization: 'x' } });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('access-control-allow-origin'), APP);
  });
});

describe('CORS on a REST API', () => {
  let h: Harness;
  before(async () => {
    h = await startMock(
      restApi(
        {
          '/books': {
            get: { security: [{ Auth: [] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': mockIntegration('{}') },
            options: {
              responses: { '200': { description: 'preflight' } },
              'x-amazon-apigateway-integration': {
                type: 'mock',
                requestTemplates: { 'application/json': '{"statusCode": 200}' },
                responses: {
                  default: {
                    statusCode: '200',
                    responseParameters: {
                      'method.response.header.Access-Control-Allow-Origin': "'*'",
                      'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
                      'method.response.header.Access-Control-Allow-Headers': "'Authorization'",
                    },
                  },
                },
              },
            },
          },
        },
        {
          components: {
            securitySchemes: { Auth: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: LAMBDA_URI('auth') } } },
          },
          'x-amazon-apigateway-gateway-responses': {
            DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'", 'gatewayresponse.header.Access-Control-Allow-Headers': "'Authorization'" } },
          },
        },
      ),
      { lambda: fakeLambda(() => ({ kind: 'error', errorMessage: 'Unauthorized', errorType: 'Error', durationMs: 1 })) },
    );
  });
  after(() => h.close());

  it("answers a preflight with the definition's own OPTIONS method", async () => {
    const res = await fetch(`${h.url}/dev/books`, { method: 'OPTIONS', headers: { Origin: APP, 'Access-Control-Request-Method': 'GET' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET,OPTIONS');
  });

  it('adds the CORS headers of a gateway response to the errors it covers', async () => {
    for (const headers of [{}, { Authorization: 'Bearer nope' }] as Array<Record<string, string>>) {
      const res = await fetch(`${h.url}/dev/books`, { headers: { Origin: APP, ...headers } });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.equal(res.headers.get('access-control-allow-headers'), 'Authorization');
    }
  });
});
