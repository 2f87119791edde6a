import assert from 'node:assert/strict';
import { planDeploy } from '../../core/src/deploy/deployPlan';
import { config, REST_API } from './fixtures';

function planFor(text: string, stage: string, cfg = config(), overrides = {}) {
  return planDeploy({ uri: 'file:///api/api.yaml', text, read: async () => undefined, config: cfg, stage, overrides });
}

describe('deploy: the plan', () => {
  it('refuses a definition with lint errors, with the diagnostics to show', async () => {
    const out = await planFor(REST_API.replace('httpMethod: POST', 'httpMethod: GET'), 'dev');
    assert.equal(out.ok, false);
    assert.ok(!out.ok && out.errors === 1 && out.lint.diagnostics.some((d) => d.code === 'apigw.integration.lambda-post'));
  });

  it('names the API by the config, the caller, or info.title; the caller wins', async () => {
    const cfg = config({ stages: { dev: { apiName: 'orders-dev', region: 'eu-west-1', profile: 'dev' } } });
    const fromConfig = await planFor(REST_API, 'dev', cfg);
    assert.ok(fromConfig.ok);
    assert.deepEqual(fromConfig.plan.target.api, { name: 'orders-dev' });
    assert.deepEqual(fromConfig.plan.target.connection, { region: 'eu-west-1', profile: 'dev', endpoint: undefined });
    const byId = await planFor(REST_API, 'dev', cfg, { apiId: 'abc', region: 'us-west-2' });
    assert.ok(byId.ok);
    assert.deepEqual(byId.plan.target.api, { id: 'abc' });
    assert.equal(byId.plan.target.connection.region, 'us-west-2');
    const byTitle = await planFor(REST_API, 'other');
    assert.ok(byTitle.ok);
    assert.deepEqual(byTitle.plan.target.api, { name: 'Orders' });
  });

  it('refuses stage names API Gateway would refuse, and $default for a REST API', async () => {
    await assert.rejects(planFor(REST_API, 'no/slash'), /not a valid stage name/);
    await assert.rejects(planFor(REST_API, '$default'), /'\$default' is an HTTP API stage/);
  });

  it('refuses a definition over the 6 MB import limit', async () => {
    const big = `${REST_API}x-padding: "${'a'.repeat(6 * 1024 * 1024)}"\n`;
    await assert.rejects(planFor(big, 'dev'), /API Gateway imports at most 6 MB/);
  });
});
