import assert from 'node:assert/strict';
import { fakeLambda, LAMBDA_URI, startMock, type Harness, mockIntegration, restApi } from './harness';

const KEYS = {
  partner: 'partner-key-0123456789abcdef',
  free: 'free-key-0123456789abcdefghij',
  burst: 'burst-key-0123456789abcdefghi',
  off: 'disabled-key-0123456789abcdef',
  orphan: 'orphan-key-0123456789abcdefg',
};

const config = {
  usagePlans: {
    gold: {},
    tiny: { quota: { limit: 2, period: 'DAY' } },
    slow: { throttle: { rateLimit: 0.001, burstLimit: 2 } },
  },
  apiKeys: [
    { name: 'partner', value: KEYS.partner, usagePlans: ['gold'] },
    { name: 'free', value: KEYS.free, usagePlans: ['tiny'] },
    { name: 'burst', value: KEYS.burst, usagePlans: ['slow'] },
    { name: 'off', value: KEYS.off, enabled: false, usagePlans: ['gold'] },
    { name: 'orphan', value: KEYS.orphan },
  ],
};

const keyed = (integration: object) => ({ security: [{ api_key: [] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': integration });

describe('API keys and usage plans (REST)', () => {
  let h: Harness;
  const lambda = fakeLambda(() => ({ kind: 'result', payload: { statusCode: 200, body: 'ok' }, durationMs: 1 }));
  before(async () => {
    h = await startMock(
      restApi(
        {
          '/items': { get: keyed(mockIntegration('{"key": "$context.identity.apiKey", "id": "$context.identity.apiKeyId"}')) },
          '/fn': { get: keyed({ type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI('fn') }) },
          '/open': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': mockIntegration('{}') } },
        },
        { components: { securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } } },
      ),
      { config, lambda },
    );
  });
  after(() => h.close());

  const get = (path: string, key?: string) => fetch(`${h.url}/dev${path}`, { headers: key === undefined ? {} : { 'x-api-key': key } });

  it('answers 403 Forbidden without a key, with an unknown, a disabled or a plan-less key, and says why', async () => {
    for (const [key, why] of [
      [undefined, /the x-api-key header is missing/],
      ['not-a-key-0123456789abcdefgh', /no key in .*apigw\.config\.json has this value/],
      [KEYS.off, /key 'off' is disabled/],
      [KEYS.orphan, /key 'orphan' is in no usage plan/],
    ] as const) {
      const res = await get('/items', key);
      assert.equal(res.status, 403, String(key));
      assert.deepEqual(await res.json(), { message: 'Forbidden' });
      assert.equal(res.headers.get('x-amzn-errortype'), 'ForbiddenException');
      assert.match(res.headers.get('x-apigw-mock-note') ?? '', why);
    }
  });

  it('lets a key of a usage plan in, with $context.identity.apiKey and apiKeyId and the key in the Lambda event', async () => {
    const res = await get('/items', KEYS.partner);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { key: string; id: string };
    assert.equal(body.key, KEYS.partner);
    assert.match(body.id, /^[a-z0-9]{10}$/);
    assert.equal((await get('/fn', KEYS.partner)).status, 200);
    const identity = (lambda.calls.at(-1)!.event as { requestContext: { identity: Record<string, unknown> } }).requestContext.identity;
    assert.equal(identity.apiKey, KEYS.partner);
    assert.equal(identity.apiKeyId, body.id);
  });

  it('does not ask for a key where the method does not require one', async () => {
    assert.equal((await get('/open')).status, 200);
  });

  it("answers 429 Limit Exceeded once the plan's quota for the period is used up", async () => {
    assert.equal((await get('/items', KEYS.free)).status, 200);
    assert.equal((await get('/items', KEYS.free)).status, 200);
    const over = await get('/items', KEYS.free);
    assert.equal(over.status, 429);
    assert.deepEqual(await over.json(), { message: 'Limit Exceeded' });
    assert.match(over.headers.get('x-apigw-mock-note') ?? '', /quota of usage plan 'tiny' used up for key 'free' \(2 per day\)/);
  });

  it("answers 429 Too Many Requests past the plan's burst", async () => {
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => get('/items', KEYS.burst)))).map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 429, 429, 429]);
    const res = await get('/items', KEYS.burst);
    assert.deepEqual(await res.json(), { message: 'Too Many Requests' });
  });

  it('never writes a key value to the log or the access log', () => {
    const everything = JSON.stringify(h.logs) + JSON.stringify(h.access);
    for (const value of Object.values(KEYS)) assert.ok(!everything.includes(value), value);
  });
});
