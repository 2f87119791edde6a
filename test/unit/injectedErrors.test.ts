import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { lint } from '../support/lint';
import { sharedAvailable } from '../support/shared';

interface Injected {
  id: number;
  kind: string;
  pointer: string;
  message: string;
}

function generate(generator: string, args: string[]): { text: string; injected: Injected[] } {
  const run = spawnSync(process.execPath, [generator, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`generator failed: ${run.stderr}`);
  return { text: run.stdout, injected: run.stderr.trim() ? (JSON.parse(run.stderr) as Injected[]) : [] };
}

describe('generated specs (shared/bench/gen-apigw-spec.mjs)', function () {
  it('a clean generated spec gives no error', async function () {
    const dir = sharedAvailable(this, 'bench');
    if (!dir) return;
    for (const format of ['yaml', 'json']) {
      const { text } = generate(path.join(dir, 'gen-apigw-spec.mjs'), ['--paths', '120', '--format', format, '--errors', '0']);
      const diags = await lint(text, { name: `api.${format}` });
      const errors = diags.filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => `${d.code} ${d.pointer} ${d.message}`), [], format);
    }
  });

  for (const seed of [1, 2, 3]) {
    it(`finds every injected mistake at its pointer (seed ${seed})`, async function () {
      const dir = sharedAvailable(this, 'bench');
      if (!dir) return;
      const { text, injected } = generate(path.join(dir, 'gen-apigw-spec.mjs'), ['--paths', '150', '--seed', String(seed), '--errors', '24']);
      assert.ok(injected.length >= 12, 'the generator injected mistakes of every kind');
      const diags = await lint(text);
      const missed = injected.filter((m) => !diags.some((d) => (d.severity === 'error' || d.severity === 'warning') && d.pointer === m.pointer));
      assert.deepEqual(
        missed.map((m) => `${m.kind} at ${m.pointer}: ${m.message}`),
        [],
        `found near them:\n${missed.map((m) => diags.filter((d) => m.pointer.startsWith(d.pointer) || d.pointer.startsWith(m.pointer)).map((d) => `  ${d.code} ${d.pointer}`).join('\n')).join('\n')}`,
      );
    });
  }
});
