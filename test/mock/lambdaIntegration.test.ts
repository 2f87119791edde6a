import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createLambdaRunner } from '../../core/src/mock/lambda/lambdaRunner';
import type { LambdaOutcome, LambdaRunner } from '../../core/src/mock/lambda/types';
import { startMockServer, type MockServer } from '../../core/src/mock/server';
import { fakeLambda, LAMBDA_URI, startMock, type Harness, restApi } from './harness';

type Event = Record<string, unknown> & { requestContext: Record<string, unknown> };

const proxyOp = (name: string, extra: object = {}) => ({
  responses: { '200': { description: 'ok' } },
  'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI(name), timeoutInMillis: 1500, ...extra },
});

describe('Lambda proxy integrations (REST)', () => {
  let h: Harness;
  const outcomes: Record<string, LambdaOutcome> = {
    ok: { kind: 'result', payload: { statusCode: 201, headers: { 'X-Fn': 'ok' }, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: '{"created": true}' }, durationMs: 1 },
    malformed: { kind: 'result', payload: { body: 'no status' }, durationMs: 1 },
    boom: { kind: 'error', errorMessage: 'boom', errorType: 'Error', durationMs: 1 },
    slow: { kind: 'timeout', durationMs: 1500 },
    image: { kind: 'result', payload: { statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: Buffer.from([1, 2, 3]).toString('base64'), isBase64Encoded: true }, durationMs: 1 },
  };
  const lambda = fakeLambda((ref) => {
    const name = /function:([\w-]+)/.exec(ref)?.[1] ?? ref;
    return outcomes[name] ?? { kind: 'unmapped', message: `No local handler for ${name}` };
  });
  before(async () => {
    h = await startMock(
      restApi(
        {
          '/orders/{id}': { post: proxyOp('ok') },
          '/malformed': { get: proxyOp('malformed') },
          '/boom': { get: proxyOp('boom') },
          '/slow': { get: proxyOp('slow') },
          '/image': { get: proxyOp('image') },
          '/unmapped': { get: proxyOp('nobody') },
        },
        { 'x-amazon-apigateway-binary-media-types': ['image/png'] },
      ),
      { lambda, stageVariables: { v: '1' } },
    );
  });
  after(() => h.close());

  it('sends the REST proxy event and maps the proxy result to the response', async () => {
    const res = await fetch(`${h.url}/dev/orders/o%201?a=1&a=2`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Client': 'c' }, body: '{"n": 1}' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-fn'), 'ok');
    assert.equal(res.headers.get('set-cookie'), 'a=1, b=2');
    assert.deepEqual(await res.json(), { created: true });
    const call = lambda.calls.at(-1)!;
    assert.equal(call.timeoutMs, 1500);
    assert.match(call.functionRef, /function:ok$/);
    const event = call.event as Event;
    assert.equal(event.resource, '/orders/{id}');
    assert.equal(event.path, '/orders/o%201');
    assert.equal(event.httpMethod, 'POST');
    assert.deepEqual(event.pathParameters, { id: 'o 1' });
    assert.deepEqual(event.queryStringParameters, { a: '2' });
    assert.deepEqual(event.multiValueQueryStringParameters, { a: ['1', '2'] });
    assert.deepEqual(event.stageVariables, { v: '1' });
    assert.equal(event.body, '{"n": 1}');
    assert.equal(event.isBase64Encoded, false);
    assert.equal((event.headers as Record<string, string>)['X-Client'], 'c');
    assert.equal(event.requestContext.stage, 'dev');
    assert.equal(event.requestContext.requestId, res.headers.get('x-amzn-requestid'));
  });

  it('answers 502 Internal server error for a malformed result or a failed function, and says why', async () => {
    for (const [path, note] of [
      ['/dev/malformed', /Malformed Lambda proxy response: the result has no statusCode/],
      ['/dev/boom', /failed: Error: boom/],
    ] as const) {
      const res = await fetch(h.url + path);
      assert.equal(res.status, 502, path);
      assert.deepEqual(await res.json(), { message: 'Internal server error' });
      assert.match(res.headers.get('x-apigw-mock-note') ?? '', note);
    }
  });

  it('answers 504 when the integration timeout runs out', async () => {
    const res = await fetch(`${h.url}/dev/slow`);
    assert.equal(res.status, 504);
    assert.deepEqual(await res.json(), { message: 'Endpoint request timed out' });
  });

  it('decodes a base64 body when the Accept header names a binary media type, and not otherwise', async () => {
    const binary = await fetch(`${h.url}/dev/image`, { headers: { Accept: 'image/png' } });
    assert.deepEqual([...new Uint8Array(await binary.arrayBuffer())], [1, 2, 3]);
    const text = await fetch(`${h.url}/dev/image`, { headers: { Accept: 'application/json' } });
    assert.equal(await text.text(), Buffer.from([1, 2, 3]).toString('base64'));
  });

  it('answers 501 naming the function when no local handler is mapped', async () => {
    const res = await fetch(`${h.url}/dev/unmapped`);
    assert.equal(res.status, 501);
    assert.match(((await res.json()) as { message: string }).message, /Lambda function .*function:nobody of GET \/unmapped\. No local handler for nobody/);
  });
});

describe('Lambda proxy integrations (HTTP API)', () => {
  let h: Harness;
  const lambda = fakeLambda((ref) => {
    if (ref.endsWith('plain')) return { kind: 'result', payload: { hello: 'world' }, durationMs: 1 };
    if (ref.endsWith('fails')) return { kind: 'error', errorMessage: 'nope', errorType: 'Error', durationMs: 1 };
    return { kind: 'timeout', durationMs: 30000 };
  });
  before(async () => {
    h = await startMock(
      {
        openapi: '3.0.1',
        info: { title: 'Http', version: '1' },
        paths: {
          '/plain/{id}': { get: proxyOp('plain', { payloadFormatVersion: '2.0' }) },
          '/fails': { get: proxyOp('fails', { payloadFormatVersion: '2.0' }) },
          '/slow': { get: proxyOp('slow', { payloadFormatVersion: '2.0' }) },
        },
      },
      { lambda },
    );
  });
  after(() => h.close());

  it('sends a payload 2.0 event and reads a result without statusCode as a JSON body', async () => {
    const res = await fetch(`${h.url}/plain/7?x=1`, { headers: { Cookie: 'c=1' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.deepEqual(await res.json(), { hello: 'world' });
    const event = lambda.calls.at(-1)!.event as Event;
    assert.equal(event.version, '2.0');
    assert.equal(event.routeKey, 'GET /plain/{id}');
    assert.equal(event.rawPath, '/plain/7');
    assert.deepEqual(event.cookies, ['c=1']);
    assert.deepEqual(event.pathParameters, { id: '7' });
  });

  it('answers 500 for a failed function and 503 for a timeout, as HTTP APIs do', async () => {
    const failed = await fetch(`${h.url}/fails`);
    assert.equal(failed.status, 500);
    assert.deepEqual(await failed.json(), { message: 'Internal Server Error' });
    const slow = await fetch(`${h.url}/slow`);
    assert.equal(slow.status, 503);
    assert.deepEqual(await slow.json(), { message: 'Service Unavailable' });
  });
});

describe('Lambda custom integrations (REST type aws)', () => {
  let h: Harness;
  const lambda = fakeLambda((_ref, event) => {
    const e = event as { id?: string };
    if (e.id === 'missing') return { kind: 'error', errorMessage: 'NotFound: no order missing', errorType: 'Error', durationMs: 1 };
    if (e.id === 'odd') return { kind: 'error', errorMessage: 'something else', errorType: 'TypeError', durationMs: 1 };
    return { kind: 'result', payload: { order: e.id, total: 12.5 }, durationMs: 1 };
  });
  before(async () => {
    h = await startMock(
      restApi({
        '/orders/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': { description: 'ok' }, '404': { description: 'missing' } },
            'x-amazon-apigateway-integration': {
              type: 'aws',
              httpMethod: 'POST',
              uri: LAMBDA_URI('orders'),
              requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')", "stage": "$context.stage"}' },
              responses: {
                'NotFound.*': { statusCode: '404', responseTemplates: { 'application/json': '{"error": "$input.path(\'$.errorMessage\')"}' } },
                default: { statusCode: '200', responseTemplates: { 'application/json': '{"id": "$!input.path(\'$.order\')", "error": "$!input.path(\'$.errorMessage\')"}' } },
              },
            },
          },
        },
      }),
      { lambda },
    );
  });
  after(() => h.close());

  it('invokes the function with the rendered request template and maps the result through the default response', async () => {
    const res = await fetch(`${h.url}/dev/orders/42`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { id: '42', error: '' });
    assert.deepEqual(lambda.calls.at(-1)!.event, { id: '42', stage: 'dev' });
  });

  it('selects the integration response by errorMessage', async () => {
    const res = await fetch(`${h.url}/dev/orders/missing`);
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: 'NotFound: no order missing' });
  });

  it('falls back to the default response for an unmatched error, as API Gateway does (200 with the error)', async () => {
    const res = await fetch(`${h.url}/dev/orders/odd`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { id: '', error: 'something else' });
  });
});

describe('Lambda integrations with the local handler runner', () => {
  let dir: string;
  let server: MockServer;
  let runner: LambdaRunner;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-lambda-'));
    const file = path.join(dir, 'api.json');
    writeFileSync(file, JSON.stringify(restApi({ '/hello/{name}': { get: proxyOp('hello') } })));
    writeFileSync(
      path.join(dir, 'hello.js'),
      "exports.handler = async (event) => ({ statusCode: 200, headers: { 'Content-Type': 'text/plain' }, body: `hello ${event.pathParameters.name} from ${event.requestContext.stage}` });\n",
    );
    writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { hello: 'hello.js#handler' } }));
    runner = await createLambdaRunner({ workspaceRoot: dir, apiFile: file, trusted: true });
    server = await startMockServer({ file, port: 0, lambda: runner });
  });
  after(async () => {
    await server.close();
    await runner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a Node handler mapped in apigw.config.json', async () => {
    const res = await fetch(`${server.url}/dev/hello/ada`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'hello ada from dev');
  });
});
