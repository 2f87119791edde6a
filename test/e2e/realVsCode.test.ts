import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';

/*
 * Brings the real-VS-Code tests into `npm test`: runs scripts/e2e/runCodeServer.mjs (code-server's
 * extension host and workbench, driven by Chromium) in a child process and reports each of
 * its tests here, so the closing "N passed, N failed" line counts them with the rest.
 */

const REPO = path.resolve(__dirname, '..', '..', '..');
const CHROMIUM = process.env.APIGW_E2E_CHROMIUM ?? '/usr/bin/chromium';
/** CI sets this so a missing prerequisite fails instead of skipping. */
const REQUIRED = process.env.APIGW_E2E === 'required';

interface LauncherTest {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  error?: string;
}

interface LauncherResults {
  tests: LauncherTest[];
  facts: Record<string, number | undefined>;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, command)));
}

/** What the launcher needs from the system (Debian: chromium, ripgrep, libkrb5-dev). */
function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  if (!onPath('rg')) missing.push('ripgrep');
  if (!onPath('krb5-config')) missing.push('libkrb5-dev');
  return missing;
}

function runLauncher(out: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    // Its progress goes to stderr so that this process's stdout stays the test report.
    const child = spawn(process.execPath, [path.join(REPO, 'scripts', 'e2e', 'runCodeServer.mjs'), '--json', out], { cwd: REPO, stdio: ['ignore', process.stderr, process.stderr] });
    child.once('error', reject);
    child.once('exit', resolve);
  });
}

describe('real VS Code (code-server)', function () {
  this.timeout(20 * 60_000);
  let results: LauncherResults | undefined;
  let launcherExit: number | null = null;

  before(async function () {
    const missing = missingPrerequisites();
    if (missing.length > 0) {
      if (REQUIRED) throw new Error(`missing for the real-VS-Code tests: ${missing.join(', ')}`);
      console.log(`      skipped: real-VS-Code tests need ${missing.join(', ')} (apt-get install chromium ripgrep libkrb5-dev)`);
      this.skip();
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'apigw-e2e-'));
    const out = path.join(dir, 'results.json');
    try {
      launcherExit = await runLauncher(out);
      if (existsSync(out)) results = JSON.parse(readFileSync(out, 'utf8')) as LauncherResults;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const suite = this.test?.parent;
    for (const t of results?.tests ?? []) {
      const test = new Mocha.Test(t.title, () => {
        if (t.state === 'failed') throw new Error(t.error ?? 'failed');
      });
      if (t.state === 'pending') test.pending = true;
      suite?.addTest(test);
    }
    const f = results?.facts;
    if (f) console.log(`      code-server install ${f.installSeconds} s, e2e wall ${f.wallSeconds} s, activation ${f.activationMs_trusted} ms, VSIX ${f.vsixBytes} bytes`);
  });

  it('runs the extension-host suites and the UI test to the end', () => {
    if (!results) throw new Error(`the launcher wrote no results (exit code ${String(launcherExit)})`);
    if (results.tests.length === 0) throw new Error('the launcher ran no test');
  });
});
