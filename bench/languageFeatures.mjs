// Times the navigation and code action features on large definitions, on an analysis that
// is already there (the server's cached one): go to definition (the first call builds the
// link index of the whole document set), find references, the outline, folding ranges,
// selection ranges at 100 places, and the code actions of every diagnostic. Median of 5 runs,
// each input in a fresh child process.
//
//   npx tsc -p . && node bench/languageFeatures.mjs
//
// Inputs: specs generated with ../shared/bench/gen-apigw-spec.mjs (1000 paths, YAML and JSON,
// 40 injected mistakes so there is something to fix) and the large corpus files; each is
// skipped when absent.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const out = (p) => path.join(root, 'out', 'core', 'src', p);
if (!existsSync(out('language/definition.js'))) {
  console.error('out/ is missing: run `npx tsc -p .` first');
  process.exit(1);
}
const RUNS = 5;

function inputs() {
  const list = [];
  const generator = path.join(shared, 'bench', 'gen-apigw-spec.mjs');
  if (existsSync(generator)) {
    for (const format of ['yaml', 'json']) list.push({ name: `generated --paths 1000 --errors 40 (${format})`, generator, format });
  } else console.error(`skipped the generated specs: ${generator} not present`);
  for (const name of ['stripe-spec3.yaml', 'github-api.github.com.yaml', 'github-api.github.com.json']) {
    const file = path.join(shared, 'corpus', 'large', name);
    if (existsSync(file)) list.push({ name, file });
    else console.error(`skipped ${name}: not present`);
  }
  return list;
}

function median(run) {
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    result = run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)], result };
}

async function measure(input) {
  const { lintText } = require(out('lint.js'));
  const { collectRefs } = require(out('document/documentSet.js'));
  const { findDefinition } = require(out('language/definition.js'));
  const { findReferences } = require(out('language/references.js'));
  const { documentSymbols } = require(out('language/documentSymbols.js'));
  const { foldingRanges } = require(out('language/foldingRanges.js'));
  const { selectionRanges } = require(out('language/selectionRanges.js'));
  const { codeActions } = require(out('language/codeActions.js'));
  const text = input.file
    ? readFileSync(input.file, 'utf8')
    : execFileSync(process.execPath, [input.generator, '--paths', '1000', '--format', input.format, '--errors', '40'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const uri = `file:///bench/api.${input.format ?? (input.file.endsWith('.json') ? 'json' : 'yaml')}`;
  const t0 = process.hrtime.bigint();
  const result = await lintText(uri, text, async () => undefined);
  const lintMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const file = result.set.entry;
  const refs = collectRefs(file.parsed.root);
  const at = (node) => file.parsed.lines.positionAt(node.offset + 1);
  // The most used target: the worst case for references.
  const counts = new Map();
  for (const r of refs) counts.set(r.value, (counts.get(r.value) ?? 0) + 1);
  const busiest = refs.find((r) => r.value === [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]);
  let t = process.hrtime.bigint();
  if (refs[0]) findDefinition(result, uri, at(refs[0]));
  const coldMs = Number(process.hrtime.bigint() - t) / 1e6;
  const row = { name: input.name, size: `${(text.length / 1e6).toFixed(1)} MB`, refs: refs.length, lintMs, coldMs };
  row.definition = median(() => (refs[0] ? findDefinition(result, uri, at(refs[refs.length >> 1])) : []));
  row.references = median(() => (busiest ? findReferences(result, uri, at(busiest), true) : []));
  row.symbols = median(() => documentSymbols(result, uri));
  row.folding = median(() => foldingRanges(file.parsed));
  const step = Math.max(1, Math.floor(file.parsed.text.length / 100));
  const positions = Array.from({ length: 100 }, (_, i) => file.parsed.lines.positionAt(i * step));
  row.selection = median(() => selectionRanges(file.parsed, positions));
  row.actions = median(() =>
    result.diagnostics.filter((d) => d.uri === uri).reduce((n, d) => n + codeActions(result, uri, d.range, [{ code: d.code, pointer: d.pointer, range: d.range }]).length, 0),
  );
  row.diagnostics = result.diagnostics.length;
  return row;
}

if (process.argv[2] === '--one') {
  const row = await measure(JSON.parse(process.argv[3]));
  const slim = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v && typeof v === 'object' ? { ms: v.ms, n: Array.isArray(v.result) ? v.result.length : v.result } : v]));
  process.stdout.write(JSON.stringify(slim));
} else {
  const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
  console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), median of ${RUNS} runs in one process per input\n`);
  console.log('| input | size | $refs | lint (for scale) | first definition (builds the index) | definition | references (busiest target) | outline | folding | selection (100 places) | code actions (all diagnostics) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const input of inputs()) {
    const r = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--one', JSON.stringify(input)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    console.log(
      `| ${r.name} | ${r.size} | ${r.refs} | ${fmt(r.lintMs)} ms | ${fmt(r.coldMs)} ms | ${fmt(r.definition.ms)} ms | ${fmt(r.references.ms)} ms (${r.references.n}) | ${fmt(r.symbols.ms)} ms | ${fmt(r.folding.ms)} ms (${r.folding.n}) | ${fmt(r.selection.ms)} ms | ${fmt(r.actions.ms)} ms (${r.diagnostics} diagnostics, ${r.actions.n} actions) |`,
    );
  }
}
