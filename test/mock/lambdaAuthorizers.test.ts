import assert from 'node:assert/strict';
import type { LambdaOutcome } from '../../core/src/mock/lambda/types';
import { fakeLambda, LAMBDA_URI, startMock, type Harness, mockIntegration, restApi } from './harness';

type Json = Record<string, unknown>;

const allow = (resource: string | string[], extra: Json = {}): LambdaOutcome => ({
  kind: 'result',
  payload: { principalId: 'user-1', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] }, ...extra },
  durationMs: 1,
});

/** What the test authorizer answers for each token. */
const TOKENS: Record<string, LambdaOutcome> = {
  'Bearer allow': allow(['arn:aws:execute-api:*:*:*/*/GET/pets/*', 'arn:aws:execute-api:*:*:*/*/GET/fn'], { context: { tier: 'gold', n: 7, ok: true } }),
  'Bearer mixed': {
    kind: 'result',
    payload: {
      principalId: 'user-2',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'execute-api:*', Effect: 'Allow', Resource: '*' },
          { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: ['arn:aws:execute-api:*:*:*/*/GET/admin'] },
        ],
      },
    },
    durationMs: 1,
  },
  'Bearer one-char': allow('arn:aws:execute-api:*:*:*/dev/GET/pets/?'),
  'Bearer deny': { kind: 'result', payload: { principalId: 'x', policyDocument: { Version: '2012-10-17', Statement: { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: '*' } } }, durationMs: 1 },
  'Bearer unauthorized': { kind: 'error', errorMessage: 'Unauthorized', errorType: 'Error', durationMs: 1 },
  'Bearer boom': { kind: 'error', errorMessage: 'database down', errorType: 'Error', durationMs: 1 },
  'Bearer slow': { kind: 'timeout', durationMs: 29000 },
  'Bearer malformed': { kind: 'result', payload: { principalId: 'x' }, durationMs: 1 },
  'Bearer nested': allow('*', { context: { deep: { a: 1 } } }),
  'Bearer keyed': allow('*', { usageIdentifierKey: 'usage-key-0123456789abcdefg' }),
};

const tokenAuth = (name: string, extra: Json = {}) => ({
  type: 'apiKey',
  name: 'Authorization',
  in: 'header',
  'x-amazon-apigateway-authtype': 'custom',
  'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: LAMBDA_URI(name), identityValidationExpression: '^Bearer .+$', ...extra },
});

const secured = (scheme: string, integration: object = mockIntegration('{"principal": "$context.authorizer.principalId", "tier": "$context.authorizer.tier", "n": "$context.authorizer.n"}')) => ({
  security: [{ [scheme]: [] }],
  responses: { '200': { description: 'ok' } },
  'x-amazon-apigateway-integration': integration,
});

describe('Lambda authorizers (REST)', () => {
  let h: Harness;
  const lambda = fakeLambda((ref, event) => {
    const e = event as Json;
    if (ref.endsWith(':fn')) return { kind: 'result', payload: { statusCode: 200, body: 'fn' }, durationMs: 1 };
    if (ref.endsWith(':request-auth')) return allow('*', { context: { tenant: (e.headers as Json)['X-Tenant'] } });
    return TOKENS[e.authorizationToken as string] ?? { kind: 'error', errorMessage: 'unexpected token', errorType: 'Error', durationMs: 1 };
  });
  const callsTo = (name: string) => lambda.calls.filter((c) => c.functionRef.endsWith(`:${name}`)).length;

  before(async () => {
    h = await startMock(
      restApi(
        {
          '/pets/{id}': { get: secured('TokenAuth'), delete: secured('TokenAuth') },
          '/admin': { get: secured('TokenAuth') },
          '/fresh': { get: secured('NoCache') },
          '/fn': { get: secured('TokenAuth', { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI('fn') }) },
          '/tenants/{id}': { get: secured('RequestAuth', mockIntegration('{"tenant": "$context.authorizer.tenant"}')) },
        },
        {
          components: {
            securitySchemes: {
              TokenAuth: tokenAuth('token-auth'),
              NoCache: tokenAuth('token-auth', { authorizerResultTtlInSeconds: 0 }),
              RequestAuth: {
                type: 'apiKey',
                name: 'Unused',
                in: 'header',
                'x-amazon-apigateway-authorizer': { type: 'request', authorizerUri: LAMBDA_URI('request-auth'), identitySource: 'method.request.header.X-Tenant, method.request.querystring.token' },
              },
            },
          },
        },
      ),
      { lambda, stageVariables: { region: 'eu' } },
    );
  });
  after(() => h.close());

  const get = (path: string, token?: string, method = 'GET') => fetch(`${h.url}/dev${path}`, { method, headers: token ? { Authorization: token } : {} });

  it('answers 401 Unauthorized without calling the authorizer when the token is missing or fails the validation expression', async () => {
    const before = callsTo('token-auth');
    for (const token of [undefined, 'Basic dXNlcg==']) {
      const res = await get('/pets/1', token);
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { message: 'Unauthorized' });
      assert.equal(res.headers.get('x-amzn-errortype'), 'UnauthorizedException');
    }
    assert.equal(callsTo('token-auth'), before);
  });

  it('sends the TOKEN event, and an Allow with wildcards lets the request in with $context.authorizer', async () => {
    const res = await get('/pets/42', 'Bearer allow');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { principal: 'user-1', tier: 'gold', n: '7' });
    const event = lambda.calls.find((c) => c.functionRef.endsWith(':token-auth'))!.event as Json;
    assert.deepEqual(Object.keys(event), ['type', 'authorizationToken', 'methodArn']);
    assert.equal(event.type, 'TOKEN');
    assert.equal(event.authorizationToken, 'Bearer allow');
    assert.match(event.methodArn as string, /^arn:aws:execute-api:us-east-1:123456789012:[a-z0-9]{10}\/dev\/GET\/pets\/42$/);
  });

  it('reuses the cached decision for the same token, and evaluates the cached policy against each method', async () => {
    const before = callsTo('token-auth');
    assert.equal((await get('/pets/7', 'Bearer allow')).status, 200);
    assert.equal(callsTo('token-auth'), before, 'cache hit: the authorizer is not called again');
    assert.ok(h.logs.some((l) => l.includes('authorizer TokenAuth: cached decision')));
    const other = await get('/pets/7', 'Bearer allow', 'DELETE');
    assert.equal(other.status, 403);
    assert.deepEqual(await other.json(), { Message: 'User is not authorized to access this resource' });
    assert.equal(other.headers.get('x-amzn-errortype'), 'AccessDeniedException');
    assert.equal(callsTo('token-auth'), before);
  });

  it('calls the authorizer every time when authorizerResultTtlInSeconds is 0', async () => {
    const before = callsTo('token-auth');
    await get('/fresh', 'Bearer mixed');
    await get('/fresh', 'Bearer mixed');
    assert.equal(callsTo('token-auth'), before + 2);
  });

  it('lets an explicit Deny win over an Allow', async () => {
    assert.equal((await get('/pets/1', 'Bearer mixed')).status, 200);
    const res = await get('/admin', 'Bearer mixed');
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), { Message: 'User is not authorized to access this resource with an explicit deny' });
    assert.match(res.headers.get('x-apigw-mock-note') ?? '', /denies execute-api:Invoke on arn:aws:execute-api:.*\/dev\/GET\/admin/);
    assert.equal((await get('/pets/1', 'Bearer deny')).status, 403);
  });

  it('matches ? as exactly one character', async () => {
    assert.equal((await get('/pets/7', 'Bearer one-char')).status, 200);
    assert.equal((await get('/pets/42', 'Bearer one-char')).status, 403);
  });

  it('turns the Unauthorized error into 401 and any other failure into 500 {"message": null}', async () => {
    assert.equal((await get('/fresh', 'Bearer unauthorized')).status, 401);
    for (const token of ['Bearer boom', 'Bearer malformed', 'Bearer nested', 'Bearer slow']) {
      const res = await get('/fresh', token);
      assert.equal(res.status, 500, token);
      assert.equal(await res.text(), '{"message":null}', token);
    }
    const failed = await get('/fresh', 'Bearer boom');
    assert.equal(failed.headers.get('x-amzn-errortype'), 'AuthorizerConfigurationException');
    assert.match(failed.headers.get('x-apigw-mock-note') ?? '', /authorizer NoCache failed: Error: database down/);
  });

  it("passes principalId, the context (as strings) and integrationLatency in the Lambda event's requestContext.authorizer", async () => {
    assert.equal((await get('/fn', 'Bearer allow')).status, 200);
    const authorizer = (lambda.calls.at(-1)!.event as { requestContext: { authorizer: Json } }).requestContext.authorizer;
    assert.equal(authorizer.principalId, 'user-1');
    assert.equal(authorizer.tier, 'gold');
    assert.equal(authorizer.n, '7');
    assert.equal(authorizer.ok, 'true');
    assert.equal(typeof authorizer.integrationLatency, 'number');
  });

  it('sends the REQUEST event, and answers 401 without a call when one identity source is missing', async () => {
    const before = callsTo('request-auth');
    const missing = await fetch(`${h.url}/dev/tenants/t1`, { headers: { 'X-Tenant': 'acme' } });
    assert.equal(missing.status, 401);
    assert.equal(callsTo('request-auth'), before);
    const res = await fetch(`${h.url}/dev/tenants/t1?token=abc`, { headers: { 'X-Tenant': 'acme' } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { tenant: 'acme' });
    const event = lambda.calls.at(-1)!.event as Json & { requestContext: Json };
    assert.deepEqual(Object.keys(event), [
      'type',
      'methodArn',
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'requestContext',
    ]);
    assert.equal(event.type, 'REQUEST');
    assert.match(event.methodArn as string, /\/dev\/GET\/tenants\/t1$/);
    assert.equal(event.resource, '/tenants/{id}');
    assert.equal(event.path, '/tenants/t1');
    assert.equal((event.headers as Json)['X-Tenant'], 'acme');
    assert.deepEqual(event.queryStringParameters, { token: 'abc' });
    assert.deepEqual(event.pathParameters, { id: 't1' });
    assert.deepEqual(event.stageVariables, { region: 'eu' });
    assert.equal(event.requestContext.stage, 'dev');
    assert.equal(event.requestContext.authorizer, undefined);
  });

  it('never writes a token to the log or the access log', () => {
    const everything = JSON.stringify(h.logs) + JSON.stringify(h.access);
    for (const token of Object.keys(TOKENS)) assert.ok(!everything.includes(token), token);
  });
});

describe('API keys from the authorizer (api-key-source AUTHORIZER)', () => {
  let h: Harness;
  before(async () => {
    h = await startMock(
      restApi(
        { '/feed': { get: { security: [{ TokenAuth: [], api_key: [] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': mockIntegration('{"key": "$context.identity.apiKeyId"}') } } },
        {
          'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
          components: { securitySchemes: { TokenAuth: tokenAuth('token-auth'), api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
        },
      ),
      {
        lambda: fakeLambda((_ref, event) => TOKENS[(event as Json).authorizationToken as string]),
        config: { usagePlans: { p: {} }, apiKeys: [{ name: 'usage', value: 'usage-key-0123456789abcdefg', usagePlans: ['p'] }] },
      },
    );
  });
  after(() => h.close());

  it("takes the key from the authorizer's usageIdentifierKey, not the x-api-key header", async () => {
    assert.equal((await fetch(`${h.url}/dev/feed`, { headers: { Authorization: 'Bearer keyed' } })).status, 200);
    const res = await fetch(`${h.url}/dev/feed`, { headers: { Authorization: 'Bearer mixed', 'x-api-key': 'usage-key-0123456789abcdefg' } });
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), { message: 'Forbidden' });
    assert.match(res.headers.get('x-apigw-mock-note') ?? '', /the authorizer returned no usageIdentifierKey/);
  });
});

describe('Lambda authorizers (HTTP API)', () => {
  let h: Harness;
  const lambda = fakeLambda((ref, event) => {
    const e = event as Json;
    const token = ((e.headers as Json | undefined)?.authorization ?? (e.headers as Json | undefined)?.Authorization) as string | undefined;
    if (ref.endsWith(':things')) return { kind: 'result', payload: { ok: true }, durationMs: 1 };
    if (ref.endsWith(':simple')) return { kind: 'result', payload: { isAuthorized: token === 'ok', context: { user: 'u1', roles: ['a', 'b'] } }, durationMs: 1 };
    if (token === 'boom') return { kind: 'error', errorMessage: 'nope', errorType: 'Error', durationMs: 1 };
    return token === 'ok' ? allow('*', { context: { user: 'u2' } }) : allow('arn:aws:execute-api:*:*:*/*/POST/*');
  });
  const route = (scheme: string) => ({
    security: [{ [scheme]: [] }],
    responses: { '200': { description: 'ok' } },
    'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI('things'), payloadFormatVersion: '2.0' },
  });
  before(async () => {
    h = await startMock(
      {
        openapi: '3.0.1',
        info: { title: 'H', version: '1' },
        paths: { '/things/{id}': { get: route('Simple') }, '/v1/{id}': { get: route('PolicyV1') } },
        components: {
          securitySchemes: {
            Simple: {
              type: 'apiKey',
              name: 'Authorization',
              in: 'header',
              'x-amazon-apigateway-authorizer': { type: 'request', identitySource: '$request.header.Authorization', authorizerUri: LAMBDA_URI('simple'), authorizerPayloadFormatVersion: '2.0', enableSimpleResponses: true },
            },
            PolicyV1: {
              type: 'apiKey',
              name: 'Authorization',
              in: 'header',
              'x-amazon-apigateway-authorizer': { type: 'request', identitySource: '$request.header.Authorization', authorizerUri: LAMBDA_URI('policy'), authorizerPayloadFormatVersion: '1.0' },
            },
          },
        },
      },
      { lambda, apiKind: 'http' },
    );
  });
  after(() => h.close());

  const get = (path: string, token?: string) => fetch(`${h.url}${path}?q=1`, { headers: token ? { Authorization: token } : {} });

  it('sends the 2.0 event, lets a simple isAuthorized: true in, and passes the context under requestContext.authorizer.lambda', async () => {
    const res = await get('/things/1', 'ok');
    assert.equal(res.status, 200);
    const [auth, integration] = lambda.calls.slice(-2).map((c) => c.event as Json & { requestContext: Json });
    assert.equal(auth.version, '2.0');
    assert.equal(auth.type, 'REQUEST');
    assert.match(auth.routeArn as string, /^arn:aws:execute-api:us-east-1:123456789012:[a-z0-9]{10}\/\$default\/GET\/things\/1$/);
    assert.deepEqual(auth.identitySource, ['ok']);
    assert.equal(auth.routeKey, 'GET /things/{id}');
    assert.equal(auth.rawPath, '/things/1');
    assert.equal(auth.rawQueryString, 'q=1');
    assert.deepEqual(auth.pathParameters, { id: '1' });
    assert.equal('body' in auth, false);
    assert.deepEqual(integration.requestContext.authorizer, { lambda: { user: 'u1', roles: ['a', 'b'] } });
  });

  it('answers 403 Forbidden for isAuthorized: false and 401 Unauthorized without the identity source', async () => {
    const denied = await get('/things/1', 'no');
    assert.equal(denied.status, 403);
    assert.deepEqual(await denied.json(), { message: 'Forbidden' });
    const missing = await get('/things/1');
    assert.equal(missing.status, 401);
    assert.deepEqual(await missing.json(), { message: 'Unauthorized' });
  });

  it('sends the 1.0 event with methodArn and identitySource, evaluates the policy, and answers 500 for a failure', async () => {
    assert.equal((await get('/v1/9', 'ok')).status, 200);
    const auth = lambda.calls.at(-2)!.event as Json;
    assert.equal(auth.version, '1.0');
    assert.equal(auth.type, 'REQUEST');
    assert.match(auth.methodArn as string, /\/\$default\/GET\/v1\/9$/);
    assert.equal(auth.identitySource, 'ok');
    assert.equal(auth.authorizationToken, 'ok');
    assert.equal(auth.resource, '/v1/{id}');
    const denied = await get('/v1/9', 'other');
    assert.equal(denied.status, 403);
    assert.deepEqual(await denied.json(), { message: 'Forbidden' });
    const failed = await get('/v1/9', 'boom');
    assert.equal(failed.status, 500);
    assert.deepEqual(await failed.json(), { message: 'Internal Server Error' });
  });
});
