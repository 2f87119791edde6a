import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseApigwConfig } from '../../core/src/config/apigwConfig';

const REPO = path.resolve(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'apigw.config.schema.json'), 'utf8')) as {
  definitions: { stage: { properties: Record<string, unknown> }; methodSettings: { properties: Record<string, unknown> } };
};
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

/** A config that sets every field the reader knows. */
const FULL = {
  defaultStage: 'dev',
  stages: {
    dev: {
      apiId: 'a1b2c3',
      apiName: 'orders',
      region: 'eu-west-1',
      profile: 'dev-sso',
      endpoint: 'http://localhost:4566',
      mode: 'overwrite',
      failOnWarnings: true,
      basepath: 'split',
      endpointType: 'REGIONAL',
      protected: false,
      description: 'Development',
      variables: { table: 'orders-dev', retries: 3 },
      methodSettings: {
        '*/*': { throttlingRateLimit: 10, throttlingBurstLimit: 5, loggingLevel: 'INFO', dataTraceEnabled: false, metricsEnabled: true },
        '/users/{id}/GET': { cachingEnabled: true, cacheTtlInSeconds: 60, cacheDataEncrypted: true, requireAuthorizationForCacheControl: true, unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' },
      },
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5',
      tracingEnabled: true,
      accessLogSettings: { destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:api', format: '$context.requestId' },
    },
  },
  functions: { orders: 'src/orders.js#handler', catalog: { handler: 'src/catalog.js#handler', env: { TABLE: 'x' }, timeoutMs: 3000, memorySize: 256 } },
  apiKeys: [{ name: 'partner', value: 'abcdefghijklmnopqrstuvwxyz', enabled: true, usagePlans: ['gold'] }],
  usagePlans: { gold: { throttle: { rateLimit: 100, burstLimit: 20 }, quota: { limit: 1000, period: 'DAY' } } },
  jwks: { 'https://issuer.example.com': 'keys/jwks.json' },
  iamAccessKeys: [{ accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' }],
};

describe('apigw.config.json schema (contributed to VS Code)', () => {
  it('accepts a config with every field, which the reader reads too', () => {
    assert.ok(validate(FULL), JSON.stringify(validate.errors));
    assert.doesNotThrow(() => parseApigwConfig(JSON.stringify(FULL), 'apigw.config.json'));
  });

  it('knows every stage and method setting the reader returns, so completion offers them all', () => {
    const read = parseApigwConfig(JSON.stringify(FULL), 'apigw.config.json').stages.dev;
    assert.deepEqual(Object.keys(read).filter((k) => !(k in schema.definitions.stage.properties)), []);
    assert.deepEqual(Object.keys(read.methodSettings['*/*']).filter((k) => !(k in schema.definitions.methodSettings.properties)), []);
  });

  it('is what package.json contributes for apigw.config.json, and ships in the VSIX', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { jsonValidation: Array<{ fileMatch: string; url: string }> } };
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: 'apigw.config.json', url: './schemas/apigw.config.schema.json' }]);
    assert.match(readFileSync(path.join(REPO, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
  });

  it('accepts the example configs', () => {
    for (const file of ['examples/rest/apigw.config.json']) assert.ok(validate(JSON.parse(readFileSync(path.join(REPO, file), 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`);
  });

  it('rejects what the reader rejects', () => {
    const bad: object[] = [
      { stages: { dev: { mode: 'replace' } } },
      { stages: { dev: { methodSettings: { 'users/GET': {} } } } },
      { stages: { dev: { methodSettings: { '*/*': { cacheTtlInSeconds: 4000 } } } } },
      { stages: { dev: { accessLogSettings: { destinationArn: 'arn' } } } },
      { stages: { 'not a name': {} } },
      { usagePlans: { gold: { quota: { limit: 1 } } } },
    ];
    for (const config of bad) {
      assert.equal(validate(config), false, `schema accepted ${JSON.stringify(config)}`);
      assert.throws(() => parseApigwConfig(JSON.stringify(config), 'c.json'), /c\.json/, `reader accepted ${JSON.stringify(config)}`);
    }
  });

  it('flags a misspelt stage field, which the reader would silently ignore', () => {
    assert.equal(validate({ stages: { prod: { protect: true } } }), false);
  });
});
