// The same extension-host suite in a desktop VS Code, through @vscode/test-electron: for
// developers' machines (it downloads VS Code unless VSCODE_EXECUTABLE names an installed one).
//   node scripts/e2e/runElectron.mjs
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareRun } from './runDirs.mjs';

let passed = 0;
let failed = 0;
for (const mode of ['trusted', 'restricted']) {
  const run = prepareRun(`electron-${mode}`, mode);
  const launchArgs = [run.workspace, '--user-data-dir', run.userData, '--extensions-dir', run.extensions, '--disable-extensions'];
  if (mode === 'trusted') launchArgs.push('--disable-workspace-trust');
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: resolve('.'),
      extensionTestsPath: resolve('out/test/e2e/suite/index.js'),
      launchArgs,
      extensionTestsEnv: { APIGW_E2E_MODE: mode, APIGW_E2E_RESULTS: run.results, TMPDIR: run.tmp },
    });
  } catch (err) {
    console.error(`${mode} workspace: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!existsSync(run.results)) {
    failed++;
    continue;
  }
  const { tests } = JSON.parse(readFileSync(run.results, 'utf8'));
  passed += tests.filter((t) => t.state === 'passed').length;
  failed += tests.filter((t) => t.state === 'failed').length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
