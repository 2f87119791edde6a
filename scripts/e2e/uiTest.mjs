// The extension as a person gets it: the VSIX installed into code-server with
// --install-extension, the workbench driven in Chromium, screenshots of the API Gateway view
// and the Problems panel saved to .e2e/screenshots/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, workbenchUrl } from './browser.mjs';
import { installExtension, listExtensions, startCodeServer } from './codeServer.mjs';
import { BROKEN_TITLE, E2E_ROOT, prepareRun } from './runDirs.mjs';

export const SCREENSHOTS = join(E2E_ROOT, 'screenshots');
const manifest = JSON.parse(readFileSync(resolve('package.json'), 'utf8'));
const EXTENSION = `${manifest.publisher}.${manifest.name}`;

/** Packs the bundles in dist/ as `npm run package` does (without re-bundling). */
function packageVsix() {
  const vsix = join(E2E_ROOT, `${manifest.name}-${manifest.version}.vsix`);
  execFileSync(process.execPath, [resolve('node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { stdio: 'pipe' });
  return { vsix, bytes: statSync(vsix).size };
}

/** Runs `step` as one named test; a failure is recorded and ends the remaining steps. */
async function step(results, title, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ title: `UI ${title}`, state: 'passed', durationMs: Date.now() - started });
    return true;
  } catch (err) {
    results.push({ title: `UI ${title}`, state: 'failed', durationMs: Date.now() - started, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return false;
  }
}

export async function runUiTest() {
  const results = [];
  const facts = {};
  const run = prepareRun('ui', 'trusted');
  let vsix;
  const installed = (await step(results, 'npm run package builds a VSIX without node_modules', () => {
    vsix = packageVsix();
    facts.vsixBytes = vsix.bytes;
    const listing = execFileSync('unzip', ['-l', vsix.vsix], { encoding: 'utf8' });
    if (listing.includes('node_modules/')) throw new Error(`the VSIX ships node_modules:\n${listing}`);
  })) && (await step(results, 'the VSIX installs into code-server with --install-extension', () => {
    installExtension(run, vsix.vsix);
    const list = listExtensions(run);
    if (!list.includes(`${EXTENSION}@${manifest.version}`)) throw new Error(`not listed after install: ${list.join(', ')}`);
  }));
  if (!installed) return { tests: results, facts };

  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = startCodeServer(run);
  const browser = await launchBrowser();
  let page;
  try {
    const address = await server.listening;
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(workbenchUrl(address, run.workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const sideBar = page.locator('#workbench\\.parts\\.sidebar');
    const row = (text) => sideBar.locator('.monaco-list-row', { hasText: text }).first();

    (await step(results, 'the API Gateway view lists the workspace\'s APIs', async () => {
      await page.locator('.activitybar').getByRole('tab', { name: /API Gateway/ }).click();
      for (const name of ['Bookstore API', 'Bookstore Checkout API', BROKEN_TITLE]) await row(name).waitFor({ timeout: 60_000 });
    })) &&
      (await step(results, 'a broken method shows its integration, API key and problem badge', async () => {
        // A row with a command runs it on click; its twistie expands it.
        await row(BROKEN_TITLE).locator('.monaco-tl-twistie').click();
        await row('/books').locator('.monaco-tl-twistie').click();
        const get = sideBar.locator('.monaco-list-row', { hasText: 'Lambda proxy · API key' }).first();
        await get.waitFor({ timeout: 30_000 });
        await get.click(); // reveals the method in the editor
        await page.locator('.monaco-editor .view-lines', { hasText: 'operationId: listBooks' }).first().waitFor({ timeout: 30_000 });
        // The status bar item counts the open file's problems.
        await page.locator('#workbench\\.parts\\.statusbar', { hasText: 'API Gateway' }).waitFor({ timeout: 30_000 });
        // A wider side bar shows the descriptions whole.
        const sash = await sideBar.boundingBox();
        if (sash) {
          await page.mouse.move(sash.x + sash.width + 1, sash.y + sash.height / 2);
          await page.mouse.down();
          await page.mouse.move(sash.x + sash.width + 240, sash.y + sash.height / 2, { steps: 5 });
          await page.mouse.up();
        }
        await page.waitForTimeout(500);
        await sideBar.screenshot({ path: join(SCREENSHOTS, 'tree-view.png') });
      })) &&
      (await step(results, 'the Problems panel lists the broken copy\'s error', async () => {
        await page.keyboard.press('Control+Shift+M');
        const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'apigw.integration.lambda-post' }).first();
        await marker.waitFor({ timeout: 30_000 });
        await page.locator('#workbench\\.parts\\.panel').screenshot({ path: join(SCREENSHOTS, 'problems-panel.png') });
        await page.screenshot({ path: join(SCREENSHOTS, 'workbench.png') });
      }));
  } catch (err) {
    results.push({ title: 'UI workbench', state: 'failed', durationMs: 0, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    if (results.some((r) => r.state === 'failed')) await page?.screenshot({ path: join(SCREENSHOTS, 'failure.png') }).catch(() => undefined);
    await browser.close();
    await server.stop();
  }
  return { tests: results, facts };
}
