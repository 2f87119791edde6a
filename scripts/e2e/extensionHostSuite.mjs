// Runs test/e2e/suite inside code-server's real extension host, as @vscode/test-electron
// does on a desktop: the `payload` URL parameter names the extension under development and
// the tests; VS Code reports the end through window.codeAutomationExit.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser, remoteUri, workbenchUrl } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { prepareRun } from './runDirs.mjs';

const SUITE = resolve('out/test/e2e/suite/index.js');
const SUITE_TIMEOUT_MS = 10 * 60_000;

export async function runExtensionHostSuite(mode, { verbose = false } = {}) {
  if (!existsSync(SUITE) || !existsSync(resolve('dist/client.js'))) throw new Error('build first: npm run build (the suite runs from out/, the extension from dist/)');
  const run = prepareRun(`suite-${mode}`, mode);
  const server = startCodeServer(run, { APIGW_E2E_MODE: mode, APIGW_E2E_RESULTS: run.results });
  const browser = await launchBrowser();
  const transcript = [];
  try {
    const address = await server.listening;
    const page = await browser.newPage();
    const exited = new Promise((resolveExit) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    });
    await page.exposeFunction('codeAutomationLog', (level, message) => transcript.push(`[${level}] ${message}`));
    page.on('console', (message) => {
      const text = message.text();
      transcript.push(text);
      if (verbose) console.log(`  | ${text}`);
    });
    const payload = [
      ['extensionDevelopmentPath', remoteUri(address, resolve('.'))],
      ['extensionTestsPath', remoteUri(address, SUITE)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    await page.goto(workbenchUrl(address, run.workspace, payload));
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`)), SUITE_TIMEOUT_MS);
    });
    const code = await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    if (!existsSync(run.results)) throw new Error(`the suite wrote no results (exit code ${code}); workbench log:\n${transcript.slice(-60).join('\n')}\ncode-server log:\n${server.log()}`);
    return { exitCode: code, ...JSON.parse(readFileSync(run.results, 'utf8')) };
  } finally {
    await browser.close();
    await server.stop();
  }
}
