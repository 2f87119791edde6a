// Every benchmark, then one table with the peers' figures beside ours and the issue's targets,
// written with each benchmark's own table to bench/results.md.
//   npm run bench                  (builds first)
//   node bench/all.mjs [--quick]   (after `npx tsc -p . && npm run bundle`; --quick: fewer runs)
// Peers are installed by the benchmarks into the git-ignored bench/.peers/. Extension
// activation and VSIX size come from bench/activation.mjs (code-server, as the e2e run uses);
// see bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'bench', '.work');
mkdirSync(work, { recursive: true });
const quick = process.argv.includes('--quick');

/** Runs one benchmark script; returns its printed tables and, when it writes one, its JSON. */
function bench(script, args, json) {
  console.error(`\n== node bench/${script} ${args.join(' ')} (load ${loadavg()[0].toFixed(2)})`);
  const jsonFile = json ? path.join(work, `${path.basename(script, '.mjs')}.json`) : undefined;
  const r = spawnSync(process.execPath, [path.join(root, 'bench', script), ...args, ...(jsonFile ? ['--json', jsonFile] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    console.error(`bench/${script} failed (exit ${r.status})`);
    return { text: `bench/${script} failed (exit ${r.status}).`, data: undefined };
  }
  return { text: r.stdout.trim(), data: jsonFile && existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')) : undefined };
}

const loadBefore = loadavg();
const lint = bench('lint.mjs', ['--runs', quick ? '3' : '5'], true);
const lsp = bench('lsp.mjs', ['--runs', quick ? '1' : '3', '--edits', '20'], true);
const completion = bench('completion.mjs', ['--positions', quick ? '50' : '200'], true);
const mock = bench('mock.mjs', quick ? ['--rounds', '1', '--seconds', '5'] : [], true);
const activation = bench('activation.mjs', ['--runs', quick ? '3' : '7'], true);
const loadAfter = loadavg();

// ---- the summary
const rows = [];
const ms = (n) => (n === undefined ? 'n/a' : `${n.toFixed(0)} ms`);
const ratio = (peer, ours) => (peer === undefined || ours === undefined ? '' : `${(peer / ours).toFixed(1)}x`);
const met = (ok) => (ok === undefined ? 'n/a' : ok ? 'yes' : '**no**');

const lintRow = (name) => lint.data?.results.find((r) => r.name === name);
const ref1000 = lintRow('gen-apigw-spec 1000 paths');
if (ref1000) rows.push(['`apigw lint` whole process, gen-apigw-spec 1000 paths (4.6 MB)', ms(ref1000.ms), `swagger-parser validate ${ms(ref1000.peer?.ms)}`, ratio(ref1000.peer?.ms, ref1000.ms), 'under 1 s', met(ref1000.ms < 1000)]);
for (const name of ['stripe-spec3.yaml', 'github-api.github.com.json']) {
  const r = lintRow(name);
  if (r) rows.push([`\`apigw lint\` whole process, ${name}`, ms(r.ms), `swagger-parser validate ${ms(r.peer?.ms)}`, ratio(r.peer?.ms, r.ms), 'faster than swagger-parser', met(r.peer ? r.ms < r.peer.ms : undefined)]);
}
for (const o of lint.data?.others ?? []) rows.push([`\`apigw lint\` beside ${o.name}, 1000 paths`, `${ms(o.oursMs)}, ${o.oursRssMb.toFixed(0)} MB`, `${ms(o.ms)}, ${o.rssMb.toFixed(0)} MB`, ratio(o.ms, o.oursMs), 'the issue\'s baseline', '']);
const startup = lintRow('examples/rest/api.yaml (start-up: node, loading, a small file)')?.ms;
const ref5000 = lintRow('gen-apigw-spec 5000 paths');
if (ref1000 && ref5000 && startup !== undefined) {
  const growth = (ref5000.ms - startup) / (ref1000.ms - startup);
  rows.push(['scaling, 1000 → 5000 paths (start-up taken off)', `${growth.toFixed(1)}x time for 5x paths`, '', '', 'linear (about 5x)', met(growth < 6)]);
}

const [ours, yamlLs] = lsp.data?.rows ?? [];
if (ours) {
  rows.push(['language server: didOpen → first full diagnostics, 1000 paths', ms(ours.openMs), yamlLs ? `yaml-language-server ${ms(yamlLs.openMs)}` : '', ratio(yamlLs?.openMs, ours.openMs), 'under 600 ms', met(ours.openMs < 600)]);
  rows.push(['language server: one-line edit → its diagnostics, p50 / p95', `${ms(ours.editP50)} / ${ms(ours.editP95)}`, yamlLs ? `${ms(yamlLs.editP50)} / ${ms(yamlLs.editP95)}` : '', ratio(yamlLs?.editP50, ours.editP50), 'under 100 ms', `p50 ${met(ours.editP50 < 100)}, p95 ${met(ours.editP95 < 100)}`]);
  rows.push(['language server: peak RSS', `${ours.rssMb.toFixed(0)} MB`, yamlLs ? `${yamlLs.rssMb.toFixed(0)} MB` : '', ratio(yamlLs?.rssMb, ours.rssMb), 'under 250 MB', met(ours.rssMb < 250)]);
}
const features = completion.data?.figures.find((f) => f.name.startsWith('gen-apigw-spec.mjs --paths 1000 (yaml)')) ?? completion.data?.figures[0];
if (features) {
  rows.push([`completion over LSP, p95 (${features.name})`, ms(features.completion.p95), '', '', 'under 30 ms', met(features.completion.p95 < 30)]);
  rows.push([`hover over LSP, p95 (${features.name})`, ms(features.hover.p95), '', '', 'under 30 ms', met(features.hover.p95 < 30)]);
}

const mockRow = (server, spec, label) => mock.data?.rows.find((r) => r.server === server && r.spec === spec && r.label === label);
const perSecond = (r) => `${r.rps.toFixed(0)} (${r.p50.toFixed(2)} / ${r.p99.toFixed(2)} ms)`;
for (const [spec, specName, factor] of [['small', '3-path spec', 3], ['100', '100-path spec', 10]]) {
  for (const label of ['MOCK', 'Lambda proxy']) {
    const ours = mockRow('apigw', spec, label);
    const prism = mockRow('prism', spec, label);
    if (!ours) continue;
    rows.push([
      `mock, ${label} route, ${specName}: requests/s (p50 / p99)`,
      perSecond(ours),
      prism ? `Prism ${perSecond(prism)}` : '',
      prism ? `${(ours.rps / prism.rps).toFixed(1)}x ours/Prism` : '',
      `at least ${factor}x Prism, p99 under 5 ms`,
      `${met(prism ? ours.rps >= factor * prism.rps : undefined)}, p99 ${met(ours.p99 < 5)}`,
    ]);
    const bare = mockRow('bare', spec, label);
    if (bare && prism) {
      rows.push([
        `mock, ${label} route, ${specName}: the bare forwarder (no emulation, a process per handler), for reference`,
        perSecond(bare),
        `Prism ${perSecond(prism)}`,
        `${(bare.rps / prism.rps).toFixed(1)}x bare/Prism`,
        `the ceiling of any emulator that runs handlers in their own processes; the target is ${Math.round(((factor * prism.rps) / bare.rps) * 100)}% of it`,
        '',
      ]);
    }
  }
}
for (const [spec, specName] of [['small', '3-path spec'], ['100', '100-path spec']]) {
  const ours = mockRow('apigw', spec, 'MOCK');
  const prism = mockRow('prism', spec, 'MOCK');
  if (ours) rows.push([`mock: spawn → first 200, ${specName}`, ms(ours.coldStartMs), prism ? `Prism ${ms(prism.coldStartMs)}` : '', prism ? ratio(prism.coldStartMs, ours.coldStartMs) : '', 'within 500 ms', met(ours.coldStartMs < 500)]);
}

// Extension facts, from bench/activation.mjs: VS Code's activation time of the packaged VSIX in
// code-server, the time until the language server answered, and the size of that VSIX.
const started = activation.data;
if (started) {
  rows.push([`extension activation: VS Code's figure (Show Running Extensions), median of ${started.runs - 1} starts`, ms(started.vscodeMs), '', '', 'under 150 ms', met(started.vscodeMs < 150)]);
  rows.push(['extension: activate() began → language server answered initialize', ms(started.readyMs), '', '', '', '']);
  rows.push(['VSIX size', `${(started.vsixBytes / 1e6).toFixed(2)} MB`, '', '', 'under 3 MB', met(started.vsixBytes < 3e6)]);
} else {
  rows.push(['extension activation and VSIX size', 'not measured: bench/activation.mjs failed (it needs chromium and ripgrep, as the e2e run does)', '', '', 'under 150 ms; under 3 MB', 'n/a']);
}

const fmt = (l) => l.map((x) => x.toFixed(2)).join(' ');
const header = `Node ${process.version}, ${cpus().length} cores (${cpus()[0].model}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average before ${fmt(loadBefore)}, after ${fmt(loadAfter)}${quick ? '; --quick (fewer runs)' : ''}`;
const summary = ['| measure | ours | peer | peer / ours | target | met |', '| --- | --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
console.log(`\n${header}\n\n${summary}`);
writeFileSync(
  path.join(root, 'bench', 'results.md'),
  `# Benchmarks\n\nWritten by \`npm run bench\` (bench/all.mjs); bench/README.md says how each number is made.\n\n${header}\n\n${summary}\n\n## apigw lint (bench/lint.mjs)\n\n${lint.text}\n\n## Language server (bench/lsp.mjs)\n\n${lsp.text}\n\n## Completion and hover (bench/completion.mjs)\n\n${completion.text}\n\n## Mock runner (bench/mock.mjs)\n\n${mock.text}\n\n## Extension activation (bench/activation.mjs)\n\n${activation.text}\n`,
);
