import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startMock, type Harness, mockIntegration, restApi } from './harness';

const echoStage = restApi({
  '/env': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': mockIntegration('{"stage": "$context.stage", "env": "$stageVariables.env"}') } },
});

const twoStages = {
  defaultStage: 'prod',
  stages: { dev: { variables: { env: 'development' } }, prod: { variables: { env: 'production' } } },
};

describe('stages from apigw.config.json', () => {
  const started: Harness[] = [];
  const start = async (...args: Parameters<typeof startMock>) => {
    const h = await startMock(...args);
    started.push(h);
    return h;
  };
  after(async () => Promise.all(started.map((h) => h.close())));

  it("serves the config's defaultStage with its variables when no stage is asked for", async () => {
    const h = await start(echoStage, { config: twoStages });
    assert.equal(h.server.stage(), 'prod');
    const res = await fetch(`${h.url}/prod/env`);
    assert.deepEqual(await res.json(), { stage: 'prod', env: 'production' });
  });

  it('serves the stage that is asked for, with variables given directly winning over the config', async () => {
    const h = await start(echoStage, { config: twoStages, stage: 'dev', stageVariables: { extra: 'x' } });
    assert.deepEqual(await (await fetch(`${h.url}/dev/env`)).json(), { stage: 'dev', env: 'development' });
    const overridden = await start(echoStage, { config: twoStages, stage: 'dev', stageVariables: { env: 'mine' } });
    assert.deepEqual(await (await fetch(`${overridden.url}/dev/env`)).json(), { stage: 'dev', env: 'mine' });
  });

  it('says when the stage asked for is not in the config, and serves it without variables', async () => {
    const h = await start(echoStage, { config: twoStages, stage: 'qa' });
    const body = (await (await fetch(`${h.url}/qa/env`)).json()) as { stage: string; env: string };
    assert.equal(body.stage, 'qa');
    assert.ok(!['development', 'production'].includes(body.env));
    assert.ok(h.logs.some((l) => /stage 'qa' is not in .*apigw\.config\.json \(dev, prod\)/.test(l)), h.logs.join('\n'));
  });

  it('keeps the first config shape (top-level stage and stageVariables) working', async () => {
    const h = await start(echoStage, { config: { stage: 'test', stageVariables: { env: 'legacy' } } });
    assert.deepEqual(await (await fetch(`${h.url}/test/env`)).json(), { stage: 'test', env: 'legacy' });
  });

  it('defaults to dev for a REST API and $default for an HTTP API without a config', async () => {
    const rest = await start(echoStage);
    assert.equal(rest.server.stage(), 'dev');
    const http = await start({ openapi: '3.0.1', info: { title: 'H', version: '1' }, 'x-amazon-apigateway-cors': { allowOrigins: ['*'] }, paths: {} });
    assert.equal(http.server.stage(), '$default');
  });

  it('re-reads the config on reload', async () => {
    const h = await start(echoStage, { config: twoStages });
    writeFileSync(path.join(h.dir, 'apigw.config.json'), JSON.stringify({ ...twoStages, stages: { ...twoStages.stages, prod: { variables: { env: 'changed' } } } }));
    await h.server.reload();
    assert.deepEqual(await (await fetch(`${h.url}/prod/env`)).json(), { stage: 'prod', env: 'changed' });
  });

  it('refuses a config file named explicitly that does not exist, and a malformed one', async () => {
    await assert.rejects(startMock(echoStage, { configFile: '/nonexistent/apigw.config.json' }), /cannot read/);
    await assert.rejects(startMock(echoStage, { files: { 'apigw.config.json': '{"stages": {"dev": {"mode": "replace"}}}' } }), /stages\.dev\.mode must be one of/);
  });
});

describe('request stats', () => {
  let h: Harness;
  before(async () => {
    h = await startMock(echoStage);
  });
  after(() => h.close());

  it('counts requests per route with status classes and latency percentiles, and resets', async () => {
    for (let i = 0; i < 3; i++) await fetch(`${h.url}/dev/env`);
    await fetch(`${h.url}/dev/nowhere`);
    const snap = h.server.stats();
    assert.equal(snap.total, 4);
    assert.deepEqual(snap.statusClasses, { '1xx': 0, '2xx': 3, '3xx': 0, '4xx': 1, '5xx': 0 });
    assert.equal(snap.routes[0].route, 'GET /env');
    assert.equal(snap.routes[0].count, 3);
    assert.equal(snap.routes[1].route, '-');
    assert.ok(snap.latencyMs.p50 >= 0 && snap.latencyMs.p50 <= snap.latencyMs.p99 && snap.latencyMs.p99 <= snap.latencyMs.max);
    h.server.resetStats();
    assert.equal(h.server.stats().total, 0);
    assert.deepEqual(h.server.stats().routes, []);
  });
});
