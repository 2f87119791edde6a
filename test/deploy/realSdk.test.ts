import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createAwsClients } from '../../core/src/deploy/awsClients';
import { deploy } from '../../core/src/deploy/deploy';
import { DeployError } from '../../core/src/deploy/deployError';
import { FakeApiGateway, type Received, type Reply } from './fakeApiGateway';
import { config, HTTP_API, plan, REST_API, TEST_CREDENTIALS } from './fixtures';

function clientsFor(endpoint: string) {
  return createAwsClients({ region: 'us-east-1', endpoint, credentials: async () => ({ ...TEST_CREDENTIALS }) });
}

function calls(server: FakeApiGateway): string[] {
  return server.received.map((r) => `${r.method} ${r.path}`);
}

describe('deploy: the real SDK against a local API Gateway stand-in', function () {
  this.timeout(30000);
  let server: FakeApiGateway | undefined;
  afterEach(async () => server?.stop());

  async function serve(route: (r: Received) => Reply): Promise<string> {
    server = new FakeApiGateway(route);
    return server.start();
  }

  it('sends a REST deploy as signed requests with the documented paths, queries and bodies', async () => {
    const endpoint = await serve((r) => {
      const key = `${r.method} ${r.path}`;
      if (key === 'GET /restapis') return { status: 200, body: { item: [] } };
      if (key === 'POST /restapis') return { status: 201, body: { id: 'r1', name: 'Orders', warnings: ["Ignoring response model for 200 response on method 'GET /orders'"] } };
      if (key === 'POST /restapis/r1/deployments') return { status: 201, body: { id: 'd1' } };
      if (key === 'PATCH /restapis/r1/stages/dev') return { status: 200, body: { stageName: 'dev' } };
      return { status: 404, errorType: 'NotFoundException', body: { message: `no route ${key}` } };
    });
    const cfg = config({ stages: { dev: { endpointType: 'REGIONAL', failOnWarnings: false, variables: { table: 'orders' }, methodSettings: { '/orders/GET': { cachingEnabled: true } } } } });
    const out = await deploy(await plan(REST_API, 'dev', cfg), clientsFor(endpoint));
    const s = server as FakeApiGateway;
    assert.deepEqual(calls(s), ['GET /restapis', 'POST /restapis', 'POST /restapis/r1/deployments', 'PATCH /restapis/r1/stages/dev']);
    const [list, imported, deployment, patch] = s.received;
    assert.equal(list.query.limit, '500');
    assert.deepEqual(imported.query, { mode: 'import', failonwarnings: 'false', endpointConfigurationTypes: 'REGIONAL' });
    assert.equal(imported.body, REST_API);
    const dep = JSON.parse(deployment.body) as { stageName: string; variables: Record<string, string>; description: string };
    assert.equal(dep.stageName, 'dev');
    assert.deepEqual(dep.variables, { table: 'orders' });
    assert.match(dep.description, /^apigw deploy/);
    assert.deepEqual(JSON.parse(patch.body), {
      patchOperations: [
        { op: 'replace', path: '/variables/table', value: 'orders' },
        { op: 'replace', path: '/~1orders/GET/caching/enabled', value: 'true' },
      ],
    });
    for (const r of s.received) assert.match(String(r.headers.authorization), /^AWS4-HMAC-SHA256 Credential=AKIDTESTEXAMPLE0001\/\d{8}\/us-east-1\/apigateway\/aws4_request/);
    assert.equal(out.warningDiagnostics[0].pointer, '/paths/~1orders/get/responses/200');
    assert.equal(out.invokeUrl, `${endpoint}/restapis/r1/dev/_user_request_/`);
  });

  it('the stand-in refuses a request signed with another secret', async () => {
    const endpoint = await serve(() => ({ status: 200, body: { item: [] } }));
    const clients = createAwsClients({ region: 'us-east-1', endpoint, credentials: async () => ({ ...TEST_CREDENTIALS, secretAccessKey: 'not-the-test-secret-at-all' }) });
    const err = await deploy(await plan(REST_API, 'dev'), clients).then(
      () => assert.fail('deployed'),
      (e: unknown) => e as DeployError,
    );
    assert.equal(err.kind, 'credentials');
    assert.match(err.message, /signature mismatch/);
  });

  it('sends an HTTP API deploy to the v2 paths', async () => {
    const endpoint = await serve((r) => {
      const key = `${r.method} ${r.path}`;
      if (key === 'GET /v2/apis') return { status: 200, body: { items: [] } };
      if (key === 'PUT /v2/apis') return { status: 201, body: { apiId: 'h1', name: 'Checkout', apiEndpoint: 'http://h1.execute-api.localhost.localstack.cloud:4566' } };
      if (key === 'POST /v2/apis/h1/stages') return { status: 201, body: { stageName: 'dev' } };
      if (key === 'POST /v2/apis/h1/deployments') return { status: 201, body: { deploymentId: 'd1' } };
      return { status: 404, errorType: 'NotFoundException', body: { message: `no route ${key}` } };
    });
    const out = await deploy(await plan(HTTP_API, 'dev', config({ stages: { dev: { basepath: 'ignore', variables: { env: 'dev' } } } })), clientsFor(endpoint));
    const s = server as FakeApiGateway;
    assert.deepEqual(calls(s), ['GET /v2/apis', 'PUT /v2/apis', 'POST /v2/apis/h1/stages', 'POST /v2/apis/h1/deployments']);
    assert.deepEqual(s.received[1].query, { basepath: 'ignore', failOnWarnings: 'false' });
    assert.deepEqual(JSON.parse(s.received[1].body), { body: HTTP_API });
    assert.deepEqual(JSON.parse(s.received[2].body), { autoDeploy: false, stageName: 'dev', stageVariables: { env: 'dev' } });
    assert.equal((JSON.parse(s.received[3].body) as { stageName: string }).stageName, 'dev');
    assert.equal(out.invokeUrl, 'http://h1.execute-api.localhost.localstack.cloud:4566/dev/');
  });

  it('retries a throttled call with backoff and goes on', async () => {
    let throttled = 0;
    const endpoint = await serve((r) => {
      if (r.method === 'GET' && r.path === '/restapis') {
        if (throttled++ === 0) return { status: 429, errorType: 'TooManyRequestsException', body: { message: 'Too Many Requests' } };
        return { status: 200, body: { item: [{ id: 'r1', name: 'Orders' }] } };
      }
      if (r.method === 'GET' && r.path === '/restapis/r1/stages/dev') return { status: 200, body: { deploymentId: 'd0' } };
      if (r.method === 'PUT' && r.path === '/restapis/r1') return { status: 200, body: { id: 'r1', name: 'Orders' } };
      if (r.method === 'POST' && r.path === '/restapis/r1/deployments') return { status: 201, body: { id: 'd1' } };
      return { status: 404, errorType: 'NotFoundException', body: { message: 'no route' } };
    });
    const out = await deploy(await plan(REST_API, 'dev', config(), { mode: 'merge' }), clientsFor(endpoint));
    assert.deepEqual(calls(server as FakeApiGateway), ['GET /restapis', 'GET /restapis', 'GET /restapis/r1/stages/dev', 'PUT /restapis/r1', 'POST /restapis/r1/deployments']);
    assert.equal((server as FakeApiGateway).received[3].query.mode, 'merge');
    assert.equal(out.previousDeploymentId, 'd0');
  });

  it('retries a 5xx and a dropped connection, then goes on', async () => {
    const seen: Record<string, number> = {};
    const endpoint = await serve((r) => {
      const key = `${r.method} ${r.path}`;
      const first = (seen[key] = (seen[key] ?? 0) + 1) === 1;
      if (key === 'GET /restapis') return first ? { status: 503, errorType: 'ServiceUnavailableException', body: { message: 'Service Unavailable' } } : { status: 200, body: { item: [] } };
      if (key === 'POST /restapis') return first ? { status: 200, reset: true } : { status: 201, body: { id: 'r1', name: 'Orders' } };
      if (key === 'POST /restapis/r1/deployments') return { status: 201, body: { id: 'd1' } };
      return { status: 404, errorType: 'NotFoundException', body: { message: `no route ${key}` } };
    });
    const out = await deploy(await plan(REST_API, 'dev'), clientsFor(endpoint));
    assert.deepEqual(calls(server as FakeApiGateway), ['GET /restapis', 'GET /restapis', 'POST /restapis', 'POST /restapis', 'POST /restapis/r1/deployments']);
    assert.equal(out.deploymentId, 'd1');
  });

  it('when the retries run out on a deployment whose answers are lost, reads the stage again and says where it stands', async () => {
    const endpoint = await serve((r) => {
      const key = `${r.method} ${r.path}`;
      if (key === 'GET /restapis') return { status: 200, body: { item: [{ id: 'r1', name: 'Orders' }] } };
      if (key === 'GET /restapis/r1/stages/dev') return { status: 200, body: { stageName: 'dev', deploymentId: 'd0' } };
      if (key === 'PUT /restapis/r1') return { status: 200, body: { id: 'r1', name: 'Orders' } };
      if (key === 'POST /restapis/r1/deployments') return { status: 200, reset: true };
      return { status: 404, errorType: 'NotFoundException', body: { message: `no route ${key}` } };
    });
    const clients = createAwsClients({ region: 'us-east-1', endpoint, maxAttempts: 2, credentials: async () => ({ ...TEST_CREDENTIALS }) });
    const err = await deploy(await plan(REST_API, 'dev'), clients).then(
      () => assert.fail('deployed'),
      (e: unknown) => e as DeployError,
    );
    assert.equal(err.kind, 'network');
    assert.equal(err.outcomeUnknown, true);
    assert.match(err.message, /failed during CreateDeployment after 2 attempts \(ECONNRESET\)/);
    assert.match(err.message, /The stage, read again afterwards, is unchanged \(stage dev still serves deployment d0\)/);
    assert.deepEqual(calls(server as FakeApiGateway).slice(-3), ['POST /restapis/r1/deployments', 'POST /restapis/r1/deployments', 'GET /restapis/r1/stages/dev']);
  });

  it('keeps the credentials out of an error that echoes the request back', async () => {
    const endpoint = await serve((r) => ({
      status: 403,
      errorType: 'AccessDeniedException',
      body: { message: `User: arn:aws:sts::123456789012:assumed-role/dev/x is not authorized to perform: apigateway:GET on resource: arn:aws:apigateway:us-east-1::/restapis (token ${String(r.headers['x-amz-security-token'])}, ${String(r.headers.authorization)})` },
    }));
    const err = await deploy(await plan(REST_API, 'dev'), clientsFor(endpoint)).then(
      () => assert.fail('deployed'),
      (e: unknown) => e as DeployError,
    );
    assert.equal(err.kind, 'access-denied');
    assert.match(err.message, /lacks the IAM permission apigateway:GET on arn:aws:apigateway:us-east-1::\/restapis/);
    const text = [err.message, ...err.hints].join('\n');
    for (const secret of Object.values(TEST_CREDENTIALS)) assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
  });

  describe('a named SSO profile whose session has expired', () => {
    const saved = { HOME: process.env.HOME, AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE: process.env.AWS_SHARED_CREDENTIALS_FILE };
    let home: string;
    before(() => {
      home = mkdtempSync(path.join(tmpdir(), 'apigw-sso-'));
      const startUrl = 'https://example-test.awsapps.com/start';
      mkdirSync(path.join(home, '.aws', 'sso', 'cache'), { recursive: true });
      writeFileSync(path.join(home, '.aws', 'config'), `[profile expired-sso]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Deployer\nregion = us-east-1\n`);
      writeFileSync(path.join(home, '.aws', 'credentials'), '');
      const cacheFile = `${createHash('sha1').update(startUrl).digest('hex')}.json`;
      writeFileSync(path.join(home, '.aws', 'sso', 'cache', cacheFile), JSON.stringify({ startUrl, region: 'us-east-1', accessToken: 'expired-sso-access-token-value', expiresAt: '2020-01-01T00:00:00Z' }));
      process.env.HOME = home;
      process.env.AWS_CONFIG_FILE = path.join(home, '.aws', 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, '.aws', 'credentials');
    });
    after(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(home, { recursive: true, force: true });
    });

    it('says to run aws sso login for that profile, before any request is sent', async () => {
      const endpoint = await serve(() => ({ status: 500, body: {} }));
      const clients = createAwsClients({ profile: 'expired-sso', endpoint });
      const err = await deploy(await plan(REST_API, 'dev'), clients).then(
        () => assert.fail('deployed'),
        (e: unknown) => e as DeployError,
      );
      assert.equal(err.kind, 'credentials');
      assert.match(err.message, /SSO session of profile 'expired-sso' has expired/);
      assert.deepEqual(err.hints, ['aws sso login --profile expired-sso']);
      assert.equal((server as FakeApiGateway).received.length, 0);
      assert.ok(!err.message.includes('expired-sso-access-token-value'));
    });
  });
});
