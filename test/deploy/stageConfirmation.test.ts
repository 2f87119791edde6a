import assert from 'node:assert/strict';
import { confirmProtectedStage, type Terminal } from '../../core/src/cli/stageConfirmation';

function terminal(answer: string): Terminal & { asked: string[] } {
  const asked: string[] = [];
  return { interactive: true, asked, ask: async (q) => (asked.push(q), answer) };
}

describe('deploy: protected stage confirmation', () => {
  it('asks for the stage name on a terminal and accepts only that', async () => {
    const t = terminal('prod\n');
    assert.equal(await confirmProtectedStage('prod', 'deploy to', { yes: true, confirmStage: undefined }, t), undefined);
    assert.deepEqual(t.asked, ['Stage prod is protected. Type its name to deploy to: ']);
    assert.match((await confirmProtectedStage('prod', 'deploy to', { yes: true, confirmStage: undefined }, terminal('prd'))) ?? '', /'prd' is not prod; nothing was changed/);
  });

  it('never asks without --yes, and takes --confirm-stage instead of asking', async () => {
    const t = terminal('prod');
    assert.match((await confirmProtectedStage('prod', 'deploy to', { yes: false, confirmStage: 'prod' }, t)) ?? '', /needs --yes/);
    assert.equal(await confirmProtectedStage('prod', 'deploy to', { yes: true, confirmStage: 'prod' }, t), undefined);
    assert.deepEqual(t.asked, []);
  });
});
