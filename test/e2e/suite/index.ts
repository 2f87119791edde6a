import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** One test's outcome, as the launchers read it back from APIGW_E2E_RESULTS. */
export interface E2eTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface E2eResults {
  mode: string;
  tests: E2eTestResult[];
  /** Measured by the extension itself: the `activate()` call. */
  activationMs?: number;
  /** From the start of `activate()` until the language server answered `initialize`. */
  serverReadyMs?: number;
}

/** Facts the tests measure for the closing summary. */
export const measured: { activationMs?: number; serverReadyMs?: number } = {};

/** What each mode runs: a trusted workspace gets the whole suite, a restricted one its own checks. */
const FILES: Readonly<Record<string, string[]>> = {
  trusted: ['activation.e2e.js', 'diagnostics.e2e.js', 'tree.e2e.js', 'mock.e2e.js', 'mockAnalytics.e2e.js'],
  restricted: ['restricted.e2e.js', 'mockRestricted.e2e.js'],
};

/**
 * The extension-host entry point (`extensionTestsPath`), the same for @vscode/test-electron
 * and the code-server launcher. Rejects when a test fails, as both launchers expect.
 */
export function run(): Promise<void> {
  const mode = process.env.APIGW_E2E_MODE ?? 'trusted';
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of FILES[mode] ?? []) mocha.addFile(path.join(__dirname, file));
  const results: E2eResults = { mode, tests: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.activationMs = measured.activationMs;
      results.serverReadyMs = measured.serverReadyMs;
      const out = process.env.APIGW_E2E_RESULTS;
      if (out) writeFileSync(out, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    const record = (test: Mocha.Test, state: E2eTestResult['state'], err?: Error) =>
      results.tests.push({ title: test.fullTitle(), state, durationMs: test.duration ?? 0, error: err ? (err.stack ?? err.message) : undefined });
    runner.on('pass', (test) => record(test, 'passed'));
    runner.on('fail', (test, err: Error) => record(test, 'failed', err));
    runner.on('pending', (test) => record(test, 'pending'));
  });
}
