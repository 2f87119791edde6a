import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseText } from '../../core/src/document/parse';
import { nodeAtPointer } from '../../core/src/document/pointer';
import { toValue } from '../../core/src/document/value';
import { createLambdaRunner, functionRefFromUri, type LambdaOutcome, type LambdaRunner } from '../../core/src/mock/lambda';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/lambda');
const CONFIG_WS = path.join(FIXTURES, 'config-workspace');
const SAM_WS = path.join(FIXTURES, 'sam-workspace');
const GATEWAY_TIMEOUT_MS = 29_000;

let requestCount = 0;
function invoke(runner: LambdaRunner, fn: string, event: unknown = {}, timeoutMs = GATEWAY_TIMEOUT_MS): Promise<LambdaOutcome> {
  return runner.invoke(fn, event, { awsRequestId: `req-${++requestCount}` }, timeoutMs);
}

function result(outcome: LambdaOutcome): { payload: unknown; durationMs: number; initDurationMs?: number } {
  assert.equal(outcome.kind, 'result', JSON.stringify(outcome));
  return outcome as Extract<LambdaOutcome, { kind: 'result' }>;
}

function error(outcome: LambdaOutcome): Extract<LambdaOutcome, { kind: 'error' }> {
  assert.equal(outcome.kind, 'error', JSON.stringify(outcome));
  return outcome as Extract<LambdaOutcome, { kind: 'error' }>;
}

function message(outcome: LambdaOutcome, kind: 'crash' | 'unmapped' | 'refused'): string {
  assert.equal(outcome.kind, kind, JSON.stringify(outcome));
  return (outcome as { message: string }).message;
}

async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition() && waited < 2000; waited += 10) await new Promise((r) => setTimeout(r, 10));
}

function body(outcome: LambdaOutcome): Record<string, unknown> {
  const payload = result(outcome).payload as { body: string };
  return JSON.parse(payload.body) as Record<string, unknown>;
}

describe('lambda runner: local handlers in child processes', function () {
  this.timeout(20_000);
  let runner: LambdaRunner;
  const logs: string[] = [];
  before(async () => {
    process.env.APIGW_TEST_SECRET = 'must-not-reach-handlers';
    runner = await createLambdaRunner({ workspaceRoot: CONFIG_WS, apiFile: path.join(CONFIG_WS, 'api.yaml'), trusted: true, log: (line) => logs.push(line) });
  });
  after(async () => {
    delete process.env.APIGW_TEST_SECRET;
    await runner.close();
  });

  it('runs a CommonJS handler with Lambda context, then reuses the warm process', async () => {
    const cold = await invoke(runner, 'cjs', { path: '/orders/7' });
    const first = body(cold);
    assert.deepEqual([first.functionName, first.path, first.waitsForEmptyLoop, first.invocations], ['cjs', '/orders/7', true, 1]);
    assert.equal(first.invokedFunctionArn, `arn:aws:lambda:${process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1'}:123456789012:function:cjs`);
    assert.ok((first.remainingMs as number) > 2500 && (first.remainingMs as number) <= 3000, String(first.remainingMs));
    assert.ok(result(cold).initDurationMs !== undefined);
    const warm = await invoke(runner, 'cjs');
    const second = body(warm);
    assert.deepEqual([second.pid, second.invocations], [first.pid, 2]);
    assert.equal(result(warm).initDurationMs, undefined);
  });

  it('passes the awsRequestId and the function name of the ARN it was called by', async () => {
    const outcome = await runner.invoke('arn:aws:lambda:eu-west-1:210987654321:function:orders:live', {}, { awsRequestId: 'abc-123' }, GATEWAY_TIMEOUT_MS);
    const seen = body(outcome);
    assert.deepEqual([seen.requestId, seen.functionName, seen.invokedFunctionArn], ['abc-123', 'orders', 'arn:aws:lambda:eu-west-1:210987654321:function:orders:live']);
  });

  it('loads ES modules by .mjs and by "type": "module"', async () => {
    assert.deepEqual(result(await invoke(runner, 'esm', { rawPath: '/x' })).payload, { statusCode: 201, body: 'esm /x' });
    assert.deepEqual(result(await invoke(runner, 'esm-pkg')).payload, { statusCode: 200, body: 'undefined' });
  });

  it('answers a callback handler with what it called back', async () => {
    assert.deepEqual(result(await invoke(runner, 'callback')).payload, { statusCode: 200, body: 'called back' });
  });

  it('holds a callback answer until the event loop is empty, unless callbackWaitsForEmptyEventLoop is false', async () => {
    const waited = result(await invoke(runner, 'lingering', { waitForEmptyLoop: true, lingerMs: 400 }));
    assert.ok(waited.durationMs >= 400, String(waited.durationMs));
    const quick = result(await invoke(runner, 'lingering', { waitForEmptyLoop: false, lingerMs: 400 }));
    assert.ok(quick.durationMs < 300, String(quick.durationMs));
    assert.deepEqual(quick.payload, { statusCode: 200, body: 'done' });
  });

  it('answers null for a plain function that returns a value without a promise or a callback, as Lambda does', async () => {
    assert.equal(result(await invoke(runner, 'sync-return')).payload, null);
  });

  it("reports a throw in Lambda's error shape", async () => {
    const thrown = error(await invoke(runner, 'throws', { what: 'qty' }));
    assert.deepEqual([thrown.errorType, thrown.errorMessage], ['TypeError', 'bad input: qty']);
    assert.equal(thrown.stack?.[0], 'TypeError: bad input: qty');
    assert.ok(thrown.stack?.some((line) => line.includes('throws.js')));
    const plain = error(await invoke(runner, 'throws', { how: 'string' }));
    assert.deepEqual([plain.errorType, plain.errorMessage, plain.stack], ['string', 'plain string', undefined]);
    const calledBack = error(await invoke(runner, 'callback-error'));
    assert.deepEqual([calledBack.errorType, calledBack.errorMessage], ['RangeError', 'out of range']);
  });

  it('times a hanging handler out (Sandbox.Timedout), kills it and starts afresh', async () => {
    for (const event of [{ spin: true }, { spin: false }]) {
      const timedOut = error(await invoke(runner, 'hangs', event));
      assert.equal(timedOut.errorType, 'Sandbox.Timedout');
      assert.match(timedOut.errorMessage, /^RequestId: req-\d+ Error: Task timed out after 0\.30 seconds$/);
    }
    assert.equal(body(await invoke(runner, 'cjs')).invocations !== undefined, true);
  });

  it('gives timeout when the integration timeout runs out before the function timeout', async () => {
    const outcome = await invoke(runner, 'slow', { ms: 2000 }, 300);
    assert.equal(outcome.kind, 'timeout');
    assert.ok((outcome as { durationMs: number }).durationMs < 1500);
  });

  it('survives a handler that calls process.exit, and serves the next invocation', async () => {
    assert.equal(message(await invoke(runner, 'exits'), 'crash'), 'exits: Runtime exited with error: exit status 3');
    assert.equal(message(await invoke(runner, 'exits'), 'crash'), 'exits: Runtime exited with error: exit status 3');
  });

  it('survives a handler that runs out of memory, and says so', async () => {
    assert.match(message(await invoke(runner, 'oom'), 'crash'), /out of memory \(the function's memory size is 128 MB\)/);
  });

  it('turns a result JSON cannot carry into the runtime error Lambda gives', async () => {
    for (const kind of ['circular', 'bigint']) {
      const failed = error(await invoke(runner, 'garbage', { kind }));
      assert.deepEqual([failed.errorType, failed.errorMessage], ['Runtime.JSONStringifyError', 'Unable to stringify response body']);
    }
    assert.equal(result(await invoke(runner, 'garbage', { kind: 'function' })).payload, null);
  });

  it('reports an uncaught exception from a timer as the invocation error, then starts a fresh process', async () => {
    const first = error(await invoke(runner, 'unhandled'));
    assert.deepEqual([first.errorType, first.errorMessage], ['Runtime.UncaughtException', 'Error: thrown from a timer']);
    const second = await invoke(runner, 'unhandled');
    assert.ok('initDurationMs' in second && second.initDurationMs !== undefined, 'cold start after the crash');
  });

  it('counts a slow initialization as init time, outside the function timeout', async () => {
    const started = result(await invoke(runner, 'slow-start'));
    assert.ok((started.initDurationMs ?? 0) >= 290, String(started.initDurationMs));
    assert.ok(((JSON.parse((started.payload as { body: string }).body) as { initMs: number }).initMs) >= 290);
  });

  it("gives a timeout when a cold start outlasts the integration's patience", async () => {
    const fresh = await createLambdaRunner({ workspaceRoot: CONFIG_WS, apiFile: path.join(CONFIG_WS, 'api.yaml'), trusted: true });
    try {
      assert.equal((await invoke(fresh, 'slow-start', {}, 100)).kind, 'timeout');
    } finally {
      await fresh.close();
    }
  });

  it('starts handlers with Lambda variables and the mapping env, in UTC, without the emulator environment', async () => {
    const seen = result(await invoke(runner, 'env')).payload as { env: Record<string, string | null>; cwd: string; offset: number };
    assert.deepEqual(seen.env, {
      AWS_LAMBDA_FUNCTION_NAME: 'env',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_REGION: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
      AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${process.versions.node.split('.')[0]}.x`,
      LAMBDA_TASK_ROOT: CONFIG_WS,
      TZ: 'UTC',
      TABLE: 'orders-local',
      LIMIT: '5',
      NODE_OPTIONS: null,
      APIGW_TEST_SECRET: null,
    });
    assert.deepEqual([seen.cwd, seen.offset], [CONFIG_WS, 0]);
  });

  it('forwards console output with the request id, and never logs the event', async () => {
    const event = { headers: { Authorization: 'Bearer SECRET-TOKEN-123' } };
    result(await runner.invoke('console', event, { awsRequestId: 'log-req-1' }, GATEWAY_TIMEOUT_MS));
    // The output travels on its own pipe and may trail the result by a moment.
    await eventually(() => logs.some((line) => line.includes('something went wrong')));
    assert.ok(logs.some((line) => /^\[console\] \S+Z\tlog-req-1\tINFO\thello from console$/.test(line)), logs.join('\n'));
    assert.ok(logs.some((line) => /^\[console\] \S+Z\tlog-req-1\tERROR\tsomething went wrong, on purpose$/.test(line)));
    assert.ok(logs.some((line) => /^\[console\] REPORT RequestId: log-req-1\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB/.test(line)));
    assert.equal(logs.filter((line) => line.includes('SECRET-TOKEN')).length, 0);
  });

  it('runs two invocations of one function at once, in two processes', async () => {
    const started = Date.now();
    const [a, b] = await Promise.all([invoke(runner, 'slow', { ms: 400 }), invoke(runner, 'slow', { ms: 400 })]);
    const elapsed = Date.now() - started;
    const pids = [a, b].map((o) => (result(o).payload as { pid: number }).pid);
    assert.notEqual(pids[0], pids[1]);
    assert.ok(elapsed < 1500, `both in ${elapsed} ms`);
  });

  it('queues invocations past eight busy processes of one function instead of forking more', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => invoke(runner, 'slow', { ms: 300 })));
    const pids = new Set(outcomes.map((o) => (result(o).payload as { pid: number }).pid));
    assert.ok(pids.size <= 8, `${pids.size} processes`);
  });

  it('says why a handler cannot load: missing export, missing file, syntax error', async () => {
    assert.match(message(await invoke(runner, 'missing-export'), 'crash'), /Runtime\.HandlerNotFound: handlers\/cjs\.js#nope is undefined or not exported/);
    assert.match(message(await invoke(runner, 'missing-file'), 'crash'), /handler "handlers\/nowhere\.js#handler" not found/);
    assert.match(message(await invoke(runner, 'syntax'), 'crash'), /Runtime\.UserCodeSyntaxError: SyntaxError/);
  });

  it('refuses a handler outside the workspace and says how to map an unknown function', async () => {
    assert.match(message(await invoke(runner, 'outside'), 'refused'), /outside the workspace/);
    assert.match(message(await invoke(runner, 'billing'), 'unmapped'), /No local handler for Lambda function "billing".*apigw\.config\.json/);
  });
});

describe('lambda runner: trust, reload, close', function () {
  this.timeout(20_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-lambda-ws-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs nothing in an untrusted workspace', async () => {
    writeFileSync(path.join(dir, 'marker.js'), `exports.handler = async () => require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'ran'))}, 'x');`);
    writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { m: 'marker.js#handler' } }));
    const untrusted = await createLambdaRunner({ workspaceRoot: dir, apiFile: path.join(dir, 'api.yaml'), trusted: false });
    assert.match(message(await invoke(untrusted, 'm'), 'refused'), /run only when the workspace is trusted/);
    await untrusted.close();
    assert.equal(existsSync(path.join(dir, 'ran')), false);
  });

  it('refuses a handler file that is a symbolic link out of the workspace', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'apigw-lambda-outside-'));
    try {
      writeFileSync(path.join(outside, 'h.js'), 'exports.handler = async () => 1;');
      symlinkSync(path.join(outside, 'h.js'), path.join(dir, 'h.js'));
      writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { f: 'h.js#handler' } }));
      const linked = await createLambdaRunner({ workspaceRoot: dir, apiFile: path.join(dir, 'api.yaml'), trusted: true });
      assert.match(message(await invoke(linked, 'f'), 'refused'), /is a link to .*h\.js, outside the workspace/);
      await linked.close();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('points a TypeScript handler at its compiled output', async () => {
    writeFileSync(path.join(dir, 'orders.ts'), 'export const handler = async (): Promise<number> => 1;\n');
    writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { direct: 'orders.ts#handler', lambdaStyle: 'orders.handler' } }));
    const ts = await createLambdaRunner({ workspaceRoot: dir, apiFile: path.join(dir, 'api.yaml'), trusted: true });
    for (const fn of ['direct', 'lambdaStyle']) {
      assert.match(message(await invoke(ts, fn), 'crash'), /is TypeScript .*orders\.ts.*compile it .*"dist\/orders\.js#handler"/);
    }
    await ts.close();
  });

  it('picks up edited handlers and mapping on reload, and lets a busy invocation finish first', async () => {
    const write = (text: string) => writeFileSync(path.join(dir, 'h.js'), `exports.handler = async (e) => { await new Promise((r) => setTimeout(r, e.ms ?? 0)); return ${JSON.stringify(text)}; };`);
    write('v1');
    writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { f: 'h.js#handler' } }));
    const live = await createLambdaRunner({ workspaceRoot: dir, apiFile: path.join(dir, 'api.yaml'), trusted: true });
    try {
      assert.equal(result(await invoke(live, 'f')).payload, 'v1');
      write('v2');
      writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { f: 'h.js#handler', g: 'h.js#handler' } }));
      assert.equal(result(await invoke(live, 'f')).payload, 'v1', 'a warm process keeps the code it loaded until reload');
      const busy = invoke(live, 'f', { ms: 300 });
      await new Promise((r) => setTimeout(r, 50));
      await live.reload();
      assert.equal(result(await busy).payload, 'v1');
      assert.equal(result(await invoke(live, 'f')).payload, 'v2');
      assert.equal(result(await invoke(live, 'g')).payload, 'v2');
    } finally {
      await live.close();
    }
  });

  it('ends invocations in progress on close, and refuses new ones', async () => {
    writeFileSync(path.join(dir, 'h.js'), 'exports.handler = () => new Promise(() => undefined);');
    writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { f: { handler: 'h.js#handler', timeoutMs: 10_000 } } }));
    const closing = await createLambdaRunner({ workspaceRoot: dir, apiFile: path.join(dir, 'api.yaml'), trusted: true });
    const pending = invoke(closing, 'f');
    await new Promise((r) => setTimeout(r, 200));
    await closing.close();
    assert.match(message(await pending, 'crash'), /Runtime exited with error: signal: SIGKILL/);
    assert.match(message(await invoke(closing, 'f'), 'crash'), /closed/);
  });
});

describe('lambda runner: SAM template functions', function () {
  this.timeout(20_000);
  let runner: LambdaRunner;
  const uriOf = (pointer: string): unknown => {
    const parsed = parseText(readFileSync(path.join(SAM_WS, 'api.yaml'), 'utf8'));
    return toValue(nodeAtPointer(parsed.root, pointer)).value;
  };
  before(async () => {
    runner = await createLambdaRunner({ workspaceRoot: SAM_WS, apiFile: path.join(SAM_WS, 'api.yaml'), trusted: true });
  });
  after(() => runner.close());

  it('runs the function a !Sub ${Fn.Arn} uri names, with Globals and its own settings', async () => {
    const ref = functionRefFromUri(uriOf('/paths/~1orders/get/x-amazon-apigateway-integration/uri'), {});
    assert.equal(ref, 'OrdersFunction');
    const seen = body(await invoke(runner, ref ?? ''));
    assert.deepEqual([seen.functionName, seen.memory, seen.stage, seen.mode, seen.table], ['orders-service', '256', 'local', 'sam', null]);
    assert.ok((seen.remainingMs as number) > 4000 && (seen.remainingMs as number) <= 5000, String(seen.remainingMs));
  });

  it('runs a nested export named by a !GetAtt uri', async () => {
    const ref = functionRefFromUri(uriOf('/paths/~1routes/get/x-amazon-apigateway-integration/uri'), {});
    assert.deepEqual(result(await invoke(runner, ref ?? '')).payload, { statusCode: 200, body: 'nested' });
  });

  it('says a Python function is not run locally and how to map it', async () => {
    const ref = functionRefFromUri(uriOf('/paths/~1reports/get/x-amazon-apigateway-integration/uri'), {});
    assert.match(message(await invoke(runner, ref ?? ''), 'unmapped'), /runtime python3\.12 of ReportsFunction is not supported locally; map this function to a Node handler in apigw\.config\.json/);
  });
});
