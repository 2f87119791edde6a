// Throughput and latency of `apigw mock` beside Stoplight Prism on the same generated spec.
//   npm run bundle && node bench/mock.mjs [--paths 100] [--requests 20000] [--seconds 10]
// Every load goes to 127.0.0.1 and is bounded by a request count and a time limit. Prism is
// installed by this script into the git-ignored bench/.peers/ (not a dependency). Writes the
// results to bench/results-mock.md and prints them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : dflt);
const PATHS = opt('paths', 100);
const REQUESTS = opt('requests', 20000);
const SECONDS = opt('seconds', 10);
const CONNECTIONS = 10;
const PRISM_VERSION = '5.16.0';

const work = path.join(root, 'bench', '.work', `mock-${PATHS}`);
mkdirSync(work, { recursive: true });
const spec = path.join(work, 'api.yaml');
const gen = spawnSync(process.execPath, [path.join(root, 'bench', 'genSpec.mjs'), '--paths', String(PATHS)], { maxBuffer: 1 << 28 });
if (gen.status !== 0) throw new Error(`genSpec failed: ${gen.stderr}`);
writeFileSync(spec, gen.stdout);
// Every generated Lambda (fn0..fn49) runs one small local handler.
writeFileSync(path.join(work, 'handler.js'), 'exports.handler = async (event) => ({ statusCode: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ path: event.path, requestId: event.requestContext.requestId }) });\n');
writeFileSync(path.join(work, 'apigw.config.json'), JSON.stringify({ functions: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`fn${i}`, 'handler.js#handler'])) }, null, 2));

// Routes of the generated spec: path 1 GET is a MOCK integration, path 0 GET a Lambda proxy.
const MOCK_ROUTE = '/users0/abc';
const LAMBDA_ROUTE = '/orders0';
// The generated operations require an authorizer's header; the emulator only notes it, Prism checks it is there.
const HEADERS = { Authorization: 'Bearer bench', Accept: 'application/json' };

function ensurePrism() {
  const bin = path.join(root, 'bench', '.peers', 'node_modules', '.bin', 'prism');
  if (!existsSync(bin)) {
    const dir = path.join(root, 'bench', '.peers');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(path.join(dir, 'package.json'))) writeFileSync(path.join(dir, 'package.json'), '{"name":"apigw-bench-peers","private":true}\n');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', `@stoplight/prism-cli@${PRISM_VERSION}`], { cwd: dir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('installing Prism failed');
  }
  return bin;
}

function freePort() {
  return new Promise((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function get(agent, url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: HEADERS }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
  });
}

/** Spawns a server and polls `url` until it answers 200: the cold start. */
async function start(command, argv, url, cwd) {
  const t0 = performance.now();
  const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.resume();
  child.stderr.resume();
  const agent = new http.Agent({ keepAlive: false });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    if ((await get(agent, url)) === 200) return { child, coldStartMs: performance.now() - t0 };
    if (performance.now() - t0 > 60000) throw new Error(`${url} never answered 200`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** CPU time (user + system, ms) a process has used so far; undefined where /proc is missing. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** CONNECTIONS keep-alive connections sending GETs back to back, until REQUESTS or SECONDS. */
async function load(url, requests = REQUESTS, seconds = SECONDS) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies = [];
  const statuses = new Map();
  let sent = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const worker = async () => {
    while (sent < requests && performance.now() < deadline) {
      sent++;
      const s = performance.now();
      const status = await get(agent, url);
      latencies.push(performance.now() - s);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { count: latencies.length, rps: latencies.length / elapsed, p50: pct(50), p99: pct(99), statuses: Object.fromEntries(statuses) };
}

async function measure(name, command, argv, base, routes, cwd) {
  const { child, coldStartMs } = await start(command, argv, base + routes[0][1], cwd);
  const rows = [];
  try {
    for (const [label, route] of routes) {
      const first = performance.now();
      const firstStatus = await get(new http.Agent(), base + route);
      const firstMs = performance.now() - first;
      await load(base + route, 500, 5); // warm-up
      const cpuBefore = cpuMs(child.pid);
      const r = await load(base + route);
      const cpuAfter = cpuMs(child.pid);
      const cpuPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / r.count;
      rows.push({ name, label, route, coldStartMs, firstStatus, firstMs, cpuPerRequest, ...r });
      console.error(`${name} ${label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, statuses ${JSON.stringify(r.statuses)}`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  return rows;
}

// The Lambda child runner is bundled separately; without dist/lambdaChild.js run the compiled out/ tree.
const bundled = existsSync(path.join(root, 'dist', 'lambdaChild.js'));
const cli = bundled ? path.join(root, 'dist', 'cli.js') : path.join(root, 'out', 'core', 'src', 'cli.js');
const apigwPort = await freePort();
const prismPort = await freePort();
const prism = ensurePrism();

const results = [
  ...(await measure('apigw mock', process.execPath, [cli, 'mock', spec, '--port', String(apigwPort)], `http://127.0.0.1:${apigwPort}/dev`, [
    ['MOCK', MOCK_ROUTE],
    ['Lambda proxy', LAMBDA_ROUTE],
  ], root)),
  ...(await measure(`Prism ${PRISM_VERSION}`, prism, ['mock', spec, '-h', '127.0.0.1', '-p', String(prismPort)], `http://127.0.0.1:${prismPort}`, [
    ['MOCK route', MOCK_ROUTE],
    ['Lambda route', LAMBDA_ROUTE],
  ], root)),
];

const ms = (v) => `${v.toFixed(2)} ms`;
const lines = [
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0].model.trim()}), ${new Date().toISOString().slice(0, 10)}`,
  `Spec: bench/genSpec.mjs --paths ${PATHS}. Load: ${CONNECTIONS} keep-alive connections on 127.0.0.1, at most ${REQUESTS} requests or ${SECONDS} s per row after 500 warm-up requests.`,
  `apigw ran from ${bundled ? 'dist/cli.js' : 'out/core/src/cli.js (no dist/lambdaChild.js bundle yet)'}; Prism answers the same routes from the spec's schemas (it knows nothing of x-amazon-apigateway-*).`,
  '',
  '| server | route | requests | req/s | p50 | p99 | server CPU per request | statuses | cold start to first 200 | first request on the route |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.label} \`GET ${r.route}\` | ${r.count} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.cpuPerRequest === undefined ? 'n/a' : ms(r.cpuPerRequest)} | ${Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ')} | ${Math.round(r.coldStartMs)} ms | ${ms(r.firstMs)} (${r.firstStatus}) |`,
  ),
  '',
];
const ratio = (a, b) => (a.rps / b.rps).toFixed(1);
lines.push(`Throughput ratio apigw/Prism: MOCK ${ratio(results[0], results[2])}x, Lambda proxy ${ratio(results[1], results[3])}x.`);
const cpuRatio = (a, b) => (a.cpuPerRequest && b.cpuPerRequest ? `${(b.cpuPerRequest / a.cpuPerRequest).toFixed(1)}x` : 'n/a');
lines.push(`Server CPU per request, Prism/apigw: MOCK ${cpuRatio(results[0], results[2])}, Lambda proxy ${cpuRatio(results[1], results[3])} (the Lambda handler's own process is not counted).`);
lines.push(`Load average when the run ended: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (other work on the machine lowers every req/s figure alike).`);
const text = lines.join('\n') + '\n';
process.stdout.write(text);
writeFileSync(path.join(root, 'bench', 'results-mock.md'), `# apigw mock beside Prism\n\n${text}`);
