// Throughput and latency of `apigw mock` beside Stoplight Prism on the same specs, in one run.
//   npx tsc -p . && npm run bundle && node bench/mock.mjs [--rounds 3] [--seconds 10] [--warmup 2] [--cli dist/cli.js] [--json out.json]
// Two specs: a 3-path petstore-like one written here (no authorizers, as a first API often is)
// and bench/genSpec.mjs --paths 100 (an authorizer on every method). Per spec and round, apigw
// and Prism are started one after the other, each from spawn to its first 200 (the cold start),
// then each route gets a warm-up load and a measured one: 10 keep-alive connections on
// 127.0.0.1 for a fixed time, from wrk (Debian's package, as in the issue's baseline) when it
// is installed, else from autocannon. Prism runs with errors-only logging (`-v error`), as in
// the issue's baseline; apigw keeps its default output (an access-log line per request, the
// Lambda START/END/REPORT lines), read by this script as a terminal would. Figures are medians
// over the rounds. On each Lambda proxy route a third server runs too: bareLambdaServer.mjs,
// the ceiling of a process per execution environment (its header says what it leaves out).
// Prism and autocannon are installed by this script into the git-ignored bench/.peers/ (not
// dependencies). Writes bench/results-mock.md and prints it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPeer, peerBin } from './peers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const ROUNDS = Number(opt('rounds', 3));
const SECONDS = Number(opt('seconds', 10));
const WARMUP_SECONDS = Number(opt('warmup', 2));
const JSON_OUT = opt('json', undefined);
const CONNECTIONS = 10;
const PRISM_VERSION = '5.16.0';
const AUTOCANNON_VERSION = '9.0.0';

const prismDir = installPeer('@stoplight/prism-cli', PRISM_VERSION);
const autocannonDir = installPeer('autocannon', AUTOCANNON_VERSION);
if (!prismDir || !autocannonDir) throw new Error('installing Prism or autocannon into bench/.peers failed');
const prismBin = peerBin(prismDir, 'prism');
const autocannon = createRequire(path.join(autocannonDir, 'package.json'))('autocannon');
// wrk is C and one thread: at 10,000 requests/s it takes a few percent of a core, where
// autocannon takes a third of one from the two the servers share.
const wrkVersion = (() => {
  const r = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  return r.error ? undefined : /wrk (\S+)/.exec(r.stdout + r.stderr)?.[1];
})();
const WRK_REPORT = path.join(root, 'bench', 'wrkReport.lua');

// The Lambda child runner is bundled separately; without dist/lambdaChild.js run the compiled out/ tree.
// --cli runs another build (for example one of an earlier commit) against the same load.
const bundled = existsSync(path.join(root, 'dist', 'lambdaChild.js'));
const cli = path.resolve(opt('cli', bundled ? path.join(root, 'dist', 'cli.js') : path.join(root, 'out', 'core', 'src', 'cli.js')));
const apigw = (argv, cwd) => {
  const r = spawnSync(process.execPath, [cli, ...argv], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`apigw ${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
};

// One small handler serves every function; it answers what a typical proxy handler does.
const HANDLER = 'exports.handler = async (event) => ({ statusCode: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ path: event.path, requestId: event.requestContext.requestId }) });\n';
// Answers with the event it was given: how the bare forwarder gets an event of the size apigw builds.
const ECHO_HANDLER = 'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });\n';
// A TOKEN authorizer that allows every method for any token: what a developer maps locally.
const AUTHORIZER = 'exports.handler = async (event) => ({ principalId: "bench-user", policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn.split("/").slice(0, 2).join("/") + "/*" }] } });\n';

/** The 3-path petstore-like spec: a Lambda proxy list, a MOCK item, a MOCK owner; no authorizers. */
function smallSpec() {
  const lambda = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations';
  const pet = { $ref: '#/components/schemas/Pet' };
  const mock = (template) => ({
    type: 'mock',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
    responses: { default: { statusCode: '200', responseTemplates: { 'application/json': template } } },
  });
  const idParam = (name) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  const ok = (schema) => ({ 200: { description: 'OK', content: { 'application/json': { schema } } } });
  return {
    openapi: '3.0.1',
    info: { title: 'Petstore (bench)', version: '1.0.0' },
    paths: {
      '/pets': {
        get: { operationId: 'listPets', responses: ok({ type: 'array', items: pet }), 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: lambda } },
        post: { operationId: 'createPet', requestBody: { content: { 'application/json': { schema: pet } } }, responses: ok(pet), 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: lambda } },
      },
      '/pets/{petId}': { get: { operationId: 'showPetById', parameters: [idParam('petId')], responses: ok(pet), 'x-amazon-apigateway-integration': mock('{"id": "$input.params(\'petId\')", "name": "Rex", "tag": "dog"}') } },
      '/owners/{ownerId}': { get: { operationId: 'showOwner', parameters: [idParam('ownerId')], responses: ok({ type: 'object', properties: { id: { type: 'string' } } }), 'x-amazon-apigateway-integration': mock('{"id": "$input.params(\'ownerId\')"}') } },
    },
    components: { schemas: { Pet: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' }, tag: { type: 'string' } } } } },
  };
}

/** Writes both specs, their handlers and apigw.config.json; returns what each run needs. */
function prepare() {
  const small = path.join(root, 'bench', '.work', 'mock-small');
  mkdirSync(small, { recursive: true });
  writeFileSync(path.join(small, 'api.json'), JSON.stringify(smallSpec(), null, 2));
  writeFileSync(path.join(small, 'handler.js'), HANDLER);
  writeFileSync(path.join(small, 'apigw.config.json'), JSON.stringify({ functions: { pets: 'handler.js#handler' } }, null, 2));
  writeFileSync(path.join(small, 'echo.js'), ECHO_HANDLER);
  writeFileSync(path.join(small, 'apigw.echo.json'), JSON.stringify({ functions: { pets: 'echo.js#handler' } }, null, 2));

  const large = path.join(root, 'bench', '.work', 'mock-100');
  mkdirSync(large, { recursive: true });
  const gen = spawnSync(process.execPath, [path.join(root, 'bench', 'genSpec.mjs'), '--paths', '100'], { maxBuffer: 1 << 28 });
  if (gen.status !== 0) throw new Error(`genSpec failed: ${gen.stderr}`);
  writeFileSync(path.join(large, 'api.yaml'), gen.stdout);
  writeFileSync(path.join(large, 'handler.js'), HANDLER);
  writeFileSync(path.join(large, 'authorizer.js'), AUTHORIZER);
  // The generated Cognito authorizer's user pool, so that minted ID tokens carry its issuer.
  apigw(['token', 'init', 'tokens', '--issuer', 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123', '--force'], large);
  const idToken = apigw(['token', 'mint', 'tokens', '--expires', '1h'], large);
  const functions = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`fn${i}`, 'handler.js#handler']));
  functions.authorizer = 'authorizer.js#handler';
  writeFileSync(path.join(large, 'apigw.config.json'), JSON.stringify({ jwks: { CognitoAuth: 'tokens/jwks.json' }, functions }, null, 2));
  writeFileSync(path.join(large, 'echo.js'), ECHO_HANDLER);
  const echoFunctions = Object.fromEntries(Object.keys(functions).map((name) => [name, name === 'authorizer' ? functions[name] : 'echo.js#handler']));
  writeFileSync(path.join(large, 'apigw.echo.json'), JSON.stringify({ jwks: { CognitoAuth: 'tokens/jwks.json' }, functions: echoFunctions }, null, 2));

  return [
    {
      name: 'small (3 paths, no authorizer)',
      key: 'small',
      dir: small,
      file: 'api.json',
      routes: [
        { label: 'MOCK', route: '/pets/42', headers: { Accept: 'application/json' }, auth: 'none' },
        { label: 'Lambda proxy', route: '/pets', headers: { Accept: 'application/json' }, auth: 'none' },
      ],
    },
    {
      name: 'genSpec.mjs --paths 100 (authorizer on every method)',
      key: '100',
      dir: large,
      file: 'api.yaml',
      routes: [
        // Path 1 GET: MOCK behind the Cognito user pool authorizer: an ID token minted by `apigw token`.
        { label: 'MOCK', route: '/users0/abc', headers: { Authorization: idToken, Accept: 'application/json' }, auth: 'Cognito ID token (RS256 signature checked once per token and minute, exp on every request)' },
        // Path 0 GET: Lambda proxy behind the TOKEN authorizer: its local handler allows, and the decision is cached for 300 s as in API Gateway.
        { label: 'Lambda proxy', route: '/orders0', headers: { Authorization: 'allow-bench', Accept: 'application/json' }, auth: 'Lambda TOKEN authorizer (local handler, decision cached 300 s)' },
      ],
    },
  ];
}

function freePort() {
  return new Promise((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function get(url, headers) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
  });
}

/** Spawns a server and polls its first route until it answers 200: the cold start. */
async function start(command, argv, base, route, cwd) {
  const t0 = performance.now();
  const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
  let last = { status: 0, body: '' };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}: ${stderr}`);
    last = await get(base + route.route, route.headers);
    if (last.status === 200) return { child, coldStartMs: performance.now() - t0 };
    if (performance.now() - t0 > 60000) {
      child.kill('SIGKILL');
      throw new Error(`${base + route.route} never answered 200 (last: ${last.status} ${last.body.slice(0, 300)})\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** CPU time (user + system, ms) of a process and every process under it; undefined where /proc is missing. */
function treeCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    let ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean)) ms += treeCpuMs(Number(task)) ?? 0;
    return ms;
  } catch {
    return undefined;
  }
}

/** CONNECTIONS keep-alive connections sending GETs back to back for `seconds`. */
function load(url, headers, seconds) {
  return wrkVersion ? loadWrk(url, headers, seconds) : loadAutocannon(url, headers, seconds);
}

/** wrk's percentiles are exact (its histogram is in microseconds); bench/wrkReport.lua prints them as JSON. */
function loadWrk(url, headers, seconds) {
  return new Promise((resolve, reject) => {
    const argv = ['-t', '1', '-c', String(CONNECTIONS), '-d', `${seconds}s`, '-s', WRK_REPORT, ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
    const child = spawn('wrk', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`wrk ${argv.join(' ')} failed: ${out}`));
      const r = JSON.parse(line);
      // wrk counts answers by status class only: below 400, and 400 or above.
      const statuses = { '<400': r.requests - r.status4xx5xx };
      if (r.status4xx5xx > 0) statuses['>=400'] = r.status4xx5xx;
      if (r.socketErrors > 0) statuses.error = r.socketErrors;
      resolve({ count: r.requests, rps: r.requests / (r.durationUs / 1e6), p50: r.p50Us / 1000, p99: r.p99Us / 1000, statuses });
    });
  });
}

function loadAutocannon(url, headers, seconds) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    // From the start to the last response: autocannon reports its end on a whole-second tick.
    const t0 = performance.now();
    let last = t0;
    const instance = autocannon({ url, headers, connections: CONNECTIONS, duration: seconds }, (err, result) => {
      if (err) return reject(err);
      const elapsed = (last - t0) / 1000;
      latencies.sort((a, b) => a - b);
      const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
      const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([s, { count }]) => [s, count]));
      if (result.errors > 0) statuses.error = result.errors;
      resolve({ count: latencies.length, rps: latencies.length / elapsed, p50: pct(50), p99: pct(99), statuses });
    });
    // autocannon's own percentiles are whole milliseconds; each response's time is kept exactly here.
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      last = performance.now();
    });
  });
}

/**
 * The proxy event apigw builds for the spec's Lambda route (the authorizer's context included),
 * taken from a run with the echo handler; the bare forwarder sends copies of it.
 */
async function captureEvent(spec) {
  const route = spec.routes.find((r) => r.label === 'Lambda proxy');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/dev`;
  const { child } = await start(process.execPath, [cli, 'mock', spec.file, '--port', String(port), '--config', 'apigw.echo.json'], base, route, spec.dir);
  const { body } = await get(base + route.route, route.headers);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  const file = path.join(spec.dir, 'event.json');
  writeFileSync(file, body);
  return file;
}

async function measure(server, spec, command, argv, base) {
  const first = spec.routes[0];
  const { child, coldStartMs } = await start(command, argv, base, first, spec.dir);
  const rows = [];
  try {
    for (const route of spec.routes) {
      const t = performance.now();
      const firstResponse = await get(base + route.route, route.headers);
      const firstMs = performance.now() - t;
      await load(base + route.route, route.headers, WARMUP_SECONDS);
      const cpuBefore = treeCpuMs(child.pid);
      const r = await load(base + route.route, route.headers, SECONDS);
      const cpuAfter = treeCpuMs(child.pid);
      const cpuPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / r.count;
      rows.push({ server, spec: spec.key, label: route.label, route: route.route, coldStartMs, firstStatus: firstResponse.status, firstMs, cpuPerRequest, load: loadavg()[0], ...r });
      console.error(`${server} ${spec.key} ${route.label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, statuses ${JSON.stringify(r.statuses)}, load ${loadavg()[0].toFixed(2)}`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  return rows;
}

const loadBefore = loadavg();
const specs = prepare();
for (const spec of specs) spec.eventFile = await captureEvent(spec);
const BARE = path.join(root, 'bench', 'bareLambdaServer.mjs');
const all = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const spec of specs) {
    // Alternating within each round, so that a busy neighbour slows both sides alike.
    const apigwPort = await freePort();
    all.push(...(await measure('apigw', spec, process.execPath, [cli, 'mock', spec.file, '--port', String(apigwPort)], `http://127.0.0.1:${apigwPort}/dev`)));
    const prismPort = await freePort();
    all.push(...(await measure('prism', spec, process.execPath, [prismBin, 'mock', spec.file, '-h', '127.0.0.1', '-p', String(prismPort), '-v', 'error'], `http://127.0.0.1:${prismPort}`)));
    const barePort = await freePort();
    const lambdaOnly = { ...spec, routes: spec.routes.filter((r) => r.label === 'Lambda proxy') };
    all.push(...(await measure('bare', lambdaOnly, process.execPath, [BARE, String(barePort), spec.eventFile, 'handler.js', 'handler'], `http://127.0.0.1:${barePort}`)));
  }
}
const loadAfter = loadavg();

const median = (values) => {
  const v = values.filter((x) => x !== undefined).sort((a, b) => a - b);
  return v.length === 0 ? undefined : v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const rows = [];
for (const spec of specs) {
  for (const server of ['apigw', 'prism', 'bare']) {
    for (const route of spec.routes) {
      const runs = all.filter((r) => r.server === server && r.spec === spec.key && r.label === route.label);
      if (runs.length === 0) continue;
      const statuses = {};
      for (const r of runs) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
      rows.push({
        server,
        spec: spec.key,
        label: route.label,
        route: route.route,
        auth: server === 'apigw' || route.auth === 'none' ? route.auth : server === 'prism' ? 'the header is sent; Prism checks only that it is there' : 'none run; the event carries the context apigw\'s authorizer gave',
        rps: median(runs.map((r) => r.rps)),
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
        cpuPerRequest: median(runs.map((r) => r.cpuPerRequest)),
        coldStartMs: median(runs.map((r) => r.coldStartMs)),
        firstMs: median(runs.map((r) => r.firstMs)),
        requests: runs.reduce((n, r) => n + r.count, 0),
        statuses,
      });
    }
  }
}

const ms = (v) => (v === undefined ? 'n/a' : `${v.toFixed(2)} ms`);
const serverName = (s) => (s === 'apigw' ? 'apigw mock' : s === 'prism' ? `Prism ${PRISM_VERSION}` : 'bare forwarder (no emulation)');
const fmt = (l) => l.map((x) => x.toFixed(2)).join(' ');
const lines = [
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0].model.trim()}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average before ${fmt(loadBefore)}, after ${fmt(loadAfter)}`,
  `Load: ${wrkVersion ? `wrk ${wrkVersion} (one thread)` : `autocannon ${AUTOCANNON_VERSION} (wrk is not installed)`}, ${CONNECTIONS} keep-alive connections on 127.0.0.1, ${SECONDS} s per row after ${WARMUP_SECONDS} s of warm-up; medians of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}, apigw and Prism started one after the other in each round (each server killed before the next starts).`,
  `apigw ran from ${path.relative(root, cli)} with its default output (an access-log line per request, the Lambda START/END/REPORT lines), every Lambda mapped in apigw.config.json to one small local handler (bench/mock.mjs writes it); Prism ${PRISM_VERSION} ran with errors-only logging (\`-v error\`, as in the issue's baseline) and answers the same routes from the spec's schemas (it knows nothing of x-amazon-apigateway-*, runs no handler, and checks only that a security scheme's header is there).`,
  'The bare forwarder (bench/bareLambdaServer.mjs) is Node\'s HTTP server sending a copy of the proxy event apigw built for the route (captured once with an echo handler, a fresh request id each time) to one of 8 processes running the same handler over the fork IPC channel, and writing the handler\'s answer back: no routing, authorizer, validation, mapping, timeout or log line. Its requests/s is a ceiling for any emulator that runs each handler in its own process, as Lambda runs each execution environment.',
  'CPU per request counts the server process and every process under it (the Lambda handlers\' processes included).',
  '',
  '| spec | server | route | authorization | requests | req/s | p50 | p99 | CPU per request | statuses | cold start to first 200 | first request on the route |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.spec} | ${serverName(r.server)} | ${r.label} \`GET ${r.route}\` | ${r.auth} | ${r.requests} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.cpuPerRequest)} | ${Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ')} | ${Math.round(r.coldStartMs)} ms | ${ms(r.firstMs)} |`,
  ),
  '',
];
const ratios = [];
for (const spec of specs) {
  for (const route of spec.routes) {
    const ours = rows.find((r) => r.server === 'apigw' && r.spec === spec.key && r.label === route.label);
    const prism = rows.find((r) => r.server === 'prism' && r.spec === spec.key && r.label === route.label);
    const cpu = ours.cpuPerRequest && prism.cpuPerRequest ? `, CPU per request ${(prism.cpuPerRequest / ours.cpuPerRequest).toFixed(1)}x less` : '';
    const bare = rows.find((r) => r.server === 'bare' && r.spec === spec.key && r.label === route.label);
    const ceiling = bare ? ` (the bare forwarder: ${(bare.rps / prism.rps).toFixed(1)}x)` : '';
    ratios.push(`${spec.key} ${route.label}: ${(ours.rps / prism.rps).toFixed(1)}x Prism's requests/s${ceiling}${cpu}`);
  }
}
lines.push(`apigw / Prism: ${ratios.join('; ')}.`);
lines.push('Specs: small = the petstore-like spec in bench/mock.mjs; 100 = bench/genSpec.mjs --paths 100.');
const text = lines.join('\n') + '\n';
process.stdout.write(text);
writeFileSync(path.join(root, 'bench', 'results-mock.md'), `# apigw mock beside Prism\n\nWritten by \`node bench/mock.mjs\`.\n\n${text}`);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ loadBefore, loadAfter, rounds: ROUNDS, prism: PRISM_VERSION, loadGenerator: wrkVersion ? `wrk ${wrkVersion}` : `autocannon ${AUTOCANNON_VERSION}`, rows }, null, 2));
