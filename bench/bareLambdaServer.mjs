// The least a Lambda proxy emulator with a process per execution environment can do, for
// mock.mjs to measure beside apigw and Prism: Node's HTTP server, a proxy event of the size
// apigw builds (a copy of one it built, with a fresh request id), a round trip over the fork
// IPC channel to one of 8 processes running the same handler, and the handler's answer written
// back. No routing, authorizer, validation, mapping, timeout or log line: its requests/s is a
// ceiling for any emulator that runs handlers the way Lambda does, in their own processes.
//   node bench/bareLambdaServer.mjs <port> <event.json> <handler.js> <export>
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [port, eventFile, handlerFile, exportName] = process.argv.slice(2);
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bareLambdaChild.mjs');
const PROCESSES = 8; // apigw's MAX_INSTANCES per function
const template = JSON.parse(readFileSync(eventFile, 'utf8'));

const idle = [];
const waiting = [];
let started = 0;
function acquire() {
  if (idle.length > 0) return Promise.resolve(idle.pop());
  if (started < PROCESSES) {
    started++;
    const child = fork(CHILD, [handlerFile, exportName], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve) => child.once('message', () => resolve(child)));
  }
  return new Promise((resolve) => waiting.push(resolve));
}
function release(child) {
  const next = waiting.shift();
  if (next) next(child);
  else idle.push(child);
}

let sequence = 0;
http
  .createServer(async (req, res) => {
    const event = { ...template, requestContext: { ...template.requestContext, requestId: `bare-${++sequence}` } };
    const child = await acquire();
    const reply = await new Promise((resolve) => {
      child.once('message', resolve);
      child.send(event);
    });
    release(child);
    const result = JSON.parse(reply);
    res.writeHead(result.statusCode, result.headers);
    res.end(result.body);
  })
  .listen(Number(port), '127.0.0.1');
