// Whole-process time and peak memory of `apigw lint`, beside @apidevtools/swagger-parser's
// validate on the same files, the other peers of issue 8's baseline on the 1000-path spec
// (yaml parseDocument and js-yaml load alone, Redocly lint, Spectral with spectral:oas; all
// installed by bench/peers.mjs into the git-ignored bench/.peers/, not dependencies), and how
// the time grows with the number of paths.
//   npx tsc -p . && npm run bundle && node bench/lint.mjs [--runs 5] [--no-peers] [--json out.json]
// Inputs: bench/genSpec.mjs at 100, 1000 and 5000 paths (always); the reference generator
// and the large real specs of ../shared when that folder is present. Prints markdown tables
// and writes them to bench/results-lint.md. Runs alternate between ours and the peer, and
// the load average is printed with them: the machine may be shared.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPeer, peerBin } from './peers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'bench', '.work');
const shared = path.resolve(root, '..', 'shared');
const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 5;
const jsonOut = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
const withPeers = !argv.includes('--no-peers');
// The newest releases that run on Node 20 (swagger-parser 13.x needs Node 22).
const SWAGGER_PARSER_VERSION = '12.1.0';
const REDOCLY_VERSION = '2.77.0';
const SPECTRAL_VERSION = '6.16.3';
const JS_YAML_VERSION = '4.1.0';
mkdirSync(work, { recursive: true });

function generate(script, args, name) {
  const out = path.join(work, name);
  if (!existsSync(out)) {
    const r = spawnSync(process.execPath, [script, ...args], { maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
    writeFileSync(out, r.stdout);
  }
  return out;
}

/** name, file, paths (for the scaling table), whether the peer runs on it too. */
const inputs = [{ name: 'examples/rest/api.yaml (start-up: node, loading, a small file)', file: path.join(root, 'examples', 'rest', 'api.yaml'), startup: true }];
for (const n of [100, 1000, 5000]) inputs.push({ name: `bench/genSpec.mjs ${n} paths`, file: generate(path.join(root, 'bench', 'genSpec.mjs'), ['--paths', String(n)], `own-${n}.yaml`), paths: n, series: 'genSpec.mjs' });
const gen = path.join(shared, 'bench', 'gen-apigw-spec.mjs');
if (existsSync(gen)) {
  for (const n of [100, 1000, 5000]) inputs.push({ name: `gen-apigw-spec ${n} paths`, file: generate(gen, ['--paths', String(n)], `ref-${n}.yaml`), paths: n, series: 'gen-apigw-spec.mjs', peer: n === 1000 });
  inputs.push({ name: 'gen-apigw-spec 1000 paths (JSON)', file: generate(gen, ['--paths', '1000', '--format', 'json'], 'ref-1000.json') });
}
for (const f of ['stripe-spec3.yaml', 'github-api.github.com.json']) {
  const p = path.join(shared, 'corpus', 'large', f);
  if (existsSync(p)) inputs.push({ name: f, file: p, peer: true });
}

const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npx tsc -p . && npm run bundle` first');
  process.exit(1);
}
const hasTime = existsSync('/usr/bin/time');

/** Wall time and peak RSS of one process; `summary` is its last line of output (or what `summarize` makes of it). */
function once(args, { env, summarize } = {}) {
  const command = hasTime ? '/usr/bin/time' : process.execPath;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, hasTime ? ['-f', '%M', process.execPath, ...args] : args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stderr = r.stderr.trim().split('\n');
  const rssMb = hasTime ? Number(stderr.pop()) / 1024 : NaN;
  return { ms, rssMb, summary: summarize ? summarize(r.stdout, stderr.join('\n'), r.status) : r.stdout.trim().split('\n').pop() };
}

const peerDir = withPeers ? installPeer('@apidevtools/swagger-parser', SWAGGER_PARSER_VERSION) : undefined;
const peerScript = peerDir && `require(${JSON.stringify(peerDir)}).validate(process.argv[1]).then(() => console.log('valid'), (e) => console.log('invalid: ' + String(e.message).split('\\n')[0].slice(0, 80)))`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loadBefore = loadavg();
const results = [];
for (const input of inputs) {
  const ours = [];
  const theirs = [];
  for (let i = 0; i < runs; i++) {
    ours.push(once([cli, 'lint', input.file]));
    if (peerScript && input.peer) theirs.push(once(['-e', peerScript, input.file]));
  }
  const result = {
    ...input,
    mb: statSync(input.file).size / 1e6,
    ms: median(ours.map((r) => r.ms)),
    rssMb: median(ours.map((r) => r.rssMb)),
    summary: ours[0].summary,
    peer: theirs.length ? { ms: median(theirs.map((r) => r.ms)), rssMb: median(theirs.map((r) => r.rssMb)), summary: theirs[0].summary } : undefined,
  };
  results.push(result);
  console.error(`${input.name}: ${result.ms.toFixed(0)} ms, ${result.rssMb.toFixed(0)} MB${result.peer ? `; swagger-parser ${result.peer.ms.toFixed(0)} ms, ${result.peer.rssMb.toFixed(0)} MB` : ''} (load ${loadavg()[0].toFixed(2)})`);
}

// The rest of the issue's baseline, on the 1000-path spec, each alternating with ours.
const ref1000 = inputs.find((i) => i.series === 'gen-apigw-spec.mjs' && i.paths === 1000);
const others = [];
if (withPeers && ref1000) {
  const yamlDir = path.join(root, 'node_modules', 'yaml');
  const jsYaml = installPeer('js-yaml', JS_YAML_VERSION);
  const redocly = installPeer('@redocly/cli', REDOCLY_VERSION);
  const spectral = installPeer('@stoplight/spectral-cli', SPECTRAL_VERSION);
  const ruleset = path.join(work, 'spectral-oas.yaml');
  writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
  const read = (module, call) => ['-e', `require(${JSON.stringify(module)}).${call}(require('fs').readFileSync(process.argv[1], 'utf8')); console.log('read')`];
  const count = (pattern) => (stdout) => `${stdout.split('\n').filter((l) => pattern.test(l)).length} findings`;
  const candidates = [
    { name: `yaml ${JSON.parse(readFileSync(path.join(yamlDir, 'package.json'), 'utf8')).version} parseDocument (reading only)`, args: [...read(yamlDir, 'parseDocument'), ref1000.file], runs },
    jsYaml && { name: `js-yaml ${JS_YAML_VERSION} load (reading only)`, args: [...read(jsYaml, 'load'), ref1000.file], runs },
    // No telemetry or update check: this machine reaches only the npm registry, and a waiting request would be timed too.
    redocly && { name: `Redocly CLI ${REDOCLY_VERSION} lint (recommended rules)`, args: [peerBin(redocly, 'redocly'), 'lint', '--format=summary', ref1000.file], env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, summarize: (out, err) => (out + err).split('\n').filter((l) => /errors? and \d+ warnings?|valid/i.test(l)).pop() ?? '', runs: Math.min(runs, 3) },
    // Spectral takes about half a minute and a gigabyte a run: one run.
    spectral && { name: `Spectral ${SPECTRAL_VERSION} lint (spectral:oas)`, args: [peerBin(spectral, 'spectral'), 'lint', '-r', ruleset, '-f', 'text', ref1000.file], summarize: count(/\s(error|warning|information|hint)\s/), runs: 1 },
  ].filter(Boolean);
  for (const peer of candidates) {
    const ours = [];
    const theirs = [];
    for (let i = 0; i < peer.runs; i++) {
      ours.push(once([cli, 'lint', ref1000.file]));
      theirs.push(once(peer.args, peer));
    }
    const other = { name: peer.name, runs: peer.runs, ms: median(theirs.map((r) => r.ms)), rssMb: median(theirs.map((r) => r.rssMb)), summary: theirs[0].summary, oursMs: median(ours.map((r) => r.ms)), oursRssMb: median(ours.map((r) => r.rssMb)) };
    others.push(other);
    console.error(`${peer.name}: ${other.ms.toFixed(0)} ms, ${other.rssMb.toFixed(0)} MB; ours beside it ${other.oursMs.toFixed(0)} ms (load ${loadavg()[0].toFixed(2)})`);
  }
}
const loadAfter = loadavg();

const fmt = (l) => l.map((x) => x.toFixed(2)).join(' ');
const lines = [];
lines.push(`Node ${process.version}, ${cpus().length} cores (${cpus()[0].model}), median of ${runs} runs, ${new Date().toISOString().slice(0, 10)}; load average before ${fmt(loadBefore)}, after ${fmt(loadAfter)}\n`);
lines.push(`| input | size | \`apigw lint\` wall time | peak RSS | result | swagger-parser ${SWAGGER_PARSER_VERSION} validate | its peak RSS | its result | swagger-parser / apigw |`);
lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const peer = r.peer ? `${r.peer.ms.toFixed(0)} ms | ${r.peer.rssMb.toFixed(0)} MB | ${r.peer.summary} | ${(r.peer.ms / r.ms).toFixed(2)}x` : ' | | | ';
  lines.push(`| ${r.name} | ${r.mb.toFixed(1)} MB | ${r.ms.toFixed(0)} ms | ${r.rssMb.toFixed(0)} MB | ${r.summary} | ${peer} |`);
}
if (others.length > 0) {
  lines.push(`\nThe other peers of the issue's baseline on gen-apigw-spec 1000 paths, each run alternating with \`apigw lint\` (medians; the peer's runs in its row):\n`);
  lines.push('| peer | runs | wall time | peak RSS | its result | `apigw lint` beside it | peer / apigw |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const o of others) lines.push(`| ${o.name} | ${o.runs} | ${o.ms.toFixed(0)} ms | ${o.rssMb.toFixed(0)} MB | ${o.summary} | ${o.oursMs.toFixed(0)} ms, ${o.oursRssMb.toFixed(0)} MB | ${(o.ms / o.oursMs).toFixed(2)}x |`);
}
const startup = results.find((r) => r.startup)?.ms ?? 0;
lines.push(`\nScaling: whole-process time, and time per path once the start-up (${startup.toFixed(0)} ms: node, loading the bundle, a small file) is taken off. A constant time per path is linear growth.\n`);
lines.push('| generator | 100 paths | 1000 paths | 5000 paths | 5000 / 1000 paths, start-up taken off |');
lines.push('| --- | --- | --- | --- | --- |');
for (const series of [...new Set(results.filter((r) => r.series).map((r) => r.series))]) {
  const byPaths = new Map(results.filter((r) => r.series === series).map((r) => [r.paths, r]));
  const work = (n) => byPaths.get(n).ms - startup;
  const cell = (n) => (byPaths.has(n) ? `${byPaths.get(n).ms.toFixed(0)} ms (${((work(n) / n) * 1000).toFixed(0)} µs/path)` : '');
  const ratio = byPaths.has(1000) && byPaths.has(5000) ? `${(work(5000) / work(1000)).toFixed(1)}x time for 5x paths` : '';
  lines.push(`| ${series} | ${cell(100)} | ${cell(1000)} | ${cell(5000)} | ${ratio} |`);
}
const text = lines.join('\n');
console.log(text);
writeFileSync(path.join(root, 'bench', 'results-lint.md'), `# apigw lint beside swagger-parser\n\n\`node bench/lint.mjs\` (see bench/README.md).\n\n${text}\n`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ loadBefore, loadAfter, runs, swaggerParser: SWAGGER_PARSER_VERSION, results, others }, null, 2));
