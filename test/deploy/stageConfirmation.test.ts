import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CreateDeploymentCommand, GetDeploymentCommand, GetRestApisCommand, GetStageCommand, PutRestApiCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { deployCommand } from '../../core/src/cli/deployCommand';
import { rollbackCommand } from '../../core/src/cli/rollbackCommand';
import { confirmProtectedStage, type Terminal } from '../../core/src/cli/stageConfirmation';
import { confirmByTypingStageName, type StageNameQuestion } from '../../core/src/deploy/protectedStage';
import { sequence } from './callLog';
import { REST_API } from './fixtures';
import { mockSdkInSuite } from './sdkMocks';

function terminal(answer: string): Terminal & { asked: string[] } {
  const asked: string[] = [];
  return { interactive: true, asked, ask: async (q) => (asked.push(q), answer) };
}

describe('deploy: protected stage confirmation', () => {
  it('asks for the stage name on a terminal and accepts only that', async () => {
    const t = terminal('prod\n');
    assert.equal(await confirmProtectedStage('prod', 'deploy to it', { yes: true, confirmStage: undefined }, t), undefined);
    assert.deepEqual(t.asked, ['Stage prod is protected. Type its name to deploy to it: ']);
    assert.match((await confirmProtectedStage('prod', 'deploy to it', { yes: true, confirmStage: undefined }, terminal('prd'))) ?? '', /'prd' is not prod; nothing was changed/);
  });

  it('never asks without --yes, and takes --confirm-stage instead of asking', async () => {
    const t = terminal('prod');
    assert.match((await confirmProtectedStage('prod', 'deploy to it', { yes: false, confirmStage: 'prod' }, t)) ?? '', /--yes is needed/);
    assert.equal(await confirmProtectedStage('prod', 'deploy to it', { yes: true, confirmStage: 'prod' }, t), undefined);
    assert.deepEqual(t.asked, []);
  });
});

describe('deploy: the VS Code question for a protected stage', () => {
  const answering = (answer: string | undefined) => {
    const asked: StageNameQuestion[] = [];
    return { asked, ask: async (q: StageNameQuestion) => (asked.push(q), answer) };
  };

  it('goes ahead only on the stage name typed exactly', async () => {
    assert.equal(await confirmByTypingStageName('prod', 'deploy to it', answering('prod').ask), true);
    assert.equal(await confirmByTypingStageName('prod', 'deploy to it', answering('prd').ask), false);
    assert.equal(await confirmByTypingStageName('prod', 'deploy to it', answering('PROD').ask), false);
    assert.equal(await confirmByTypingStageName('prod', 'deploy to it', answering(undefined).ask), false, 'dismissed');
  });

  it('names the stage and says what is wrong while typing', async () => {
    const a = answering(undefined);
    await confirmByTypingStageName('prod', 'roll it back', a.ask);
    const q = a.asked[0];
    assert.equal(q.prompt, 'Stage prod is protected. Type its name to roll it back.');
    assert.equal(q.validate(''), undefined);
    assert.equal(q.validate('pr'), 'Type prod');
    assert.equal(q.validate('prod'), undefined);
  });
});

describe('deploy: apigw deploy and rollback to a protected stage change nothing unconfirmed (SDK mocked)', () => {
  const sdk = mockSdkInSuite();
  let dir: string;
  let file: string;
  const CHANGES = /^(Import|Put|Create|Update|Delete)/;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-protected-'));
    file = path.join(dir, 'api.yaml');
    writeFileSync(file, REST_API);
    writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ stages: { prod: { protected: true, region: 'us-east-1' } } }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [{ id: 'r1', name: 'Orders' }] });
    sdk.rest.on(GetStageCommand).resolves({ deploymentId: 'p1' });
    sdk.rest.on(PutRestApiCommand).resolves({ id: 'r1', name: 'Orders' });
    sdk.rest.on(CreateDeploymentCommand).resolves({ id: 'p2' });
    sdk.rest.on(GetDeploymentCommand).resolves({ id: 'p1', description: 'apigw deploy; previous deployment p0' });
    sdk.rest.on(UpdateStageCommand).resolves({});
  });

  /** Runs a command in process with its output captured: [exit status, stderr]. */
  async function quietly(run: () => Promise<number>): Promise<[number, string]> {
    let err = '';
    const writes = { out: process.stdout.write, err: process.stderr.write };
    process.stdout.write = (() => true) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => ((err += String(chunk)), true)) as typeof process.stderr.write;
    try {
      return [await run(), err];
    } finally {
      process.stdout.write = writes.out;
      process.stderr.write = writes.err;
    }
  }

  const changes = () => sequence(sdk.rest, sdk.http).filter((c) => CHANGES.test(c));

  it('deploy: the wrong name typed at the prompt changes nothing (exit 2); the right one deploys', async () => {
    const [wrong, said] = await quietly(() => deployCommand([file, '--stage', 'prod', '--yes'], terminal('prd')));
    assert.equal(wrong, 2);
    assert.match(said, /'prd' is not prod; nothing was changed/);
    assert.deepEqual(changes(), []);
    const [right] = await quietly(() => deployCommand([file, '--stage', 'prod', '--yes'], terminal('prod')));
    assert.equal(right, 0);
    assert.deepEqual(changes(), ['PutRestApi', 'CreateDeployment']);
  });

  it('deploy: without --yes nothing is asked and nothing changes (exit 2)', async () => {
    const t = terminal('prod');
    const [status, said] = await quietly(() => deployCommand([file, '--stage', 'prod'], t));
    assert.equal(status, 2);
    assert.match(said, /stage prod is protected: --yes is needed to deploy to it/);
    assert.deepEqual(t.asked, []);
    assert.deepEqual(sequence(sdk.rest, sdk.http), []);
  });

  it('rollback: refused without a terminal or --confirm-stage, and on a wrong name, before any call to AWS', async () => {
    const noTerminal: Terminal = { interactive: false, ask: async () => assert.fail('asked without a terminal') };
    let [status, said] = await quietly(() => rollbackCommand([file, '--stage', 'prod'], noTerminal));
    assert.equal(status, 2);
    assert.match(said, /stage prod is protected: --yes is needed to roll it back/);
    [status, said] = await quietly(() => rollbackCommand([file, '--stage', 'prod', '--yes'], noTerminal));
    assert.equal(status, 2);
    assert.match(said, /no terminal to confirm on: add --confirm-stage prod/);
    [status] = await quietly(() => rollbackCommand([file, '--stage', 'prod', '--yes', '--confirm-stage', 'dev'], noTerminal));
    assert.equal(status, 2);
    [status] = await quietly(() => rollbackCommand([file, '--stage', 'prod', '--yes'], terminal('prd')));
    assert.equal(status, 2);
    assert.deepEqual(sequence(sdk.rest, sdk.http), []);
  });

  it('rollback: with the name confirmed, the stage goes back', async () => {
    const [status, said] = await quietly(() => rollbackCommand([file, '--stage', 'prod', '--yes', '--confirm-stage', 'prod'], terminal('unused')));
    assert.equal(status, 0, said);
    assert.deepEqual(changes(), ['UpdateStage']);
    assert.deepEqual(sdk.rest.commandCalls(UpdateStageCommand)[0].args[0].input.patchOperations, [{ op: 'replace', path: '/deploymentId', value: 'p0' }]);
  });
});
