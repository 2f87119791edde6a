// Fuzzes the language server for a long run (issue 9, point 1): the generators of
// test/lsp/fuzz.test.ts (mutated examples and, when present, ../shared/corpus/real), one
// server process (dist/server.js) for every case. Prints cases, requests, latency per request
// kind (p50, p99, max), the server's RSS at start and end and its peak, and every failure: a
// request that threw or took longer than 2 s, an internal error the server logged or published.
//   npx tsc -p . && npm run bundle && node test/stress/lspFuzz.mjs [--cases 10000] [--seed 1] [--out file.md] [--trace file]
// Exit status 1 on any failure or when the server died.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const fc = require('fast-check');
const { LspClient } = require(path.join(root, 'out', 'test', 'support', 'lspClient.js'));
const fuzz = require(path.join(root, 'out', 'test', 'support', 'lspFuzz.js'));
const { processMemory } = require(path.join(root, 'out', 'test', 'support', 'procStatus.js'));
const { SHARED } = require(path.join(root, 'out', 'test', 'support', 'shared.js'));

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const CASES = Number(opt('cases', 1000));
const SEED = Number(opt('seed', 1));
const OUT = opt('out', undefined);
const TRACE = opt('trace', undefined);

const dir = mkdtempSync(path.join(tmpdir(), 'apigw-lsp-fuzz-'));
fuzz.writeRefTargets(dir);
const corpus = path.join(SHARED, 'corpus', 'real');
if (!existsSync(corpus)) process.stderr.write('corpus not present: fuzzing the examples only\n');
const documents = fuzz.fuzzDocuments(corpus);
const arbitrary = fuzz.fuzzCaseArbitrary(documents.length);
const client = new LspClient();
await client.initialize();
const errors = new fuzz.ServerErrorLog(client);
// Warm the server up (first check loads the schemas) before its memory is read.
await fuzz.runFuzzCase(client, dir, documents, { doc: 0, mutations: [], cursor: { line: 0.5, character: 0.5 }, typing: { edits: 0, seed: 0 } }, -1, errors, () => {});
const memoryStart = processMemory(client.pid);
const latencies = new Map(fuzz.REQUEST_KINDS.map((k) => [k, []]));
const failures = [];
/** The slowest cases by their slowest request: where the time goes. */
const slowest = [];
let requests = 0;
const started = performance.now();
let done = 0;
for (let i = 0; i < CASES; i++) {
  // One seed per case: any case can be replayed alone with --seed.
  const [c] = fc.sample(arbitrary, { seed: SEED + i, numRuns: 1 });
  // Should the server hang, the last case named here is the one.
  if (TRACE) writeFileSync(TRACE, `case ${i} (seed ${SEED + i}): ${fuzz.describeCase(documents, c)}\n`);
  let caseMax = 0;
  const found = await fuzz.runFuzzCase(client, dir, documents, c, i, errors, (kind, ms) => {
    requests++;
    latencies.get(kind).push(ms);
    caseMax = Math.max(caseMax, ms);
  });
  slowest.push({ ms: caseMax, what: `case ${i}: ${fuzz.describeCase(documents, c)}` });
  slowest.sort((a, b) => b.ms - a.ms).splice(5);
  done++;
  if (found.length > 0) failures.push(`case ${i} (seed ${SEED + i}): ${fuzz.describeCase(documents, c)}\n    ${found.join('\n    ')}`);
  if (client.exitCode !== null) {
    failures.push(`the server exited with ${client.exitCode} after case ${i}`);
    break;
  }
  // A case that timed out may have left the server in a loop: then every later case would fail too.
  if (found.length > 0) {
    const alive = await Promise.race([client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///none.yaml' } }).then(() => true), new Promise((r) => setTimeout(() => r(false), 20_000))]);
    if (!alive) {
      failures.push(`the server stopped answering after case ${i}`);
      break;
    }
  }
  if ((i + 1) % 1000 === 0) process.stderr.write(`${i + 1} cases, ${failures.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s, RSS ${processMemory(client.pid)?.rssMb.toFixed(0)} MB\n`);
}
const seconds = (performance.now() - started) / 1000;
// Still answering at the end: a final request on a plain definition.
const finalUri = 'file:///fuzz-final.yaml';
await client.open(finalUri, 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths: {}\n');
const finalSymbols = await Promise.race([client.request('textDocument/documentSymbol', { textDocument: { uri: finalUri } }), new Promise((r) => setTimeout(() => r(undefined), 5000))]);
if (!Array.isArray(finalSymbols) || finalSymbols.length === 0) failures.push('the final request did not answer');
const memoryEnd = processMemory(client.pid);
await client.shutdown();
rmSync(dir, { recursive: true, force: true });

const quantile = (sorted, q) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
const mb = (m, key) => (m ? `${m[key].toFixed(0)} MB` : '-');
const lines = [];
lines.push(`Node ${process.version}, ${cpus().length} cores (${cpus()[0].model}), ${new Date().toISOString().slice(0, 16)}Z, load average ${loadavg()[0].toFixed(2)} at the end`);
lines.push(`${done} cases (seeds ${SEED}..${SEED + done - 1}) on ${documents.length} documents, ${requests} requests answered, in ${seconds.toFixed(0)} s; one server process`);
lines.push('');
lines.push('| request | answered | p50 | p99 | max |');
lines.push('| --- | --- | --- | --- | --- |');
for (const [kind, list] of latencies) {
  const sorted = [...list].sort((a, b) => a - b);
  lines.push(`| ${kind} | ${list.length} | ${quantile(sorted, 0.5).toFixed(1)} ms | ${quantile(sorted, 0.99).toFixed(1)} ms | ${(sorted.at(-1) ?? NaN).toFixed(1)} ms |`);
}
lines.push('');
lines.push(`Server RSS: ${mb(memoryStart, 'rssMb')} after warm-up, ${mb(memoryEnd, 'rssMb')} at the end; peak (VmHWM) ${mb(memoryEnd, 'peakMb')}. Server alive at the end: ${client.exitCode === null ? 'yes' : `no (exit ${client.exitCode})`}.`);
lines.push('');
lines.push('Slowest cases (their slowest request):');
for (const s of slowest) lines.push(`- ${s.ms.toFixed(0)} ms, ${s.what.slice(0, 300)}`);
lines.push('');
lines.push(`Failures: ${failures.length}`);
for (const f of failures.slice(0, 20)) lines.push(`- ${f}`);
const report = `${lines.join('\n')}\n`;
process.stdout.write(report);
if (OUT) writeFileSync(OUT, report);
process.exitCode = failures.length > 0 || client.exitCode !== null ? 1 : 0;
