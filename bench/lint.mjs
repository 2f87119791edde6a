// Whole-process time and peak memory of `apigw lint`, beside @apidevtools/swagger-parser's
// validate on the same files (installed by this script into the git-ignored bench/.peers/,
// not a dependency), and how the time grows with the number of paths.
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'bench', '.work');
const peers = path.join(root, 'bench', '.peers');
const shared = path.resolve(root, '..', 'shared');
const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 5;
const jsonOut = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
const withPeers = !argv.includes('--no-peers');
// The newest release that runs on Node 20 (13.x needs Node 22).
const SWAGGER_PARSER_VERSION = '12.1.0';
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

function swaggerParser() {
  const dir = path.join(peers, 'node_modules', '@apidevtools', 'swagger-parser');
  const installed = existsSync(path.join(dir, 'package.json')) ? JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version : undefined;
  if (installed !== SWAGGER_PARSER_VERSION) {
    mkdirSync(peers, { recursive: true });
    if (!existsSync(path.join(peers, 'package.json'))) writeFileSync(path.join(peers, 'package.json'), '{"name":"apigw-bench-peers","private":true}\n');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', `@apidevtools/swagger-parser@${SWAGGER_PARSER_VERSION}`], { cwd: peers, stdio: 'inherit' });
    if (r.status !== 0) return undefined;
  }
  return dir;
}

const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npx tsc -p . && npm run bundle` first');
  process.exit(1);
}
const hasTime = existsSync('/usr/bin/time');

/** Wall time and peak RSS of one process; `summary` is its last line of output. */
function once(args) {
  const command = hasTime ? '/usr/bin/time' : process.execPath;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, hasTime ? ['-f', '%M', process.execPath, ...args] : args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssMb = hasTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rssMb, summary: r.stdout.trim().split('\n').pop() };
}

const peerDir = withPeers ? swaggerParser() : undefined;
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
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ loadBefore, loadAfter, runs, swaggerParser: SWAGGER_PARSER_VERSION, results }, null, 2));
