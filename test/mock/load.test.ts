import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createLambdaRunner, type LambdaRunner } from '../../core/src/mock/lambda';
import { startMockServer, type MockServer } from '../../core/src/mock/server';
import { eventually, openFds, runLoad } from '../support/loadClient';
import { LAMBDA_URI, mockIntegration, restApi } from './harness';

/*
 * The CI cut of test/stress/mockLoad.mjs (issue 9, point 3): a few seconds at 50 connections on
 * a MOCK and a Lambda proxy route. Asserts no failed request and no descriptor left open; the
 * figures (req/s, latency, RSS) are printed, never asserted, as a loaded CI machine varies.
 */

const CONNECTIONS = 50;
const SECONDS = 3;
/** Descriptors the process may hold beyond its count before the load (a timer's, a lazily opened pipe). */
const FD_MARGIN = 4;

/** The descriptor count once the warm-up's connections have closed: the same over three readings. */
async function steadyFds(): Promise<number | undefined> {
  let readings = [openFds()];
  await eventually(() => {
    readings = [...readings.slice(-2), openFds()];
    return readings.length === 3 && readings.every((n) => n === readings[0]);
  });
  return readings.at(-1);
}

describe('mock runner under load (short)', function () {
  this.timeout(60_000);
  let dir: string;
  let runner: LambdaRunner;
  let server: MockServer;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-load-'));
    const file = path.join(dir, 'api.json');
    const ok = { responses: { '200': { description: 'ok' } } };
    writeFileSync(
      file,
      JSON.stringify(
        restApi({
          '/ping': { get: { ...ok, 'x-amazon-apigateway-integration': mockIntegration('{"pong": true, "requestId": "$context.requestId"}') } },
          '/hello': { get: { ...ok, 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI('hello') } } },
        }),
      ),
    );
    writeFileSync(path.join(dir, 'hello.js'), "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ requestId: event.requestContext.requestId }) });\n");
    writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { hello: 'hello.js#handler' } }));
    runner = await createLambdaRunner({ workspaceRoot: dir, apiFile: file, trusted: true });
    server = await startMockServer({ file, port: 0, lambda: runner });
  });
  after(async () => {
    await server.close();
    await runner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [label, route] of [
    ['MOCK', '/dev/ping'],
    ['Lambda proxy', '/dev/hello'],
  ] as const) {
    it(`${label}: ${SECONDS} s at ${CONNECTIONS} connections, no failed request, no descriptor leaked`, async () => {
      // The warm-up starts the Lambda processes (each holds pipes to this process) before the count.
      await runLoad({ url: server.url + route, connections: CONNECTIONS, durationMs: 500 });
      const before = await steadyFds();
      const result = await runLoad({ url: server.url + route, connections: CONNECTIONS, durationMs: SECONDS * 1000 });
      console.log(
        `      ${label}: ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ` +
          `RSS ${(process.memoryUsage.rss() / 1024 / 1024).toFixed(0)} MB, fds ${before ?? '-'}`,
      );
      assert.equal(result.failures, 0, `${result.failures} failed: ${result.failureSamples.join('; ')}`);
      assert.ok(result.requests > CONNECTIONS);
      if (before === undefined) return; // no /proc here
      // Both ends of every connection are this process's; they close once the FIN has gone round.
      const settled = await eventually(() => (openFds() ?? 0) <= before + FD_MARGIN, 5000);
      assert.ok(settled, `${openFds()} descriptors open after the load, ${before} before`);
    });
  }
});
