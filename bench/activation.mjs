// Extension activation in a real VS Code: code-server (from scripts/e2e/installCodeServer.mjs)
// with the packaged VSIX installed, and a workspace of copies of examples/, whose api.yaml
// files activate the extension at start-up (workspaceContains). One profile for every run, as
// a person has: the first run is the first start after installing, the later ones find what
// the first left behind (the language server's code cache). Each run reads two figures:
//   - VS Code's own, as "Developer: Show Running Extensions" shows it: loading the
//     extension's main module plus the activate() call (until it returns);
//   - the extension's log line: the activate() call as the extension times it, and the time
//     from the start of activate() until the language server answered `initialize`.
// Needs dist/ (npm run bundle) and what the e2e run needs (Debian's chromium, ripgrep).
// Prints the medians of the later runs and writes them to bench/results-activation.md.
//   node bench/activation.mjs [--runs 7] [--json out.json]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The e2e helpers resolve their folders (.e2e/, examples/) from the working directory.
process.chdir(root);
const { launchBrowser, workbenchUrl } = await import('../scripts/e2e/browser.mjs');
const { installExtension, startCodeServer } = await import('../scripts/e2e/codeServer.mjs');
const { install } = await import('../scripts/e2e/installCodeServer.mjs');
const { prepareRun } = await import('../scripts/e2e/runDirs.mjs');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', '7'));
const jsonOut = option('--json', undefined);
if (!(runs >= 2)) throw new Error('--runs must be 2 or more: the first start is reported apart from the others');

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const EXTENSION = `${manifest.publisher}.${manifest.name}`;
/** What client/src/extension.ts logs once the language server answered `initialize`. */
const LOG_LINE = /activate\(\) returned after ([\d.]+) ms; the language server answered initialize (\d+) ms after activate\(\) began/;

const work = path.join(root, 'bench', '.work', 'activation');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const vsix = path.join(work, `${manifest.name}.vsix`);
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { stdio: 'pipe' });
install();
// One profile and extensions folder for every run: installing is not what is measured.
const profile = { ...prepareRun('activation-install', 'trusted'), extensions: path.join(work, 'extensions') };
installExtension(profile, vsix);
/** Where client/src/extension.ts keeps the server's code cache: the extension's global storage. */
const codeCache = path.join(profile.userData, 'User', 'globalStorage', EXTENSION, 'server.v8cache');

function extensionLog(userData) {
  const logs = path.join(userData, 'logs');
  if (!existsSync(logs)) return undefined;
  const file = readdirSync(logs, { recursive: true }).find((f) => f.endsWith(path.join(EXTENSION, 'API Gateway.log')));
  return file === undefined ? undefined : readFileSync(path.join(logs, file), 'utf8');
}

async function until(what, check, timeoutMs = 90_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** "Developer: Show Running Extensions" run from the command palette; its row for the extension. */
async function runningExtensionsFigure(page) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30_000 });
  await input.fill('>Developer: Show Running Extensions');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: manifest.displayName }).first();
  const cell = row.locator('.activation-time').first();
  await cell.waitFor({ timeout: 30_000 });
  // "Activating..." until activate() has returned.
  const [, ms] = await until('the activation time in Running Extensions', async () => /(\d+)\s*ms/.exec((await cell.textContent()) ?? '') ?? undefined, 30_000);
  return Number(ms);
}

async function measureOnce(first) {
  const run = { ...prepareRun('activation', 'trusted'), extensions: profile.extensions, userData: profile.userData };
  // The log line read must be this start's.
  rmSync(path.join(profile.userData, 'logs'), { recursive: true, force: true });
  const server = startCodeServer(run);
  const browser = await launchBrowser();
  try {
    const address = await server.listening;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(workbenchUrl(address, run.workspace));
    const [, callMs, readyMs] = await until('the extension to log that the language server answered', () => LOG_LINE.exec(extensionLog(run.userData) ?? '') ?? undefined);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const vscodeMs = await runningExtensionsFigure(page);
    // The server writes its code cache a few seconds after its first start.
    if (first) await until('the language server to write its code cache', () => (existsSync(codeCache) ? true : undefined));
    // VS Code's figure is code loading + the call: what it adds to the call is the loading.
    return { vscodeMs, callMs: Number(callMs), readyMs: Number(readyMs), sinceLoadMs: Math.round(Number(readyMs) + vscodeMs - Number(callMs)) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const loadBefore = loadavg();
const samples = [];
for (let i = 0; i < runs; i++) {
  const sample = await measureOnce(i === 0);
  console.error(`run ${i + 1}/${runs}: VS Code ${sample.vscodeMs} ms, activate() ${sample.callMs} ms, language server answered ${sample.readyMs} ms (load ${loadavg()[0].toFixed(2)})`);
  samples.push(sample);
}
const loadAfter = loadavg();

const [first, ...later] = samples;
const figures = {
  runs,
  first,
  vscodeMs: median(later.map((s) => s.vscodeMs)),
  callMs: median(later.map((s) => s.callMs)),
  readyMs: median(later.map((s) => s.readyMs)),
  sinceLoadMs: median(later.map((s) => s.sinceLoadMs)),
  clientBytes: statSync('dist/client.js').size,
  vsixBytes: statSync(vsix).size,
  samples,
};
const range = (key) => `${Math.min(...later.map((s) => s[key]))}–${Math.max(...later.map((s) => s[key]))}`;
const text = `Extension activation in code-server ${JSON.parse(readFileSync('.e2e/code-server/node_modules/code-server/package.json', 'utf8')).version}, ${runs} starts with one profile, ${cpus().length} cores, load ${loadBefore[0].toFixed(2)} → ${loadAfter[0].toFixed(2)}

| figure | median of starts 2–${runs} | range | first start after installing |
| --- | --- | --- | --- |
| VS Code's activation time (Show Running Extensions: loading dist/client.js + the activate() call) | ${figures.vscodeMs} ms | ${range('vscodeMs')} ms | ${first.vscodeMs} ms |
| activate() call, timed by the extension | ${figures.callMs} ms | ${range('callMs')} ms | ${first.callMs} ms |
| activate() began → the language server answered initialize | ${figures.readyMs} ms | ${range('readyMs')} ms | ${first.readyMs} ms |
| loading began → the language server answered initialize (VS Code's figure − activate() + the line above) | ${figures.sinceLoadMs} ms | ${range('sinceLoadMs')} ms | ${first.sinceLoadMs} ms |

dist/client.js ${(figures.clientBytes / 1024).toFixed(0)} KB, VSIX ${(figures.vsixBytes / 1e6).toFixed(2)} MB; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
console.log(text);
writeFileSync(path.join(root, 'bench', 'results-activation.md'), `# Extension activation\n\nWritten by \`node bench/activation.mjs\` (see bench/README.md).\n\n${text}\n`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(figures, null, 2));
