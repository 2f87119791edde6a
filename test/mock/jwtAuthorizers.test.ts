import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createLocalIssuer, mintLocalToken } from '../../core/src/mock/auth/localTokens';
import { fakeLambda, LAMBDA_URI, startMock, startUpstream, type Harness, mockIntegration, restApi } from './harness';

type Json = Record<string, unknown>;

const POOL_ARN = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Local1';
const POOL_ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Local1';

describe('Cognito user pool authorizers (REST)', () => {
  let h: Harness;
  let keys: string;
  const lambda = fakeLambda(() => ({ kind: 'result', payload: { statusCode: 200, body: 'orders' }, durationMs: 1 }));
  const minted: string[] = [];
  const mint = async (options: Parameters<typeof mintLocalToken>[1], dir = keys) => {
    const token = await mintLocalToken(dir, options);
    minted.push(token);
    return token;
  };

  before(async () => {
    h = await startMock(
      restApi(
        {
          '/profile': { get: { security: [{ Pool: [] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': mockIntegration('{"sub": "$context.authorizer.claims.sub", "email": "$context.authorizer.claims.email"}') } },
          '/orders': { get: { security: [{ Pool: ['shop/orders.read'] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI('orders') } } },
        },
        {
          components: {
            securitySchemes: {
              Pool: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools', 'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [POOL_ARN] } },
            },
          },
        },
      ),
      { lambda, config: { jwks: { Pool: 'keys/jwks.json' } } },
    );
    keys = path.join(h.dir, 'keys');
    await createLocalIssuer(keys, POOL_ARN);
  });
  after(() => h.close());

  const get = (p: string, token?: string) => fetch(`${h.url}/dev${p}`, { headers: token === undefined ? {} : { Authorization: token } });

  it('lets an ID token of the pool in, with its claims in $context.authorizer.claims', async () => {
    const res = await get('/profile', await mint({ subject: 'alice', clientId: 'app1', claims: { email: 'alice@example.com' } }));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { sub: 'alice', email: 'alice@example.com' });
  });

  it('answers 401 Unauthorized without a token, with a token that is not a JWT, or one from another pool or key', async () => {
    const otherKey = mkdtempSync(path.join(tmpdir(), 'apigw-other-key-'));
    try {
      await createLocalIssuer(otherKey, POOL_ARN);
      const cases: Array<[string | undefined, RegExp]> = [
        [undefined, /Authorization is missing or empty/],
        ['not-a-jwt', /not a JWT/],
        [await mint({ issuer: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Other' }), /issuer .*us-east-1_Other is not a user pool of the authorizer/],
        [await mint({}, otherKey), /no key of the issuer matches the token/],
      ];
      for (const [token, why] of cases) {
        const res = await get('/profile', token);
        assert.equal(res.status, 401, String(token));
        assert.deepEqual(await res.json(), { message: 'Unauthorized' });
        assert.match(res.headers.get('x-apigw-mock-note') ?? '', why);
      }
    } finally {
      rmSync(otherKey, { recursive: true, force: true });
    }
  });

  it('answers an expired token with 401 "The incoming token has expired"', async () => {
    const res = await get('/profile', await mint({ expiresInSeconds: -60 }));
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { message: 'The incoming token has expired' });
  });

  it('checks exp on every request: a token let in a moment ago is refused once it expires', async () => {
    const token = await mint({ expiresInSeconds: 1 });
    assert.equal((await get('/profile', token)).status, 200);
    // Its signature was checked and remembered; the expiry must still be read on each request.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const res = await get('/profile', token);
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { message: 'The incoming token has expired' });
  });

  it('needs an access token with one of the scopes a method lists, and passes the claims to the Lambda event', async () => {
    const id = await get('/orders', await mint({ clientId: 'app1' }));
    assert.equal(id.status, 401);
    assert.match(id.headers.get('x-apigw-mock-note') ?? '', /needs an access token; this is token_use id/);
    const wrongScope = await get('/orders', await mint({ scopes: ['shop/cart.read'] }));
    assert.equal(wrongScope.status, 401);
    const ok = await get('/orders', await mint({ subject: 'bob', clientId: 'app1', scopes: ['openid', 'shop/orders.read'] }));
    assert.equal(ok.status, 200);
    const claims = (lambda.calls.at(-1)!.event as { requestContext: { authorizer: { claims: Json } } }).requestContext.authorizer.claims;
    assert.equal(claims.sub, 'bob');
    assert.equal(claims.client_id, 'app1');
    assert.equal(claims.scope, 'openid shop/orders.read');
    assert.equal(claims.iss, POOL_ISSUER);
    assert.equal(typeof claims.exp, 'string', 'REST hands claims on as strings');
  });

  it('never writes a token to the log or the access log', () => {
    const everything = JSON.stringify(h.logs) + JSON.stringify(h.access);
    for (const token of minted) assert.ok(!everything.includes(token.split('.')[2]));
  });
});

describe('JWT authorizers (HTTP API)', () => {
  const ISSUER = 'https://issuer.example.test/tenant';
  let h: Harness;
  let keys: string;
  const lambda = fakeLambda(() => ({ kind: 'result', payload: { ok: true }, durationMs: 1 }));
  const route = (scopes: string[]) => ({
    security: [{ Jwt: scopes }],
    responses: { '200': { description: 'ok' } },
    'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI('me'), payloadFormatVersion: '2.0' },
  });

  before(async () => {
    h = await startMock(
      {
        openapi: '3.0.1',
        info: { title: 'H', version: '1' },
        paths: { '/me': { get: route([]) }, '/admin': { get: route(['admin', 'root']) } },
        components: {
          securitySchemes: {
            Jwt: { type: 'oauth2', flows: {}, 'x-amazon-apigateway-authorizer': { type: 'jwt', identitySource: '$request.header.Authorization', jwtConfiguration: { issuer: ISSUER, audience: ['client-a', 'client-b'] } } },
          },
        },
      },
      { lambda, apiKind: 'http', config: { jwks: { [ISSUER]: 'idp/jwks.json' } } },
    );
    keys = path.join(h.dir, 'idp');
    await createLocalIssuer(keys, ISSUER);
  });
  after(() => h.close());

  const get = (p: string, token: string) => fetch(`${h.url}${p}`, { headers: { Authorization: `Bearer ${token}` } });

  it('lets a token with a valid audience in, and passes its claims under requestContext.authorizer.jwt', async () => {
    const res = await get('/me', await mintLocalToken(keys, { subject: 'carol', audience: ['client-b'] }));
    assert.equal(res.status, 200);
    const jwt = (lambda.calls.at(-1)!.event as { requestContext: { authorizer: { jwt: { claims: Json; scopes: unknown } } } }).requestContext.authorizer.jwt;
    assert.equal(jwt.claims.sub, 'carol');
    assert.equal(jwt.claims.aud, 'client-b');
    assert.equal(jwt.scopes, null);
  });

  it('takes client_id as the audience of a token without aud', async () => {
    assert.equal((await get('/me', await mintLocalToken(keys, { clientId: 'client-a', tokenUse: 'access' }))).status, 200);
  });

  it('answers 401 with a Bearer challenge for a wrong audience, an expired token or one not valid yet', async () => {
    const cases: Array<[string, RegExp]> = [
      [await mintLocalToken(keys, { audience: ['someone-else'] }), /error="invalid_token" error_description="the token does not have a valid audience"/],
      [await mintLocalToken(keys, { audience: ['client-a'], expiresInSeconds: -1 }), /error_description="the token has expired"/],
      [await mintLocalToken(keys, { audience: ['client-a'], claims: { nbf: Math.floor(Date.now() / 1000) + 600 } }), /error="invalid_token"/],
    ];
    for (const [token, challenge] of cases) {
      const res = await get('/me', token);
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { message: 'Unauthorized' });
      assert.match(res.headers.get('www-authenticate') ?? '', challenge);
    }
  });

  it('answers 403 Forbidden for a valid token without one of the scopes the route lists', async () => {
    const res = await get('/admin', await mintLocalToken(keys, { audience: ['client-a'], scopes: ['read'] }));
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), { message: 'Forbidden' });
    assert.match(res.headers.get('www-authenticate') ?? '', /scope="admin root" error="insufficient_scope"/);
    const ok = await get('/admin', await mintLocalToken(keys, { audience: ['client-a'], scopes: ['root'] }));
    assert.equal(ok.status, 200);
    assert.deepEqual((lambda.calls.at(-1)!.event as { requestContext: { authorizer: { jwt: { scopes: unknown } } } }).requestContext.authorizer.jwt.scopes, ['root']);
  });

  it('answers 401 when the issuer differs from the authorizer', async () => {
    const res = await get('/me', await mintLocalToken(keys, { audience: ['client-a'], issuer: 'https://elsewhere.test' }));
    assert.equal(res.status, 401);
    assert.match(res.headers.get('x-apigw-mock-note') ?? '', /issuer https:\/\/elsewhere\.test is not https:\/\/issuer\.example\.test\/tenant/);
  });
});

describe('JWKS from the issuer', () => {
  it("finds the keys through the issuer's OpenID discovery document when the config names none, and by URL when it does", async () => {
    const keys = mkdtempSync(path.join(tmpdir(), 'apigw-idp-'));
    const jwks = () => readFileSync(path.join(keys, 'jwks.json'), 'utf8');
    const idp = await startUpstream((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(req.url === '/.well-known/openid-configuration' ? JSON.stringify({ issuer: idp.url, jwks_uri: `${idp.url}/keys` }) : jwks());
    });
    const api = (issuer: string) => ({
      openapi: '3.0.1',
      info: { title: 'H', version: '1' },
      paths: { '/me': { get: { security: [{ Jwt: [] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: `${idp.url}/keys`, payloadFormatVersion: '1.0' } } } },
      components: { securitySchemes: { Jwt: { type: 'oauth2', flows: {}, 'x-amazon-apigateway-authorizer': { type: 'jwt', jwtConfiguration: { issuer, audience: ['web'] } } } } },
    });
    await createLocalIssuer(keys, idp.url);
    const discovered = await startMock(api(idp.url), { apiKind: 'http' });
    const named = await startMock(api(idp.url), { apiKind: 'http', config: { jwks: { Jwt: `${idp.url}/keys` } } });
    try {
      const token = await mintLocalToken(keys, { audience: ['web'] });
      for (const h of [discovered, named]) assert.equal((await fetch(`${h.url}/me`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
      assert.ok(idp.seen.some((r) => r.url === '/.well-known/openid-configuration'));
    } finally {
      await Promise.all([discovered.close(), named.close(), idp.close()]);
      rmSync(keys, { recursive: true, force: true });
    }
  });
});
