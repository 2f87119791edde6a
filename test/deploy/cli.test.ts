import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FakeApiGateway, type Received, type Reply } from './fakeApiGateway';
import { REST_API, TEST_CREDENTIALS } from './fixtures';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundle without a terminal, with the test credentials in the environment and no ~/.aws. */
function run(args: string[], cwd: string, started: (child: ChildProcess) => void = () => undefined): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: cwd,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: TEST_CREDENTIALS.sessionToken,
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: path.join(cwd, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(cwd, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

function assertNoSecrets(r: Run): void {
  for (const secret of Object.values(TEST_CREDENTIALS)) {
    assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), `${secret} reached the output:\n${r.stdout}\n${r.stderr}`);
  }
}

/** A REST API that exists (r1, stage dev serving d0) and takes imports and deployments. */
function restRoutes(overrides: Partial<Record<string, Reply>> = {}): (r: Received) => Reply {
  const routes: Record<string, Reply> = {
    'GET /restapis': { status: 200, body: { item: [{ id: 'r1', name: 'Orders' }] } },
    'GET /restapis/r1/stages/dev': { status: 200, body: { deploymentId: 'd0' } },
    'GET /restapis/r1/stages/prod': { status: 200, body: { deploymentId: 'p0' } },
    'PUT /restapis/r1': { status: 200, body: { id: 'r1', name: 'Orders' } },
    'POST /restapis/r1/deployments': { status: 201, body: { id: 'd1' } },
    'PATCH /restapis/r1/stages/dev': { status: 200, body: {} },
    'PATCH /restapis/r1/stages/prod': { status: 200, body: {} },
    ...overrides,
  };
  return (r) => routes[`${r.method} ${r.path}`] ?? { status: 404, errorType: 'NotFoundException', body: { message: `Invalid identifier: ${r.path}` } };
}

describe('apigw deploy, diff and rollback (the CLI bundle)', function () {
  this.timeout(30000);
  let dir: string;
  let server: FakeApiGateway;
  let endpoint: string;

  async function serve(route: (r: Received) => Reply): Promise<void> {
    server = new FakeApiGateway(route);
    endpoint = await server.start();
  }

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-deploy-cli-'));
    writeFileSync(path.join(dir, 'api.yaml'), REST_API);
    writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ stages: { dev: { variables: { table: 'orders' } }, prod: { protected: true } } }));
  });
  afterEach(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deploys, prints the steps, the deployment and the invoke URL, and exits 0', async () => {
    await serve(restRoutes());
    const r = await run(['deploy', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint, '--mode', 'overwrite'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      server.received.map((x) => `${x.method} ${x.path}`),
      ['GET /restapis', 'GET /restapis/r1/stages/dev', 'PUT /restapis/r1', 'POST /restapis/r1/deployments', 'PATCH /restapis/r1/stages/dev'],
    );
    assert.equal(server.received[2].query.mode, 'overwrite');
    assert.match(r.stderr, /Calling API Gateway at http:\/\/127\.0\.0\.1:\d+\n {2}Looking for the REST API named 'Orders'\n {2}Updating API r1 \(overwrite\)\n {2}Deploying to stage dev\n {2}Applying 1 stage setting/);
    assert.match(r.stdout, /Deployed REST API r1 to stage dev: deployment d1 \(previous: d0\)\.\nInvoke URL: http:\/\/127\.0\.0\.1:\d+\/restapis\/r1\/dev\/_user_request_\/\n$/);
    assertNoSecrets(r);
  });

  it('prints a JSON result for CI', async () => {
    await serve(restRoutes());
    const r = await run(['deploy', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint, '--format', 'json'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { ok: boolean; deploymentId: string; invokeUrl: string };
    assert.equal(out.ok, true);
    assert.equal(out.deploymentId, 'd1');
  });

  it('does not deploy a definition with lint errors (exit 1, no request)', async () => {
    await serve(restRoutes());
    writeFileSync(path.join(dir, 'api.yaml'), REST_API.replace('httpMethod: POST', 'httpMethod: GET'));
    const r = await run(['deploy', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^api\.yaml:\d+:\d+ error apigw\.integration\.lambda-post/m);
    assert.match(r.stderr, /not deployed: api\.yaml has 1 error/);
    assert.equal(server.received.length, 0);
  });

  it('prints a rejected import on the lines it names and exits 1', async () => {
    await serve(restRoutes({ 'PUT /restapis/r1': { status: 400, errorType: 'BadRequestException', body: { message: "Errors found during import:\n\tUnable to put integration on 'GET' for resource at path '/orders': Invalid ARN specified in the request" } } }));
    const r = await run(['deploy', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^api\.yaml:7:5 error apigw\.deploy\.import-error API Gateway import: Unable to put integration on 'GET'/m);
    assert.match(r.stderr, /nothing was changed \(stage dev still serves deployment d0\)/);
    assert.ok(!server.received.some((x) => x.path.endsWith('/deployments')));
  });

  it('refuses a protected stage without --yes, and without a terminal unless --confirm-stage matches', async () => {
    await serve(restRoutes());
    let r = await run(['deploy', 'api.yaml', '--stage', 'prod', '--endpoint', endpoint], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /stage prod is protected: --yes is needed to deploy to it/);
    r = await run(['deploy', 'api.yaml', '--stage', 'prod', '--endpoint', endpoint, '--yes'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no terminal to confirm on: add --confirm-stage prod/);
    r = await run(['deploy', 'api.yaml', '--stage', 'prod', '--endpoint', endpoint, '--yes', '--confirm-stage', 'dev'], dir);
    assert.equal(r.status, 2);
    assert.equal(server.received.length, 0, 'nothing is asked of AWS before the confirmation');
    r = await run(['deploy', 'api.yaml', '--stage', 'prod', '--endpoint', endpoint, '--yes', '--confirm-stage', 'prod'], dir);
    assert.equal(r.status, 0, r.stderr);
  });

  it('--dry-run only reads', async () => {
    await serve(restRoutes({ 'GET /restapis/r1/stages/dev/exports/oas30': { status: 200, body: { openapi: '3.0.1', paths: {} } } }));
    const r = await run(['deploy', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint, '--dry-run'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(server.received.every((x) => x.method === 'GET'));
    assert.match(r.stdout, /Dry run: nothing is changed\.\nTarget: stage dev of the REST API named 'Orders'/);
    assert.match(r.stdout, /replace \/variables\/table = orders/);
    assert.match(r.stdout, /Compared with stage dev of API r1:\n {2}resources: 2 added \(\/orders, \/orders\/\{id\}\)/);
  });

  it('diff exits 1 on differences, with the export requested as the docs say', async () => {
    await serve(restRoutes({ 'GET /restapis/r1/stages/dev/exports/oas30': { status: 200, body: { openapi: '3.0.1', paths: { '/old': { get: {} } } } } }));
    const r = await run(['diff', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint], dir);
    assert.equal(r.status, 1, r.stderr);
    const exported = server.received.find((x) => x.path.endsWith('/exports/oas30'));
    assert.equal(exported?.query.extensions, 'integrations,authorizers');
    assert.equal(exported?.headers.accept, 'application/json');
    assert.match(r.stdout, /resources: 2 added \(\/orders, \/orders\/\{id\}\), 1 only on the stage \(\/old\)/);
  });

  it('rollback points the stage at the recorded previous deployment', async () => {
    await serve(restRoutes({ 'GET /restapis/r1/deployments/d0': { status: 200, body: { id: 'd0', description: 'apigw deploy by ci; previous deployment c9' } } }));
    const r = await run(['rollback', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Stage dev of REST API r1 now serves deployment c9 \(was d0\)\./);
    const patch = server.received.find((x) => x.method === 'PATCH');
    assert.deepEqual(JSON.parse(patch?.body ?? '{}'), { patchOperations: [{ op: 'replace', path: '/deploymentId', value: 'c9' }] });
  });

  it('Ctrl-C before the import cancels the deploy; nothing is changed', async () => {
    await serve(restRoutes({ 'GET /restapis/r1/stages/dev': { status: 200, body: { deploymentId: 'd0' }, delayMs: 1500 } }));
    let child: ChildProcess | undefined;
    server.onRequest = (x) => {
      if (x.path === '/restapis/r1/stages/dev') child?.kill('SIGINT');
    };
    const r = await run(['deploy', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint], dir, (c) => (child = c));
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /Cancelled before the import; nothing was changed\./);
    assert.deepEqual(server.received.map((x) => x.method), ['GET', 'GET']);
  });

  it('Ctrl-C after the import lets the deploy finish', async () => {
    await serve(restRoutes({ 'PUT /restapis/r1': { status: 200, body: { id: 'r1', name: 'Orders' }, delayMs: 1500 } }));
    let child: ChildProcess | undefined;
    server.onRequest = (x) => {
      if (x.method === 'PUT') child?.kill('SIGINT');
    };
    const r = await run(['deploy', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint], dir, (c) => (child = c));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /the import has started; finishing the deploy/);
    assert.ok(server.received.some((x) => x.path === '/restapis/r1/deployments'));
  });

  it('exits 2 on usage errors', async () => {
    await serve(restRoutes());
    for (const args of [['deploy', 'api.yaml'], ['deploy', 'api.yaml', '--stage', 'dev', '--mode', 'replace'], ['deploy', 'api.yaml', '--stage', 'dev', '--api-id', 'a', '--api-name', 'b'], ['deploy', 'api.yaml', '--stage', 'no/slash']]) {
      const r = await run(args, dir);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    }
  });

  it('says which definition cannot be read, and why, without reading a device or a folder (exit 2, no request)', async () => {
    await serve(restRoutes());
    mkdirSync(path.join(dir, 'folder.yaml'));
    const cases: Array<[string, RegExp]> = [
      ['missing.yaml', /^apigw: cannot read missing\.yaml: no such file$/m],
      ['folder.yaml', /^apigw: cannot read folder\.yaml: folder\.yaml is not a regular file$/m],
      ['/dev/zero', /^apigw: cannot read \/dev\/zero: zero is not a regular file$/m],
    ];
    for (const command of ['deploy', 'diff', 'rollback']) {
      for (const [file, message] of cases) {
        const r = await run([command, file, '--stage', 'dev', '--endpoint', endpoint], dir);
        assert.equal(r.status, 2, `${command} ${file}: ${r.stderr}`);
        assert.match(r.stderr, message, `${command} ${file}`);
      }
    }
    assert.equal(server.received.length, 0);
  });

  it('keeps the credentials out of the output when AWS echoes them back', async () => {
    await serve((x) => ({ status: 403, errorType: 'UnrecognizedClientException', body: { message: `The security token included in the request is invalid (${String(x.headers['x-amz-security-token'])}; ${String(x.headers.authorization)})` } }));
    const r = await run(['deploy', 'api.yaml', '--stage', 'dev', '--endpoint', endpoint], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /AWS rejected the credentials/);
    assertNoSecrets(r);
    assert.ok(!r.stderr.includes(TEST_CREDENTIALS.accessKeyId));
  });
});
