// Completion and hover latency at random positions of generated 1000-path definitions:
//   - in process, through the core functions, on an analysis that already exists (as the
//     server has it cached for the open version);
//   - over LSP, as round trips to dist/server.js on stdio, after its first check of the file;
//   - over LSP, the first completion after an edit, which waits for the new version's analysis.
// Prints p50 / p95 / max in milliseconds, as markdown rows for bench/results-language.md.
//
//   npx tsc -p . && npm run bundle && node bench/completion.mjs [--positions 200] [--edits 5] [--json out.json]
//
// Inputs: bench/genSpec.mjs --paths 1000 (YAML and JSON), and ../shared/bench/gen-apigw-spec.mjs
// --paths 1000 (YAML and JSON) when that folder is present.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const out = (p) => path.join(root, 'out', 'core', 'src', p);
// The server runs with the Node flags the VS Code client starts it with (server/src/nodeFlags.ts).
const { SERVER_NODE_FLAGS: serverFlags } = require(path.join(root, 'out', 'server', 'src', 'nodeFlags.js'));
if (!existsSync(out('language/completion.js')) || !existsSync(path.join(root, 'dist', 'server.js'))) {
  console.error('out/ or dist/server.js is missing: run `npx tsc -p . && npm run bundle` first');
  process.exit(1);
}
const { lintText } = require(out('lint.js'));
const { complete } = require(out('language/completion.js'));
const { hover } = require(out('language/hover.js'));
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const POSITIONS = arg('positions', 200);
const EDITS = arg('edits', 5);
const WARMUP = 20;

function inputs() {
  const list = [];
  for (const format of ['yaml', 'json']) list.push({ name: `bench/genSpec.mjs --paths 1000 (${format})`, generator: path.join(root, 'bench', 'genSpec.mjs'), format });
  const generator = path.join(shared, 'bench', 'gen-apigw-spec.mjs');
  if (existsSync(generator)) for (const format of ['yaml', 'json']) list.push({ name: `gen-apigw-spec.mjs --paths 1000 (${format})`, generator, format });
  else console.error(`skipped gen-apigw-spec.mjs: ${generator} not present`);
  return list;
}

/** The same positions on every run: a small seeded generator (mulberry32). */
function randomOffsets(length, count, seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Math.floor(next() * length));
}

function positionAt(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

const ms = (n) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
const cell = (s) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`;

function time(fn) {
  const t = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, result };
}

async function inProcess(uri, text, offsets) {
  const t = process.hrtime.bigint();
  const result = await lintText(uri, text, async () => undefined);
  const lintMs = Number(process.hrtime.bigint() - t) / 1e6;
  const args = (offset) => ({ set: result.set, model: result.model, uri, offset });
  for (const offset of offsets.slice(0, WARMUP)) {
    complete(args(offset));
    hover(args(offset));
  }
  const completion = offsets.map((offset) => time(() => complete(args(offset))));
  const hovers = offsets.map((offset) => time(() => hover(args(offset))));
  return {
    lintMs,
    completion: stats(completion.map((c) => c.ms)),
    hover: stats(hovers.map((h) => h.ms)),
    withItems: completion.filter((c) => c.result.length > 0).length,
    withHover: hovers.filter((h) => h.result !== undefined).length,
  };
}

async function overLsp(uri, text, format, offsets) {
  const server = spawn(process.execPath, [...serverFlags, path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const checked = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => checked.get(`${p.uri}@${p.version}`)?.());
  connection.onRequest('workspace/configuration', () => [{}]);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  const published = new Promise((resolve) => checked.set(`${uri}@1`, resolve));
  const opened = process.hrtime.bigint();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: format, version: 1, text } });
  await published;
  const firstCheckMs = Number(process.hrtime.bigint() - opened) / 1e6;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const roundTrip = async (method, offset) => {
    const t = process.hrtime.bigint();
    await connection.sendRequest(method, { textDocument: { uri }, position: positionAt(starts, offset) });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (const offset of offsets.slice(0, WARMUP)) await roundTrip('textDocument/completion', offset);
  const completion = [];
  for (const offset of offsets) completion.push(await roundTrip('textDocument/completion', offset));
  const hovers = [];
  for (const offset of offsets) hovers.push(await roundTrip('textDocument/hover', offset));
  // An edit the analysis must see: a new description on the first line that has room for one.
  const afterEdit = [];
  for (let version = 2; version < 2 + EDITS; version++) {
    const edited = format === 'json' ? text.replace('{', `{"x-note": "edit ${version}",`) : `# edit ${version}\n${text}`;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
    const t = process.hrtime.bigint();
    await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
    afterEdit.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  server.kill();
  return { firstCheckMs, completion: stats(completion), hover: stats(hovers), afterEdit: stats(afterEdit) };
}

const work = path.join(root, 'bench', '.work');
mkdirSync(work, { recursive: true });
const rows = [];
const figures = [];
for (const input of inputs()) {
  const text = execFileSync(process.execPath, [input.generator, '--paths', '1000', '--format', input.format], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const file = path.join(work, `completion-${path.basename(input.generator, '.mjs')}.${input.format}`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const offsets = randomOffsets(text.length, POSITIONS, 20261124);
  const local = await inProcess(uri, text, offsets);
  const lsp = await overLsp(uri, text, input.format, offsets);
  const row = `| ${input.name} | ${(text.length / 1e6).toFixed(1)} MB | ${cell(local.completion)} | ${cell(local.hover)} | ${cell(lsp.completion)} | ${cell(lsp.hover)} | ${local.withItems} / ${local.withHover} | ${ms(local.lintMs)} | ${ms(lsp.afterEdit.p50)} / ${ms(lsp.afterEdit.max)} |`;
  rows.push(row);
  figures.push({ name: input.name, completion: lsp.completion, hover: lsp.hover, afterEdit: lsp.afterEdit, inProcess: { completion: local.completion, hover: local.hover } });
  console.error(row);
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`node ${process.version}, ${os.cpus().length} cores (${cpu}), ${os.platform()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}; ${POSITIONS} positions, after ${WARMUP} warm-up calls\n`);
console.log('| input | size | completion in process p50 / p95 / max (ms) | hover in process | completion over LSP | hover over LSP | positions with items / with a hover | analysis (lint, for scale) | first completion after an edit p50 / max |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
const jsonAt = process.argv.indexOf('--json');
if (jsonAt >= 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ positions: POSITIONS, figures }, null, 2));
