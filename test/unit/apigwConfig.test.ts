import assert from 'node:assert/strict';
import { ConfigError, parseApigwConfig } from '../../core/src/config/apigwConfig';

describe('apigw.config.json', () => {
  it('reads stages with variables and method settings, keys and usage plans', () => {
    const config = parseApigwConfig(
      JSON.stringify({
        defaultStage: 'dev',
        stages: {
          dev: { variables: { table: 'orders-dev', retries: 3 }, methodSettings: { '*/*': { throttlingRateLimit: 10, throttlingBurstLimit: 5 }, '/users/{id}/GET': { cachingEnabled: true, cacheTtlInSeconds: 60 } } },
          prod: { apiName: 'orders', region: 'eu-west-1', protected: true, mode: 'overwrite', failOnWarnings: true },
        },
        usagePlans: { gold: { throttle: { rateLimit: 100, burstLimit: 20 }, quota: { limit: 1000, period: 'DAY' } } },
        apiKeys: [{ name: 'partner', value: 'abcdefghijklmnopqrstuvwxyz', usagePlans: ['gold'] }],
        jwks: { 'https://issuer.example.com': 'keys/jwks.json' },
      }),
      'apigw.config.json',
    );
    assert.equal(config.defaultStage, 'dev');
    assert.deepEqual(config.stages.dev.variables, { table: 'orders-dev', retries: '3' });
    assert.equal(config.stages.dev.methodSettings['/users/{id}/GET'].cacheTtlInSeconds, 60);
    assert.equal(config.stages.prod.protected, true);
    assert.deepEqual(config.apiKeys[0], { name: 'partner', value: 'abcdefghijklmnopqrstuvwxyz', enabled: true, usagePlans: ['gold'] });
    assert.equal(config.usagePlans.gold.quota?.period, 'DAY');
  });

  it('keeps the first mock-only shape (stage + stageVariables) working', () => {
    const config = parseApigwConfig('{"stage": "test", "stageVariables": {"host": "localhost"}}', 'c.json');
    assert.equal(config.defaultStage, 'test');
    assert.deepEqual(config.stages.test.variables, { host: 'localhost' });
  });

  it("accepts an HTTP API's $default stage and no other name with a $", () => {
    const config = parseApigwConfig('{"stages": {"$default": {"methodSettings": {"*/*": {"throttlingBurstLimit": 5}}}}}', 'c.json');
    assert.equal(config.stages.$default.methodSettings['*/*'].throttlingBurstLimit, 5);
    assert.throws(() => parseApigwConfig('{"stages": {"$prod": {}}}', 'c.json'), /not a valid stage name/);
  });

  it('names the file and the path of a bad value', () => {
    assert.throws(() => parseApigwConfig('{"stages": {"dev": {"mode": "replace"}}}', 'apigw.config.json'), (e: Error) => e instanceof ConfigError && /apigw\.config\.json: stages\.dev\.mode must be one of overwrite, merge/.test(e.message));
    assert.throws(() => parseApigwConfig('{"stages": {"dev": {"methodSettings": {"users/GET": {}}}}}', 'c.json'), /must be keyed/);
    assert.throws(() => parseApigwConfig('{"apiKeys": [{"value": "k", "usagePlans": ["none"]}]}', 'c.json'), /not in usagePlans/);
    assert.throws(() => parseApigwConfig('{', 'c.json'), /c\.json: not valid JSON/);
  });
});
