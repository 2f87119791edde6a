import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, startCliMock, type CliMock } from './cliMock';

/** `apigw mock ...` from the bundle, once it listens; by default on loopback only. */
async function startCli(args: string[]): Promise<CliMock> {
  const run = await startCliMock(args, { timeoutMs: 5000 });
  assert.match(run.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  return run;
}

describe('apigw mock (the CLI bundle)', () => {
  it('serves examples/rest/api.yaml on a free port, logs each request, prints curl lines and stops on SIGTERM', async () => {
    const started = Date.now();
    const run = await startCli(['examples/rest/api.yaml', '--port', '0']);
    assert.ok(Date.now() - started < 2000, 'listening line within 2 s even on a slow machine');
    const res = await fetch(`${run.url}/dev/health`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { status: string }).status, 'ok');
    assert.match(run.stdout(), /curl -i '.*\/dev\/health'/);
    run.child.kill('SIGTERM');
    assert.equal(await run.exit, 0);
    const log = run.stdout().split('\n').find((l) => l.startsWith('{"requestId"'));
    assert.ok(log);
    assert.equal((JSON.parse(log) as { resourcePath: string }).resourcePath, '/health');
  });

  it('starts on a definition with lint errors, says how many, and serves what it can', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apigw-cli-mock-'));
    try {
      const file = path.join(dir, 'api.yaml');
      writeFileSync(
        file,
        [
          'openapi: 3.0.1',
          'info: {title: Broken, version: "1"}',
          'paths:',
          '  /ok:',
          '    get:',
          "      responses: {'200': {description: ok}}",
          '      x-amazon-apigateway-integration:',
          '        type: mock',
          "        requestTemplates: {application/json: '{\"statusCode\": 200}'}",
          "        responses: {default: {statusCode: '200', responseTemplates: {application/json: '{\"stage\": \"$context.stage\", \"v\": \"$stageVariables.v\"}'}}}",
          '  /bad:',
          '    get:',
          "      responses: {'200': {description: ok}}",
          '      x-amazon-apigateway-integration:',
          '        type: aws_proxy',
          '        httpMethod: GET',
          '        uri: not-an-arn',
          '',
        ].join('\n'),
      );
      const run = await startCli([file, '--port', '0', '--stage', 'prod', '--stage-var', 'v=42']);
      const res = await fetch(`${run.url}/prod/ok`);
      assert.deepEqual(await res.json(), { stage: 'prod', v: '42' });
      assert.match(run.stderr(), /[1-9]\d* lint errors?/);
      run.child.kill('SIGINT');
      assert.equal(await run.exit, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("serves the config's defaultStage with its variables, --stage picks another, and a bad config stops it with exit 2", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apigw-cli-stages-'));
    try {
      const file = path.join(dir, 'api.json');
      const template = '{"stage": "$context.stage", "v": "$stageVariables.v"}';
      writeFileSync(
        file,
        JSON.stringify({
          openapi: '3.0.1',
          info: { title: 'Stages', version: '1' },
          paths: { '/ok': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '200', responseTemplates: { 'application/json': template } } } } } } },
        }),
      );
      writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ defaultStage: 'qa', stages: { qa: { variables: { v: 'from-qa' } }, prod: { variables: { v: 'from-prod' } } } }));
      const byDefault = await startCli([file, '--port', '0']);
      assert.deepEqual(await (await fetch(`${byDefault.url}/qa/ok`)).json(), { stage: 'qa', v: 'from-qa' });
      assert.match(byDefault.stdout(), /stage qa \(/);
      byDefault.child.kill('SIGTERM');
      await byDefault.exit;
      const picked = await startCli([file, '--port', '0', '--stage', 'prod']);
      assert.deepEqual(await (await fetch(`${picked.url}/prod/ok`)).json(), { stage: 'prod', v: 'from-prod' });
      picked.child.kill('SIGTERM');
      await picked.exit;
      writeFileSync(path.join(dir, 'bad.json'), '{"apiKeys": [{"name": "no value"}]}');
      const bad = spawnSync(process.execPath, [CLI, 'mock', file, '--port', '0', '--config', path.join(dir, 'bad.json')], { encoding: 'utf8' });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /apigw mock: .*bad\.json: apiKeys\[0\]\.value is required/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints its usage with --help and exits 2 on usage errors', () => {
    const help = spawnSync(process.execPath, [CLI, 'mock', '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: apigw mock/);
    const none = spawnSync(process.execPath, [CLI, 'mock'], { encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no API definition given/);
    const badVar = spawnSync(process.execPath, [CLI, 'mock', 'x.yaml', '--stage-var', 'novalue'], { encoding: 'utf8' });
    assert.equal(badVar.status, 2);
    assert.match(badVar.stderr, /--stage-var takes NAME=VALUE/);
  });
});
