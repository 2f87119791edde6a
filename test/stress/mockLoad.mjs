// The mock runner under sustained load: `apigw mock` (dist/cli.js) serves a MOCK route and a
// Lambda proxy route; 50 keep-alive connections hit each route in turn for 60 s. Reports
// requests, failures, req/s, p50/p99, the runner's RSS and open file descriptors before and
// after, and the RSS of its Lambda processes. Issue 9, point 3: zero failures, RSS stable, no fd leak.
//   npx tsc -p . && npm run bundle && node test/stress/mockLoad.mjs [--seconds 60] [--connections 50] [--out test/stress/results.md]
// Linux only for the /proc figures (elsewhere they read "-"). Exit status 1 when a request failed,
// the runner leaked descriptors, or its access log missed a request.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { runLoad, openFds, residentBytes, childPids, eventually } = require(path.join(root, 'out', 'test', 'support', 'loadClient.js'));

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const SECONDS = Number(opt('seconds', 60));
const CONNECTIONS = Number(opt('connections', 50));
const OUT = opt('out', undefined);
const WARMUP_MS = 3000;
const SAMPLE_MS = 10_000;
/** Descriptors the runner may hold beyond its idle count once the load is over (a timer, a pipe). */
const FD_MARGIN = 4;

const work = mkdtempSync(path.join(tmpdir(), 'apigw-stress-'));
writeFileSync(
  path.join(work, 'api.yaml'),
  `openapi: 3.0.1
info: { title: Stress, version: '1' }
paths:
  /ping:
    get:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: { application/json: '{"statusCode": 200}' }
        responses:
          default:
            statusCode: '200'
            responseTemplates: { application/json: '{"pong": true, "requestId": "$context.requestId"}' }
  /hello/{name}:
    get:
      parameters: [{ name: name, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:hello/invocations
`,
);
writeFileSync(
  path.join(work, 'hello.js'),
  'exports.handler = async (event) => ({ statusCode: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ hello: event.pathParameters.name, requestId: event.requestContext.requestId }) });\n',
);
writeFileSync(path.join(work, 'apigw.config.json'), JSON.stringify({ functions: { hello: 'hello.js#handler' } }));

const mb = (bytes) => (bytes === undefined ? '-' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const sum = (values) => values.reduce((a, b) => a + (b ?? 0), 0);
/** Every Lambda process seen, to check none outlives the runner. */
const seenChildren = new Set();
const childrenRss = (pid) =>
  childPids(pid).map((child) => {
    seenChildren.add(child);
    return residentBytes(child);
  });

const runner = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'mock', '--port', '0', 'api.yaml'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
let accessLines = 0;
let stderrTail = '';
const url = await new Promise((resolve, reject) => {
  let pending = '';
  let found;
  runner.stdout.setEncoding('utf8');
  runner.stdout.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    for (const line of lines) {
      if (line.startsWith('{"requestId"')) accessLines++;
      const listening = /^listening on (\S+)/.exec(line);
      if (listening && found === undefined) resolve((found = listening[1]));
    }
  });
  runner.stderr.setEncoding('utf8');
  runner.stderr.on('data', (chunk) => (stderrTail = (stderrTail + chunk).slice(-4000)));
  runner.once('exit', (code) => reject(new Error(`apigw mock exited with ${code}: ${stderrTail}`)));
});

const routes = [
  ['MOCK', `${url}/dev/ping`],
  ['Lambda proxy', `${url}/dev/hello/ada`],
];
const rows = [];
let ok = true;
try {
  for (const [label, route] of routes) {
    process.stderr.write(`${label}: warming up ${WARMUP_MS / 1000} s, then ${SECONDS} s at ${CONNECTIONS} connections\n`);
    // The warm-up starts the Lambda processes and fills the runner's pools, so "start" is the runner at work, not cold.
    await runLoad({ url: route, connections: CONNECTIONS, durationMs: WARMUP_MS });
    await eventually(() => false, 500);
    const loggedBefore = accessLines;
    const start = { rss: residentBytes(runner.pid), fds: openFds(runner.pid), children: childrenRss(runner.pid) };
    const samples = [];
    const sampler = setInterval(() => samples.push(residentBytes(runner.pid)), SAMPLE_MS);
    const result = await runLoad({ url: route, connections: CONNECTIONS, durationMs: SECONDS * 1000 });
    clearInterval(sampler);
    // The server closes its side of the keep-alive connections once the client's FIN arrives.
    const fdsSettled = await eventually(() => (openFds(runner.pid) ?? 0) <= (start.fds ?? 0) + FD_MARGIN, 5000);
    await eventually(() => accessLines - loggedBefore >= result.requests, 5000);
    const end = { rss: residentBytes(runner.pid), fds: openFds(runner.pid), children: childrenRss(runner.pid) };
    const logged = accessLines - loggedBefore;
    const leak = start.fds !== undefined && !fdsSettled;
    if (result.failures > 0 || leak || logged !== result.requests) ok = false;
    rows.push({ label, result, start, end, samples, peakRss: Math.max(start.rss ?? 0, end.rss ?? 0, ...samples.filter((s) => s !== undefined)), logged });
    process.stderr.write(
      `${label}: ${result.requests} requests, ${result.failures} failed ${result.failureSamples.join('; ')}, ${result.requestsPerSecond.toFixed(0)} req/s, ` +
        `p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms; runner RSS ${mb(start.rss)} -> ${mb(end.rss)}, fds ${start.fds} -> ${end.fds}; ` +
        `${end.children.length} Lambda processes, ${mb(sum(end.children))}; access log ${logged} lines\n`,
    );
  }
} finally {
  runner.kill('SIGTERM');
  await new Promise((resolve) => (runner.exitCode !== null ? resolve() : runner.once('exit', resolve)));
  rmSync(work, { recursive: true, force: true });
}
// A Lambda process exits once its IPC channel to the runner closes.
await eventually(() => [...seenChildren].every((pid) => !existsSync(`/proc/${pid}`)), 5000);
const leftover = [...seenChildren].filter((pid) => existsSync(`/proc/${pid}`)).length;

const table = [
  `Mock runner under load: ${SECONDS} s per route, ${CONNECTIONS} keep-alive connections, node ${process.versions.node}, ` +
    `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0].toFixed(2)} at the end; the load generator runs on the same machine. ${new Date().toISOString()}`,
  '',
  '| route | requests | failed | req/s | p50 | p99 | max | runner RSS start → end (peak) | runner fds start → end | Lambda processes (RSS) | access-log lines |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |',
  ...rows.map(
    ({ label, result: r, start, end, peakRss, logged }) =>
      `| ${label} | ${r.requests} | ${r.failures} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms.toFixed(2)} ms | ${r.p99Ms.toFixed(2)} ms | ${r.maxMs.toFixed(0)} ms | ` +
      `${mb(start.rss)} → ${mb(end.rss)} (${mb(peakRss)}) | ${start.fds ?? '-'} → ${end.fds ?? '-'} | ${start.children.length} (${mb(sum(start.children))}) → ${end.children.length} (${mb(sum(end.children))}) | ${logged} |`,
  ),
  '',
  ...rows.map(({ label, samples }) => `${label}: runner RSS every ${SAMPLE_MS / 1000} s of the run: ${samples.map(mb).join(', ')}.`),
  '',
  `Start is measured after a ${WARMUP_MS / 1000} s warm-up at the same load (Lambda processes started), end once the client has closed its connections. ` +
    `Processes left after the runner stopped: ${leftover}.`,
  '',
].join('\n');
process.stdout.write(table);
if (OUT) writeFileSync(path.resolve(OUT), `# Mock runner under load\n\n\`node test/stress/mockLoad.mjs --seconds ${SECONDS} --connections ${CONNECTIONS}\`\n\n${table}`);
process.exit(ok && leftover === 0 ? 0 : 1);
