import assert from 'node:assert/strict';
import { periodStart } from '../../core/src/mock/limits/quotaCounters';
import { startMock, type Harness, mockIntegration, restApi } from './harness';

const op = { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': mockIntegration('{"ok": true}') };

describe('stage throttling', () => {
  describe('REST', () => {
    let h: Harness;
    before(async () => {
      h = await startMock(restApi({ '/slow': { get: op }, '/other': { get: op }, '/fast': { get: op } }), {
        config: {
          stages: {
            dev: {
              methodSettings: {
                '*/*': { throttlingRateLimit: 2, throttlingBurstLimit: 2 },
                '/fast/GET': { throttlingBurstLimit: 100 },
              },
            },
          },
        },
      });
    });
    after(() => h.close());

    const burst = async (path: string, n: number) => (await Promise.all(Array.from({ length: n }, () => fetch(`${h.url}/dev${path}`)))).map((r) => r.status).sort();

    it('answers 429 Too Many Requests under a burst past the stage-wide limit', async () => {
      assert.deepEqual(await burst('/slow', 6), [200, 200, 429, 429, 429, 429]);
      const res = await fetch(`${h.url}/dev/slow`);
      assert.equal(res.status, 429);
      assert.deepEqual(await res.json(), { message: 'Too Many Requests' });
      assert.equal(res.headers.get('x-amzn-errortype'), 'TooManyRequestsException');
    });

    it('gives each method its own bucket, and a method setting overrides the stage-wide one', async () => {
      assert.deepEqual(await burst('/other', 3), [200, 200, 429]);
      assert.deepEqual(await burst('/fast', 20), Array(20).fill(200));
    });

    it('refills the bucket at the rate limit', async () => {
      await burst('/slow', 4);
      await new Promise((r) => setTimeout(r, 600));
      assert.equal((await fetch(`${h.url}/dev/slow`)).status, 200);
    });
  });

  it('answers an HTTP API the same way', async () => {
    const h = await startMock(
      { openapi: '3.0.1', info: { title: 'H', version: '1' }, 'x-amazon-apigateway-cors': { allowOrigins: ['*'] }, paths: { '/r': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: 'http://127.0.0.1:9/none', payloadFormatVersion: '1.0' } } } } },
      { config: { stages: { $default: { methodSettings: { '*/*': { throttlingRateLimit: 1, throttlingBurstLimit: 0 } } } } } },
    );
    try {
      const res = await fetch(`${h.url}/r`);
      assert.equal(res.status, 429);
      assert.deepEqual(await res.json(), { message: 'Too Many Requests' });
    } finally {
      await h.close();
    }
  });
});

describe('usage plan quota periods', () => {
  it('start at UTC midnight, Monday and the first of the month', () => {
    const wed = Date.UTC(2026, 0, 14, 15, 30);
    assert.equal(periodStart('DAY', wed), Date.UTC(2026, 0, 14));
    assert.equal(periodStart('WEEK', wed), Date.UTC(2026, 0, 12));
    assert.equal(periodStart('WEEK', Date.UTC(2026, 0, 18, 23)), Date.UTC(2026, 0, 12));
    assert.equal(periodStart('MONTH', wed), Date.UTC(2026, 0, 1));
  });
});
