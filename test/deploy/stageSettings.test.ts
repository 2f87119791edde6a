import assert from 'node:assert/strict';
import { httpStageSettings } from '../../core/src/deploy/httpStageSettings';
import { methodSettingsPrefix, restStagePatch } from '../../core/src/deploy/restStagePatch';
import { config } from './fixtures';

describe('deploy: stage settings', () => {
  it('turns method-settings keys into UpdateStage path prefixes', () => {
    assert.equal(methodSettingsPrefix('*/*'), '/*/*');
    assert.equal(methodSettingsPrefix('/users/{id}/GET'), '/~1users~1{id}/GET');
    assert.equal(methodSettingsPrefix('//GET'), '/~1/GET', 'the root resource');
    assert.equal(methodSettingsPrefix('/a~b/POST'), '/~1a~0b/POST');
  });

  it('patches every REST stage setting of the config, as strings, and nothing else', () => {
    const stage = config({
      stages: {
        prod: {
          description: 'Production',
          variables: { 'lambda/alias': 'live' },
          tracingEnabled: false,
          cacheClusterEnabled: true,
          cacheClusterSize: '0.5',
          accessLogSettings: { destinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:api', format: '$context.requestId' },
          methodSettings: {
            '*/*': { metricsEnabled: true, loggingLevel: 'ERROR', dataTraceEnabled: false, throttlingBurstLimit: 20, throttlingRateLimit: 10.5 },
            '/users/{id}/GET': { cachingEnabled: true, cacheTtlInSeconds: 60, cacheDataEncrypted: true, requireAuthorizationForCacheControl: true, unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' },
          },
        },
      },
    }).stages.prod;
    assert.deepEqual(restStagePatch(stage), [
      { op: 'replace', path: '/description', value: 'Production' },
      { op: 'replace', path: '/variables/lambda~1alias', value: 'live' },
      { op: 'replace', path: '/tracingEnabled', value: 'false' },
      { op: 'replace', path: '/cacheClusterEnabled', value: 'true' },
      { op: 'replace', path: '/cacheClusterSize', value: '0.5' },
      { op: 'replace', path: '/accessLogSettings/destinationArn', value: 'arn:aws:logs:us-east-1:123456789012:log-group:api' },
      { op: 'replace', path: '/accessLogSettings/format', value: '$context.requestId' },
      { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' },
      { op: 'replace', path: '/*/*/logging/loglevel', value: 'ERROR' },
      { op: 'replace', path: '/*/*/logging/dataTrace', value: 'false' },
      { op: 'replace', path: '/*/*/throttling/burstLimit', value: '20' },
      { op: 'replace', path: '/*/*/throttling/rateLimit', value: '10.5' },
      { op: 'replace', path: '/~1users~1{id}/GET/caching/enabled', value: 'true' },
      { op: 'replace', path: '/~1users~1{id}/GET/caching/ttlInSeconds', value: '60' },
      { op: 'replace', path: '/~1users~1{id}/GET/caching/dataEncrypted', value: 'true' },
      { op: 'replace', path: '/~1users~1{id}/GET/caching/requireAuthorizationForCacheControl', value: 'true' },
      { op: 'replace', path: '/~1users~1{id}/GET/caching/unauthorizedCacheControlHeaderStrategy', value: 'FAIL_WITH_403' },
    ]);
    assert.deepEqual(restStagePatch(config({ stages: { dev: {} } }).stages.dev), []);
  });

  it('gives HTTP API stages their route settings and names what they cannot take', () => {
    const s = httpStageSettings(config({ stages: { dev: { tracingEnabled: true, methodSettings: { '*/*': { metricsEnabled: true }, '/a/*': { throttlingRateLimit: 1 } } } } }).stages.dev);
    assert.deepEqual(s.DefaultRouteSettings, { DetailedMetricsEnabled: true });
    assert.equal(s.RouteSettings, undefined);
    assert.equal(s.StageVariables, undefined, 'a config without variables leaves the stage its own');
    assert.deepEqual(s.ignored, ['methodSettings["/a/*"] (an HTTP API route names one method)', 'tracingEnabled']);
  });
});
