import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createLambdaRunner, type LambdaOutcome } from '../../core/src/mock/lambda';
import { startCliMock } from './cliMock';

/**
 * Only code inside the workspace runs as a Lambda handler, whatever apigw.config.json or a SAM
 * template says: `../../…`, an absolute path, a linked file or folder pointing out. Each handler
 * here writes a marker when loaded, so "refused" also means "nothing ran".
 */
describe('lambda handlers: nothing from outside the workspace runs', function () {
  this.timeout(30_000);
  let ws: string;
  let outside: string;
  const marker = () => path.join(outside, 'ran');

  beforeEach(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'apigw-ws-'));
    outside = mkdtempSync(path.join(tmpdir(), 'apigw-elsewhere-'));
    writeFileSync(path.join(outside, 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(marker())}, 'x'); exports.handler = async () => 'ran';`);
  });
  afterEach(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  async function outcomeOf(functions: Record<string, string>, fn: string): Promise<LambdaOutcome> {
    writeFileSync(path.join(ws, 'apigw.config.json'), JSON.stringify({ functions }));
    const runner = await createLambdaRunner({ workspaceRoot: ws, apiFile: path.join(ws, 'api.yaml'), trusted: true });
    try {
      return await runner.invoke(fn, {}, { awsRequestId: 'r1' }, 5000);
    } finally {
      await runner.close();
    }
  }

  function assertRefused(outcome: LambdaOutcome, why: RegExp): void {
    assert.equal(outcome.kind, 'refused', JSON.stringify(outcome));
    assert.match((outcome as { message: string }).message, why);
    assert.match((outcome as { message: string }).message, /only code inside the workspace is run/);
    assert.equal(existsSync(marker()), false, 'the handler ran');
  }

  it('refuses ../../ that climbs out', async () => {
    const climb = path.relative(ws, path.join(outside, 'evil.js'));
    assert.match(climb, /^\.\.\//);
    assertRefused(await outcomeOf({ f: `${climb}#handler` }, 'f'), /resolves to .*evil\.js, outside the workspace/);
    assertRefused(await outcomeOf({ f: '../../../../../../../../etc/evil.js#handler' }, 'f'), /resolves to \/etc\/evil\.js, outside the workspace/);
  });

  it('refuses an absolute path', async () => {
    assertRefused(await outcomeOf({ f: `${path.join(outside, 'evil.js')}#handler` }, 'f'), /outside the workspace/);
  });

  it('refuses a linked file and a linked folder that point out', async () => {
    symlinkSync(path.join(outside, 'evil.js'), path.join(ws, 'linked.js'));
    assertRefused(await outcomeOf({ f: 'linked.js#handler' }, 'f'), /is a link to .*evil\.js, outside the workspace/);
    symlinkSync(outside, path.join(ws, 'lib'));
    assertRefused(await outcomeOf({ f: 'lib/evil.js#handler' }, 'f'), /is a link to .*evil\.js, outside the workspace/);
  });

  it("refuses a SAM function whose CodeUri leads out", async () => {
    writeFileSync(
      path.join(ws, 'template.yaml'),
      ['Resources:', '  Fn:', '    Type: AWS::Serverless::Function', '    Properties:', `      CodeUri: ${path.relative(ws, outside)}/`, '      Handler: evil.handler', '      Runtime: nodejs20.x', ''].join('\n'),
    );
    const runner = await createLambdaRunner({ workspaceRoot: ws, apiFile: path.join(ws, 'api.yaml'), trusted: true });
    try {
      assertRefused(await runner.invoke('Fn', {}, { awsRequestId: 'r1' }, 5000), /outside the workspace/);
    } finally {
      await runner.close();
    }
  });

  it('runs the same handler once it is inside', async () => {
    mkdirSync(path.join(ws, 'src'));
    writeFileSync(path.join(ws, 'src', 'ok.js'), "exports.handler = async () => 'ok';");
    const outcome = await outcomeOf({ f: 'src/ok.js#handler' }, 'f');
    assert.equal(outcome.kind, 'result', JSON.stringify(outcome));
  });

  it('apigw mock, whose workspace is the folder it starts in, answers 501 with the reason', async () => {
    writeFileSync(path.join(ws, 'apigw.config.json'), JSON.stringify({ functions: { evil: `${path.relative(ws, path.join(outside, 'evil.js'))}#handler` } }));
    const uri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:evil/invocations';
    writeFileSync(
      path.join(ws, 'api.json'),
      JSON.stringify({ openapi: '3.0.1', info: { title: 'T', version: '1' }, paths: { '/x': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri } } } } }),
    );
    const mock = await startCliMock(['api.json', '--port', '0'], { cwd: ws });
    try {
      const url = mock.url;
      const res = await fetch(`${url}/dev/x`, { signal: AbortSignal.timeout(20_000) });
      assert.equal(res.status, 501);
      assert.match(((await res.json()) as { message: string }).message, /outside the workspace .*only code inside the workspace is run/);
      assert.equal(existsSync(marker()), false, 'the handler ran');
    } finally {
      await mock.stop();
    }
  });
});
