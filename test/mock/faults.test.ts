import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createLambdaRunner, type LambdaRunner } from '../../core/src/mock/lambda';
import { startMockServer, type MockServer } from '../../core/src/mock/server';
import { childPids, eventually } from '../support/loadClient';
import { LAMBDA_URI, mockIntegration, restApi, startMock } from './harness';

/*
 * Issue 9, point 4: faults in handlers, upstreams and clients. Each case checks the answer API
 * Gateway would give and that requests sent at the same time, and after, are still served.
 */

const FAULTY = `
const hoard = [];
exports.handler = async (event) => {
  const how = (event.queryStringParameters || {}).how;
  if (how === 'throw') throw new TypeError('boom');
  if (how === 'exit') process.exit(3);
  if (how === 'hang') {
    require('node:fs').appendFileSync(require('node:path').join(__dirname, 'hung.pids'), process.pid + '\\n');
    return new Promise(() => undefined);
  }
  if (how === 'uncaught') { setTimeout(() => { throw new Error('late'); }, 0); return new Promise(() => undefined); }
  // Keeps 32 MB of heap per call, so a few calls reach the 128 MB the function is given.
  if (how === 'leak') hoard.push(new Array(4_000_000).fill(hoard.length + 0.5));
  if (how === 'string') return 'not a proxy result';
  if (how === 'badStatus') return { statusCode: 'teapot', body: 'x' };
  if (how === 'objectBody') return { statusCode: 200, body: { not: 'a string' } };
  if (how === 'huge') return { statusCode: 200, body: 'x'.repeat(7 * 1024 * 1024) };
  if (how === 'slow') await new Promise((resolve) => setTimeout(resolve, Number(event.queryStringParameters.ms)));
  return { statusCode: 200, body: JSON.stringify({ held: hoard.length }) };
};
`;

/** An answer just under the 10 MB quota. */
const BIG_ANSWER_BYTES = 10 * 1024 * 1024 - 1024;

interface Reply {
  status: number;
  body: string;
  note: string;
}

async function get(url: string): Promise<Reply> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text(), note: res.headers.get('x-apigw-mock-note') ?? '' };
}

/** Writes `bytes` on a fresh connection and collects what comes back until the server closes it (or `waitMs` pass). */
function rawExchange(port: number, bytes: string | Buffer, waitMs = 3000): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false });
    }, waitMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedByServer: true });
    });
    socket.write(bytes);
  });
}

describe('mock runner faults: the runner answers as API Gateway would and keeps serving', function () {
  this.timeout(30_000);
  let dir: string;
  let server: MockServer;
  let runner: LambdaRunner;
  let upstream: http.Server;
  const access: Array<{ resourcePath: string; status: string; responseLength: string }> = [];
  /** The emulator's log, shown when a request that should have been served was not. */
  const logs: string[] = [];
  const url = (route: string) => `${server.url}/dev${route}`;
  /** Requests to healthy routes of every integration type, sent while a fault happens: all must answer 200. */
  const others = (): Array<Promise<Reply>> => [get(url('/ping')), get(url('/lambda?how=ok')), get(url('/relay/ok'))];
  const assertServed = async (replies: Array<Promise<Reply>>) => {
    for (const reply of await Promise.all(replies)) assert.equal(reply.status, 200, `${reply.body} ${reply.note}\n${logs.slice(-5).join('\n')}`);
  };
  /** Sends the faulty request beside others, then one more of each: the fault's answer. */
  const duringOthers = async (route: string): Promise<Reply> => {
    const concurrent = others();
    const fault = await get(url(route));
    await assertServed(concurrent);
    await assertServed(others());
    return fault;
  };

  before(async () => {
    upstream = http.createServer((req, res) => {
      if (req.url === '/reset-mid-response') {
        res.writeHead(200, { 'Content-Length': '1000' });
        res.write('part of it');
        setTimeout(() => req.socket.destroy(), 20);
      } else if (req.url === '/reset-before-answer') req.socket.destroy();
      else if (req.url === '/never-answers') req.resume();
      else if (req.url === '/endless') {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        const chunk = Buffer.alloc(1024 * 1024, 120);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
        };
        res.on('drain', pump);
        pump();
      } else if (req.url === '/big') res.end(Buffer.alloc(BIG_ANSWER_BYTES, 120));
      else if (req.url === '/slow-answer') setTimeout(() => res.end('upstream ok, slowly'), 200);
      else if (req.url === '/trickle') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        const timer = setInterval(() => res.write('.'), 100);
        setTimeout(() => {
          clearInterval(timer);
          res.end();
        }, 2000);
        res.on('close', () => clearInterval(timer));
      } else res.end('upstream ok');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const ok = { responses: { '200': { description: 'ok' } } };
    const lambda = (name: string, extra: object = {}) => ({ get: { ...ok, 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI(name), ...extra } } });
    const relay = (uri: string, timeoutInMillis = 500) => ({ get: { ...ok, 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri, timeoutInMillis } } });
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-faults-'));
    const file = path.join(dir, 'api.json');
    const definition = restApi({
      '/ping': { get: { ...ok, 'x-amazon-apigateway-integration': mockIntegration('{"pong": true}') } },
      '/lambda': lambda('faulty'),
      '/lambda-short': lambda('faulty', { timeoutInMillis: 300 }),
      '/leaky': lambda('leaky'),
      '/relay/{step}': { get: { ...relay(`${upstreamUrl}/{step}`).get, parameters: [{ name: 'step', in: 'path', required: true, schema: { type: 'string' } }] } },
      '/down': relay('http://127.0.0.1:1/nothing'),
      '/big': relay(`${upstreamUrl}/big`, 29_000),
    });
    writeFileSync(file, JSON.stringify(definition));
    writeFileSync(path.join(dir, 'faulty.js'), FAULTY);
    writeFileSync(
      path.join(dir, 'apigw.config.json'),
      JSON.stringify({
        functions: {
          faulty: { handler: 'faulty.js#handler', timeoutMs: 1000 },
          // Lambda's memory size bounds the heap; the timeout leaves room for the collector's last efforts.
          leaky: { handler: 'faulty.js#handler', timeoutMs: 20_000, memorySize: 128 },
        },
      }),
    );
    runner = await createLambdaRunner({ workspaceRoot: dir, apiFile: file, trusted: true });
    server = await startMockServer({
      file,
      port: 0,
      lambda: runner,
      // Short limits for slow clients, so that the test need not wait the real ones out.
      clientTimeouts: { headersMs: 400, requestMs: 800, stalledResponseMs: 500 },
      onAccessLog: (entry) => access.push(entry),
      log: (line) => logs.push(line),
    });
    await assertServed(others());
  });
  after(async () => {
    await server.close();
    await runner.close();
    upstream.closeAllConnections();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  describe('Lambda handlers', () => {
    it('a handler that throws: 502 Internal server error, the error in the note', async () => {
      const fault = await duringOthers('/lambda?how=throw');
      assert.deepEqual([fault.status, JSON.parse(fault.body)], [502, { message: 'Internal server error' }]);
      assert.match(fault.note, /TypeError: boom/);
    });

    it('a handler that exits the process or throws outside the invocation: 502, and the next call gets a fresh process', async () => {
      for (const [how, said] of [['exit', /exit status 3/], ['uncaught', /Runtime\.UncaughtException.*late/]] as const) {
        const fault = await duringOthers(`/lambda?how=${how}`);
        assert.equal(fault.status, 502);
        assert.match(fault.note, said);
      }
    });

    it('a handler that hangs: 502 past its function timeout, 504 past the integration timeout; the hung process is ended', async () => {
      const timedOut = await duringOthers('/lambda?how=hang');
      assert.equal(timedOut.status, 502);
      assert.match(timedOut.note, /Sandbox\.Timedout/);
      const gatewayTimeout = await duringOthers('/lambda-short?how=hang');
      assert.deepEqual([gatewayTimeout.status, JSON.parse(gatewayTimeout.body)], [504, { message: 'Endpoint request timed out' }]);
      const hung = readFileSync(path.join(dir, 'hung.pids'), 'utf8').trim().split('\n').map(Number);
      // The second call may time out while its process is still starting, before the handler runs.
      assert.ok(hung.length >= 1);
      assert.ok(await eventually(() => !childPids(process.pid).some((pid) => hung.includes(pid))), `still running: ${hung.join(', ')}`);
    });

    it('a handler that leaks memory dies at its memory size: 502 saying so, then a fresh process', async function () {
      const held: number[] = [];
      let fault: Reply | undefined;
      const concurrent: Array<Promise<Reply>> = [];
      for (let call = 0; call < 12 && fault === undefined; call++) {
        concurrent.push(...others());
        const reply = await get(url('/leaky?how=leak'));
        if (reply.status === 200) held.push((JSON.parse(reply.body) as { held: number }).held);
        else fault = reply;
      }
      assert.ok(fault, `never ran out of memory: ${held.join(', ')}`);
      assert.equal(fault.status, 502);
      assert.match(fault.note, /out of memory \(the function's memory size is 128 MB\)/);
      await assertServed(concurrent);
      const next = await get(url('/leaky?how=ok'));
      assert.equal(next.status, 200);
      assert.equal((JSON.parse(next.body) as { held: number }).held, 0);
    });

    it('a handler that returns garbage: 502, the note says what is wrong', async () => {
      for (const [how, said] of [['string', /not an object/], ['badStatus', /not an HTTP status code/], ['objectBody', /must be a string/], ['huge', /Function\.ResponseSizeTooLarge/]] as const) {
        const fault = await duringOthers(`/lambda?how=${how}`);
        assert.equal(fault.status, 502);
        assert.match(fault.note, said);
      }
    });

    it('a client that disconnects mid-invocation: the invocation ends, its process serves the next call', async () => {
      const before = childPids(process.pid).length;
      const logged = access.length;
      // The leaky function, with its long timeout, so that a loaded machine cannot turn the wait into a function timeout.
      await rawExchange(server.port, 'GET /dev/leaky?how=slow&ms=300 HTTP/1.1\r\nHost: x\r\n\r\n', 50);
      assert.ok(await eventually(() => access.slice(logged).some((e) => e.resourcePath === '/leaky' && e.status === '200')), 'the abandoned invocation finished');
      await assertServed([...others(), get(url('/leaky?how=ok'))]);
      assert.ok(childPids(process.pid).length <= before, `${childPids(process.pid).length} processes, ${before} before`);
    });

    it('a request slower than the request timeout is still answered: the timeout bounds receiving it, not the integration', async () => {
      const reply = await get(url('/leaky?how=slow&ms=1200'));
      assert.equal(reply.status, 200, reply.body);
    });
  });

  describe('HTTP integration endpoints', () => {
    it('an endpoint that resets the connection, before or during its answer: 502', async () => {
      for (const [step, said] of [['reset-mid-response', /closed the connection mid-response/], ['reset-before-answer', /unreachable: socket hang up/]] as const) {
        const fault = await duringOthers(`/relay/${step}`);
        assert.deepEqual([fault.status, JSON.parse(fault.body)], [502, { message: 'Internal server error' }]);
        assert.match(fault.note, said);
      }
    });

    it('an endpoint that accepts and never answers: 504 after timeoutInMillis', async () => {
      const started = Date.now();
      const fault = await duringOthers('/relay/never-answers');
      assert.deepEqual([fault.status, JSON.parse(fault.body)], [504, { message: 'Endpoint request timed out' }]);
      assert.ok(Date.now() - started >= 450);
    });

    it('a slow endpoint: answered when within timeoutInMillis, 504 when its answer trickles past it', async () => {
      const slow = await duringOthers('/relay/slow-answer');
      assert.deepEqual([slow.status, slow.body], [200, 'upstream ok, slowly']);
      const trickle = await duringOthers('/relay/trickle');
      assert.deepEqual([trickle.status, JSON.parse(trickle.body)], [504, { message: 'Endpoint request timed out' }]);
    });

    it('an endpoint that is down: 502', async () => {
      const fault = await duringOthers('/down');
      assert.equal(fault.status, 502);
      assert.match(fault.note, /unreachable: connect ECONNREFUSED/);
    });

    it('an endpoint that answers more than 10 MB: 502, without holding the rest', async () => {
      const fault = await duringOthers('/relay/endless');
      assert.equal(fault.status, 502);
      assert.match(fault.note, /answered more than 10485760 bytes/);
    });
  });

  describe('clients', () => {
    it('malformed HTTP: 400 and the connection closed', async () => {
      for (const bytes of ['\x00\x01 not http at all\r\n\r\n', 'GET /dev/ping HTTP/1.1\r\nno colon here\r\n\r\n', 'POST /dev/ping HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n']) {
        const concurrent = others();
        const reply = await rawExchange(server.port, bytes);
        assert.match(reply.text, /^HTTP\/1\.1 400 Bad Request\r\n/);
        assert.ok(reply.closedByServer);
        await assertServed(concurrent);
      }
    });

    it("headers over API Gateway's 10240-byte quota: 431 with a note, and the connection closed", async () => {
      const header = (bytes: number) => `GET /dev/ping HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(bytes)}\r\n\r\n`;
      const under = await rawExchange(server.port, header(10_000), 500);
      assert.match(under.text, /^HTTP\/1\.1 200 OK\r\n/);
      const over = await rawExchange(server.port, header(10_300));
      assert.match(over.text, /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
      assert.match(over.text, /x-apigw-mock-note: API Gateway takes at most 10240 bytes of header values/);
      assert.match(over.text, /\{"message":"Request Header Fields Too Large"\}$/);
      assert.ok(over.closedByServer);
      // Past Node's own 16 KB limit the parser answers before the emulator sees the request.
      const concurrent = others();
      const huge = await rawExchange(server.port, header(20_000));
      assert.match(huge.text, /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
      assert.ok(huge.closedByServer);
      await assertServed(concurrent);
    });

    it('a body declared over 10 MB: 413 at once, without waiting for it', async () => {
      const concurrent = others();
      const reply = await rawExchange(server.port, `POST /dev/ping HTTP/1.1\r\nHost: x\r\nContent-Length: ${10 * 1024 * 1024 + 1}\r\n\r\n`);
      assert.match(reply.text, /^HTTP\/1\.1 413 /);
      assert.match(reply.text, /\{"message":"Request Too Long"\}$/);
      assert.ok(reply.closedByServer);
      await assertServed(concurrent);
    });

    it('a body over 10 MB, streamed or declared: 413 as soon as that is known, seen by a client still sending', async () => {
      const over = 10 * 1024 * 1024 + 1;
      for (const headers of [{ 'Transfer-Encoding': 'chunked' }, { 'Content-Length': String(over) }]) {
        const concurrent = others();
        const status = await new Promise<number | string>((resolve) => {
          const req = http.request(url('/ping'), { method: 'POST', headers }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', (err) => resolve(err.message));
          // A chunked body never ends: only an answer at the limit stops it.
          const chunk = Buffer.alloc(1024 * 1024, 97);
          let left = 'Content-Length' in headers ? over : Infinity;
          const pump = () => {
            while (!req.destroyed && left > 0) {
              const piece = left < chunk.length ? chunk.subarray(0, left) : chunk;
              left -= piece.length;
              if (!req.write(piece)) return;
            }
            if (left === 0) req.end();
          };
          req.on('drain', pump);
          req.on('response', () => req.destroy());
          pump();
        });
        assert.equal(status, 413, JSON.stringify(headers));
        await assertServed(concurrent);
      }
    });

    it('slow clients (headers or body trickled) are cut off at the client timeouts while others are served', async () => {
      const trickle = (head: string, then: string) => {
        const socket = net.connect(server.port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.write(head);
        const timer = setInterval(() => socket.writable && socket.write(then), 100);
        const closed = new Promise<string>((resolve) => {
          let text = '';
          socket.setEncoding('latin1');
          socket.on('data', (chunk: string) => (text += chunk));
          socket.on('close', () => {
            clearInterval(timer);
            resolve(text);
          });
        });
        return { socket, closed };
      };
      const slow = [
        ...Array.from({ length: 10 }, () => trickle('GET /dev/ping HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n')),
        ...Array.from({ length: 10 }, () => trickle('POST /dev/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n', 'a')),
      ];
      await assertServed(others());
      const outcome = await Promise.race([Promise.all(slow.map((s) => s.closed)), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5000))]);
      for (const s of slow) s.socket.destroy();
      assert.ok(outcome, 'the server still holds slow connections');
      for (const text of outcome) assert.match(text, /^HTTP\/1\.1 408 Request Timeout\r\n/);
      await assertServed(others());
    });

    it('a keep-alive connection idle past the header timeout still gets its next request answered', async () => {
      const socket = net.connect(server.port, '127.0.0.1');
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (text += chunk));
      const request = 'GET /dev/ping HTTP/1.1\r\nHost: x\r\n\r\n';
      socket.write(request);
      await new Promise((resolve) => setTimeout(resolve, 900));
      socket.write(request);
      const answered = await eventually(() => (text.match(/HTTP\/1\.1 200 OK/g) ?? []).length === 2);
      socket.destroy();
      assert.ok(answered, text);
    });

    it('a client that stops reading its answer is dropped once nothing moves; one that reads slowly is not', async () => {
      const bigAnswers = () => access.filter((e) => e.responseLength === String(BIG_ANSWER_BYTES)).length;
      const already = bigAnswers();
      const fetchBig = (reader: 'stalled' | 'slow') => {
        const socket = net.connect(server.port, '127.0.0.1');
        const state = { received: 0, closed: false };
        socket.on('error', () => undefined);
        socket.on('data', (chunk: Buffer) => {
          state.received += chunk.length;
          if (reader === 'slow') {
            // About 200 KB/s: every pause is shorter than the stall limit.
            socket.pause();
            setTimeout(() => socket.resume(), 300);
          }
        });
        socket.on('close', () => (state.closed = true));
        if (reader === 'stalled') socket.pause();
        socket.write('GET /dev/big HTTP/1.1\r\nHost: x\r\n\r\n');
        return { socket, state };
      };
      const stalled = fetchBig('stalled');
      const slow = fetchBig('slow');
      await assertServed(others());
      // From when the emulator has written both answers, the stall limit (500 ms) and then some.
      assert.ok(await eventually(() => bigAnswers() === already + 2, 10_000));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // A paused socket reports its end only once read: what reached it before the drop, then the close.
      stalled.socket.resume();
      const dropped = await eventually(() => stalled.state.closed, 2000);
      slow.socket.destroy();
      stalled.socket.destroy();
      assert.ok(dropped, 'the stalled client was not dropped');
      assert.ok(stalled.state.received < BIG_ANSWER_BYTES, `${stalled.state.received} bytes`);
      assert.ok(!slow.state.closed, `the slow reader was dropped after ${slow.state.received} bytes`);
    });

    it('a client that disconnects mid-upload leaves the server serving', async () => {
      await rawExchange(server.port, 'POST /dev/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly the start', 50);
      await assertServed(others());
    });
  });
});

describe('mock runner faults: header quota of an HTTP API', () => {
  it('counts the request line and the header names as well as the values', async () => {
    const h = await startMock(restApi({}), { apiKind: 'http' });
    try {
      const port = Number(new URL(h.url).port);
      // 'GET /missing HTTP/1.1\r\n' takes 23 bytes, 'Host: x\r\n' 9, 'X-Big: ' and its '\r\n' 9 besides the value.
      const request = (valueBytes: number) => `GET /missing HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(valueBytes)}\r\n\r\n`;
      const under = await rawExchange(port, request(10_240 - 41), 500);
      assert.match(under.text, /^HTTP\/1\.1 404 Not Found\r\n/);
      const over = await rawExchange(port, request(10_240 - 40));
      assert.match(over.text, /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
      assert.match(over.text, /x-apigw-mock-note: API Gateway takes at most 10240 bytes of request line and headers/);
      assert.match(over.text, /\{"message":"Request Header Fields Too Large"\}$/);
    } finally {
      await h.close();
    }
  });
});
