import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildHttpApiEventV1, buildHttpApiEventV2, buildRestProxyEvent, type MockRequest, type RouteInfo } from '../../core/src/mock/lambda';
import { extendedRequestId } from '../../core/src/mock/lambda/proxyEventParts';

const EVENTS = path.resolve(__dirname, '../../../test/fixtures/lambda/events');

/*
 * The fixtures are the events of the AWS documentation ("Input format of a Lambda function for
 * proxy integration" for REST; "Working with AWS Lambda proxy integrations for HTTP APIs" for both
 * HTTP API payload versions) rewritten with this test's values. Left out on purpose, as AWS
 * leaves them out for such requests: identity.clientCert (mutual TLS only), and authentication
 * in 2.0 (mutual TLS only).
 */
function expected(name: string): unknown {
  return JSON.parse(readFileSync(path.join(EVENTS, name), 'utf8'));
}

function request(overrides: Partial<MockRequest>): MockRequest {
  const requestId = overrides.requestId ?? 'r-1';
  return {
    extendedRequestId: extendedRequestId(requestId),
    method: 'GET',
    path: '/',
    headers: [],
    query: '',
    body: Buffer.alloc(0),
    sourceIp: '192.0.2.1',
    stage: 'prod',
    stageVariables: {},
    requestId: 'r-1',
    requestTimeEpoch: 1700000000000,
    ...overrides,
  };
}

function route(overrides: Partial<RouteInfo>): RouteInfo {
  return { resourcePath: '/', pathParameters: {}, routeKey: 'GET /', apiId: 'abc123defg', ...overrides };
}

describe('lambda events: what API Gateway sends a proxy integration', () => {
  it('builds the REST event of the documented format, stage kept only in requestContext.path', () => {
    const event = buildRestProxyEvent(
      request({
        method: 'POST',
        path: '/orders/42',
        query: 'expand=items&tag=a&tag=b&note=two+words',
        headers: [
          ['Host', 'abc123defg.execute-api.us-east-1.amazonaws.com'],
          ['Content-Type', 'application/json'],
          ['User-Agent', 'curl/8.5.0'],
          ['X-Trace', 'one'],
          ['X-Trace', 'two'],
          ['Accept', '*/*'],
        ],
        body: Buffer.from('{"qty":2}'),
        sourceIp: '203.0.113.7',
        stageVariables: { tableSuffix: '-prod' },
        requestId: 'c0ffee00-0000-4000-8000-000000000001',
      }),
      route({
        resourcePath: '/orders/{id}',
        pathParameters: { id: '42' },
        resourceId: 'r3s0ur',
        authorizer: { principalId: 'user-1', tier: 'gold' },
        apiKey: { value: 'k3y-value', id: 'k3yid1' },
        binaryMediaTypes: ['image/*'],
      }),
    );
    assert.deepEqual(event, expected('rest-proxy-event.json'));
  });

  it('builds the HTTP API 2.0 event: lower-case comma-joined headers, cookies apart, absent maps left out', () => {
    const event = buildHttpApiEventV2(
      request({
        path: '/orders/42',
        query: 'tag=a&tag=b&q=caf%C3%A9',
        headers: [
          ['Host', 'api.example.test:3000'],
          ['User-Agent', 'Mozilla/5.0 (test)'],
          ['Accept', 'application/json'],
          ['X-Trace', 'one'],
          ['x-trace', 'two'],
          ['Cookie', 'session=s1; theme=dark'],
          ['Cookie', 'seen=1'],
        ],
        sourceIp: '198.51.100.20',
        stage: '$default',
        requestId: 'Xyz1AbCdEfGhIjK=',
        requestTimeEpoch: 1700000000123,
      }),
      route({
        resourcePath: '/orders/{id}',
        pathParameters: { id: '42' },
        routeKey: 'GET /orders/{id}',
        apiId: 'h77pq1',
        authorizer: { jwt: { claims: { sub: 'user-1' }, scopes: ['orders:read'] } },
      }),
    );
    assert.deepEqual(event, expected('http-api-event-v2.json'));
    assert.equal('body' in event || 'stageVariables' in event, false);
  });

  it('builds the HTTP API 1.0 event: the REST shape with the stage in path and a form body base64-encoded', () => {
    const event = buildHttpApiEventV1(
      request({
        method: 'POST',
        path: '/forms/signup',
        headers: [
          ['Host', 'h77pq1.execute-api.eu-west-1.amazonaws.com'],
          ['Content-Type', 'application/x-www-form-urlencoded'],
        ],
        body: Buffer.from('a=1&b=2'),
        sourceIp: '192.0.2.44',
        stage: 'beta',
        stageVariables: { color: 'blue' },
        requestId: 'Q1w2E3r4T5y6U7i=',
        requestTimeEpoch: 1700000456789,
      }),
      route({ resourcePath: '/forms/{name}', pathParameters: { name: 'signup' }, routeKey: 'POST /forms/{name}', apiId: 'h77pq1' }),
    );
    assert.deepEqual(event, expected('http-api-event-v1.json'));
  });

  it('gives null, not a missing key, for every absent map of a REST event, and no authorizer when none ran', () => {
    const event = buildRestProxyEvent(request({ headers: [] }), route({}));
    for (const key of ['headers', 'multiValueHeaders', 'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'stageVariables', 'body'] as const) {
      assert.ok(key in event, key);
      assert.equal(event[key], null, key);
    }
    assert.equal(event.isBase64Encoded, false);
    assert.equal('authorizer' in event.requestContext, false);
    assert.equal('apiKey' in event.requestContext.identity, false);
    assert.equal(event.requestContext.resourceId, null);
    assert.equal(event.requestContext.identity.userAgent, null);
    assert.match(event.requestContext.domainName, /^abc123defg\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/);
  });

  it('base64-encodes a REST body only when its Content-Type matches a binary media type', () => {
    const png = request({ method: 'PUT', headers: [['content-type', 'image/png']], body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    const asBinary = buildRestProxyEvent(png, route({ binaryMediaTypes: ['image/*'] }));
    assert.deepEqual([asBinary.body, asBinary.isBase64Encoded], ['iVBORw==', true]);
    const asText = buildRestProxyEvent(request({ method: 'PUT', headers: [['Content-Type', 'application/json; charset=utf-8']], body: Buffer.from('{}') }), route({ binaryMediaTypes: ['image/*'] }));
    assert.deepEqual([asText.body, asText.isBase64Encoded], ['{}', false]);
    const anything = buildRestProxyEvent(request({ method: 'PUT', body: Buffer.from('raw') }), route({ binaryMediaTypes: ['*/*'] }));
    assert.deepEqual([anything.body, anything.isBase64Encoded], ['cmF3', true]);
  });

  it('sends an HTTP API body as text only for text, JSON, XML and JavaScript content types', () => {
    const body = Buffer.from('hello');
    const encoded = (contentType: string | undefined) =>
      buildHttpApiEventV2(request({ method: 'POST', headers: contentType === undefined ? [] : [['content-type', contentType]], body }), route({})).isBase64Encoded;
    assert.deepEqual(
      ['text/plain', 'application/json', 'application/xml', 'application/javascript', 'application/octet-stream', 'application/x-www-form-urlencoded', undefined].map(encoded),
      [false, false, false, false, true, true, true],
    );
  });

  it('keeps query and header names such as constructor and __proto__ as plain names', () => {
    const req = request({ query: 'constructor=1&__proto__=2&constructor=3', headers: [['constructor', 'a'], ['__proto__', 'b']] });
    const rest = buildRestProxyEvent(req, route({}));
    assert.deepEqual(rest.multiValueQueryStringParameters?.constructor, ['1', '3']);
    assert.equal(rest.queryStringParameters?.constructor, '3');
    assert.equal(Object.getOwnPropertyDescriptor(rest.queryStringParameters, '__proto__')?.value, '2');
    assert.equal(Object.getOwnPropertyDescriptor(rest.headers, '__proto__')?.value, 'b');
    const v2 = buildHttpApiEventV2(req, route({}));
    assert.equal(v2.queryStringParameters?.constructor, '1,3');
    assert.equal(Object.getOwnPropertyDescriptor(v2.headers, '__proto__')?.value, 'b');
  });

  it('derives extendedRequestId in API Gateway\'s form, the same for one request id and different across ids', () => {
    // The mock's request ids are random UUIDs; a test may give any text.
    const ids = [...Array.from({ length: 1000 }, () => randomUUID()), 'C0FFEE00-0000-4000-8000-000000000001', 'r-1', ''];
    const derived = ids.map(extendedRequestId);
    for (const value of derived) assert.match(value, /^[A-Za-z0-9+/]{15}=$/);
    assert.deepEqual(ids.map(extendedRequestId), derived);
    assert.equal(new Set(derived).size, ids.length);
    // A UUID's is its first 11 bytes in base64.
    for (const id of ids.slice(0, 1001)) assert.equal(extendedRequestId(id), Buffer.from(id.replace(/-/g, '').slice(0, 22), 'hex').toString('base64'), id);
  });

  it('passes a malformed percent escape in the query through as written', () => {
    const event = buildRestProxyEvent(request({ query: 'q=100%&ok=%41' }), route({}));
    assert.deepEqual(event.queryStringParameters, { q: '100%', ok: 'A' });
  });
});
