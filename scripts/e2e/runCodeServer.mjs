// The real-VS-Code tests on a machine without a desktop VS Code: installs code-server into
// .e2e/ if needed, runs the extension-host suite in a trusted and in a restricted workspace,
// then the UI test on the packaged VSIX. Needs a build (npm run build) and Debian's
// chromium, ripgrep and libkrb5-dev.
//   node scripts/e2e/runCodeServer.mjs [--json results.json] [--verbose]
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runExtensionHostSuite } from './extensionHostSuite.mjs';
import { install } from './installCodeServer.mjs';
import { runUiTest, SCREENSHOTS } from './uiTest.mjs';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const verbose = args.includes('--verbose');

const started = performance.now();
const tests = [];
const facts = { installSeconds: Number(install().toFixed(1)) };

for (const mode of ['trusted', 'restricted']) {
  try {
    const result = await runExtensionHostSuite(mode, { verbose });
    for (const t of result.tests) tests.push({ ...t, title: `${mode} workspace: ${t.title}` });
    facts[`activationMs_${mode}`] = result.activationMs;
    facts[`serverReadyMs_${mode}`] = result.serverReadyMs;
    if (result.exitCode !== 0 && !result.tests.some((t) => t.state === 'failed')) {
      tests.push({ title: `${mode} workspace: the suite ends cleanly`, state: 'failed', durationMs: 0, error: `exit code ${result.exitCode}` });
    }
  } catch (err) {
    tests.push({ title: `${mode} workspace: the extension-host suite runs`, state: 'failed', durationMs: 0, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

try {
  const ui = await runUiTest();
  tests.push(...ui.tests);
  Object.assign(facts, ui.facts);
} catch (err) {
  tests.push({ title: 'UI test runs', state: 'failed', durationMs: 0, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
}

facts.wallSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
const passed = tests.filter((t) => t.state === 'passed').length;
const failed = tests.filter((t) => t.state === 'failed').length;
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ tests, facts }, null, 2));
else {
  for (const t of tests) console.log(`  ${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-'} ${t.title}${t.error ? `\n      ${t.error.split('\n').join('\n      ')}` : ''}`);
  console.log(`\ncode-server install ${facts.installSeconds} s, e2e wall time ${facts.wallSeconds} s, activate() ${facts.activationMs_trusted} ms, language server answered ${facts.serverReadyMs_trusted} ms after activate() began, VSIX ${facts.vsixBytes} bytes; screenshots in ${SCREENSHOTS}`);
  console.log(`${passed} passed, ${failed} failed`);
}
process.exitCode = failed > 0 ? 1 : 0;
