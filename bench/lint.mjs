// Whole-process time and peak memory of `apigw lint` on generated and real specs.
//   npm run build && node bench/lint.mjs [--runs 5]
// Inputs: bench/genSpec.mjs at 100, 1000 and 5000 paths (always); the reference generator
// and the large real specs of ../shared when that folder is present. Prints a markdown table
// to paste into bench/results.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'bench', '.work');
const shared = path.resolve(root, '..', 'shared');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
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

const inputs = [];
for (const n of [100, 1000, 5000]) inputs.push([`bench/genSpec.mjs ${n} paths`, generate(path.join(root, 'bench', 'genSpec.mjs'), ['--paths', String(n)], `own-${n}.yaml`)]);
const gen = path.join(shared, 'bench', 'gen-apigw-spec.mjs');
if (existsSync(gen)) {
  for (const n of [100, 1000, 5000]) inputs.push([`gen-apigw-spec ${n} paths`, generate(gen, ['--paths', String(n)], `ref-${n}.yaml`)]);
  inputs.push(['gen-apigw-spec 1000 paths (JSON)', generate(gen, ['--paths', '1000', '--format', 'json'], 'ref-1000.json')]);
}
for (const f of ['stripe-spec3.yaml', 'github-api.github.com.json']) {
  const p = path.join(shared, 'corpus', 'large', f);
  if (existsSync(p)) inputs.push([f, p]);
}

const cli = path.join(root, 'dist', 'cli.js');
const hasTime = existsSync('/usr/bin/time');
function once(file) {
  const args = hasTime ? ['-f', '%M', process.execPath, cli, 'lint', file] : [cli, 'lint', file];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(hasTime ? '/usr/bin/time' : process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssKb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  const summary = r.stdout.trim().split('\n').pop();
  return { ms, rssMb: rssKb / 1024, summary };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [name, file] of inputs) {
  const results = Array.from({ length: runs }, () => once(file));
  const mb = statSync(file).size / 1e6;
  rows.push(`| ${name} | ${mb.toFixed(1)} MB | ${median(results.map((r) => r.ms)).toFixed(0)} ms | ${median(results.map((r) => r.rssMb)).toFixed(0)} MB | ${results[0].summary} |`);
  console.error(rows[rows.length - 1]);
}
console.log(`Node ${process.version}, ${cpus().length} cores (${cpus()[0].model}), median of ${runs} runs, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| input | size | `apigw lint` wall time | peak RSS | result |');
console.log('| --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
