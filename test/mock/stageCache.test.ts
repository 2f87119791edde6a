import assert from 'node:assert/strict';
import { startMock, startUpstream, type Harness, type Upstream, mockIntegration, restApi } from './harness';
import { send, sigV4Headers, TEST_KEY } from './signing';

describe('stage cache (REST)', () => {
  let h: Harness;
  let upstream: Upstream;
  let served = 0;
  before(async () => {
    upstream = await startUpstream((req, res) => {
      served++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ n: served, url: req.url }));
    });
    const proxied = (path: string, extra: object = {}, op: object = {}) => ({
      responses: { '200': { description: 'ok' } },
      ...op,
      'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'ANY', uri: `${upstream.url}${path}`, ...extra },
    });
    h = await startMock(
      restApi({
        '/items/{id}': { get: proxied('/items/{id}', { requestParameters: { 'integration.request.path.id': 'method.request.path.id' }, cacheKeyParameters: ['method.request.path.id', 'method.request.querystring.lang'] }) },
        '/shared/{id}': { get: proxied('/shared/{id}') },
        '/orders': { get: proxied('/orders'), post: proxied('/orders') },
        '/ttl': { get: proxied('/ttl') },
        '/open': { get: proxied('/open') },
        '/strict': { get: proxied('/strict') },
        '/signed': { get: proxied('/signed', {}, { 'x-amazon-apigateway-auth': { type: 'AWS_IAM' } }) },
        '/mock': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': mockIntegration('{"at": "$context.requestId"}') } },
      }),
      {
        config: {
          iamAccessKeys: [TEST_KEY],
          stages: {
            dev: {
              cacheClusterEnabled: true,
              methodSettings: {
                '*/*': { cachingEnabled: true, cacheTtlInSeconds: 60 },
                '/orders/GET': { cachingEnabled: false },
                '/ttl/GET': { cacheTtlInSeconds: 1 },
                '/open/GET': { requireAuthorizationForCacheControl: false },
                '/strict/GET': { unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' },
              },
            },
          },
        },
      },
    );
  });
  after(async () => {
    await h.close();
    await upstream.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${h.url}/dev${path}`, { headers });
    return { status: res.status, cache: res.headers.get('x-apigw-mock-cache'), note: res.headers.get('x-apigw-mock-note') ?? '', body: (await res.text()) };
  };

  it('answers the second GET from the cache without calling the integration, keyed by the cacheKeyParameters', async () => {
    const first = await get('/items/1?lang=en');
    assert.equal(first.cache, 'miss');
    const calls = served;
    const second = await get('/items/1?lang=en&other=ignored');
    assert.equal(second.cache, 'hit');
    assert.equal(second.body, first.body);
    assert.equal(served, calls);
    assert.ok(h.logs.some((l) => l.includes('stage cache hit for GET /items/{id}')));
    assert.equal((await get('/items/2?lang=en')).cache, 'miss');
    assert.equal((await get('/items/1?lang=fr')).cache, 'miss');
  });

  it('shares one entry across path parameters that are not in the cache key, as API Gateway does, and says so', async () => {
    const one = await get('/shared/1');
    const two = await get('/shared/2');
    assert.equal(two.cache, 'hit');
    assert.equal(two.body, one.body);
    assert.match(two.note, /the cache key leaves out path parameter id/);
  });

  it('caches GET only unless a method says otherwise, and nothing a method turns off', async () => {
    const post = await fetch(`${h.url}/dev/orders`, { method: 'POST', body: '{}' });
    assert.equal(post.headers.get('x-apigw-mock-cache'), null);
    await get('/orders');
    assert.equal((await get('/orders')).cache, null);
  });

  it('keeps an entry for the TTL of the method settings', async () => {
    await get('/ttl');
    assert.equal((await get('/ttl')).cache, 'hit');
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await get('/ttl')).cache, 'miss');
  });

  it('refreshes an entry on Cache-Control: max-age=0 when authorization is not required', async () => {
    const first = await get('/open');
    assert.equal((await get('/open')).cache, 'hit');
    const refreshed = await get('/open', { 'Cache-Control': 'max-age=0' });
    assert.equal(refreshed.cache, 'miss');
    assert.notEqual(refreshed.body, first.body);
    const after = await get('/open');
    assert.equal(after.cache, 'hit');
    assert.equal(after.body, refreshed.body);
    assert.ok(h.logs.some((l) => l.includes('stage cache entry invalidated and refreshed for GET /open')));
  });

  it('ignores max-age=0 from a caller who may not invalidate, and says so; FAIL_WITH_403 refuses it', async () => {
    await get('/mock');
    const ignored = await get('/mock', { 'Cache-Control': 'max-age=0' });
    assert.equal(ignored.cache, 'hit');
    assert.match(ignored.note, /Cache-Control: max-age=0 ignored: the caller is not authorized to invalidate the cache/);
    await get('/strict');
    assert.equal((await get('/strict', { 'Cache-Control': 'max-age=0' })).status, 403);
  });

  it('lets a SigV4-signed caller invalidate an entry', async () => {
    const url = `${h.url}/dev/signed`;
    const first = await send(url, 'GET', await sigV4Headers(url));
    assert.equal(first.headers['x-apigw-mock-cache'], 'miss');
    assert.equal((await send(url, 'GET', await sigV4Headers(url))).headers['x-apigw-mock-cache'], 'hit');
    const refreshed = await send(url, 'GET', await sigV4Headers(url, { headers: { 'cache-control': 'max-age=0' } }));
    assert.equal(refreshed.headers['x-apigw-mock-cache'], 'miss');
    assert.notEqual(refreshed.body, first.body);
  });
});

describe('stage cache settings the API cannot honour', () => {
  it('says at start that caching needs the stage cache, and that HTTP APIs have none', async () => {
    const op = { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': mockIntegration('{}') } };
    const rest = await startMock(restApi({ '/a': op }), { config: { stages: { dev: { methodSettings: { '*/*': { cachingEnabled: true } } } } } });
    const http = await startMock(
      { openapi: '3.0.1', info: { title: 'H', version: '1' }, 'x-amazon-apigateway-cors': { allowOrigins: ['*'] }, paths: {} },
      { config: { stages: { $default: { cacheClusterEnabled: true } } } },
    );
    try {
      assert.ok(rest.logs.some((l) => /set "cacheClusterEnabled": true\): nothing is cached/.test(l)), rest.logs.join('\n'));
      assert.equal((await fetch(`${rest.url}/dev/a`)).headers.get('x-apigw-mock-cache'), null);
      assert.ok(http.logs.some((l) => l.includes('HTTP APIs have no cache')));
    } finally {
      await Promise.all([rest.close(), http.close()]);
    }
  });
});
