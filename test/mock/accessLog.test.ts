import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { startMock, type Harness, mockIntegration, restApi } from './harness';

const secured = (template: string) =>
  restApi(
    {
      '/orders': {
        get: {
          security: [{ Cognito: [] }],
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': mockIntegration(template),
        },
      },
    },
    { components: { securitySchemes: { Cognito: { type: 'apiKey', name: 'Authorization', in: 'header' } } } },
  );

describe('access log and notes', () => {
  let h: Harness;
  before(async () => {
    h = await startMock(secured('{"v": 1}'), { watch: true });
  });
  after(() => h.close());

  it('writes one record per request in the JSON access-log shape, values as strings', async () => {
    await fetch(`${h.url}/dev/orders`, { headers: { Authorization: 'Bearer secret-token-123', 'User-Agent': 'test-agent' } });
    await fetch(`${h.url}/dev/missing`, { method: 'POST' });
    const [ok, missing] = h.access.slice(-2);
    assert.deepEqual(Object.keys(ok), ['requestId', 'ip', 'requestTime', 'httpMethod', 'resourcePath', 'status', 'protocol', 'responseLength', 'responseLatency', 'integrationLatency']);
    assert.ok(Object.values(ok).every((v) => typeof v === 'string'));
    assert.equal(ok.httpMethod, 'GET');
    assert.equal(ok.resourcePath, '/orders');
    assert.equal(ok.status, '200');
    assert.equal(ok.ip, '127.0.0.1');
    assert.equal(ok.protocol, 'HTTP/1.1');
    assert.equal(ok.responseLength, '8');
    assert.equal(ok.integrationLatency, '-');
    assert.match(ok.requestTime, /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    assert.equal(missing.status, '403');
    assert.equal(missing.resourcePath, '-');
  });

  it('says in a header and a log line what it did not emulate, and never logs the Authorization header', async () => {
    const res = await fetch(`${h.url}/dev/orders`, { headers: { Authorization: 'Bearer secret-token-123' } });
    assert.match(res.headers.get('x-apigw-mock-note') ?? '', /security scheme Cognito not enforced: it has no x-amazon-apigateway-authorizer/);
    const requestId = res.headers.get('x-amzn-requestid') ?? '';
    assert.ok(h.logs.some((line) => line.includes(requestId) && line.includes('security scheme Cognito not enforced')));
    const everything = JSON.stringify(h.logs) + JSON.stringify(h.access);
    assert.ok(!everything.includes('secret-token-123'));
  });

  it('reloads the definition on save without a restart (--watch)', async () => {
    writeFileSync(h.file, JSON.stringify(secured('{"v": 2}')));
    const deadline = Date.now() + 5000;
    let body = '';
    while (Date.now() < deadline) {
      body = await (await fetch(`${h.url}/dev/orders`)).text();
      if (body === '{"v": 2}') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(body, '{"v": 2}');
    assert.ok(h.logs.some((line) => line.startsWith('reloaded ')));
  });
});
