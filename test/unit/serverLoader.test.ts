import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

/** The compiled loader beside this test in out/ (the extension forks its bundle, dist/serverLoader.js). */
const LOADER = path.join(__dirname, '..', '..', 'client', 'src', 'serverLoader.js');

/** A stand-in for server.js: prints what it was given and a word, then stays as long as asked. */
function fakeServer(word: string, stayMs: number): string {
  return `#!/usr/bin/env node\nprocess.stdout.write(JSON.stringify({ word: '${word}', argv: process.argv.slice(1), dirname: __dirname, ok: typeof require('node:path').join }));\nsetTimeout(() => {}, ${stayMs});\n`;
}

describe('serverLoader: the language server run with a V8 code cache', function () {
  // The loader writes the cache 5 s after a start without one.
  this.timeout(30_000);
  let dir: string;
  let server: string;
  let cache: string;
  const run = async () => JSON.parse((await promisify(execFile)(process.execPath, [LOADER, server, cache, '--stdio', '--clientProcessId=1'])).stdout) as { word: string; argv: string[]; dirname: string; ok: string };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-loader-'));
    server = path.join(dir, 'server.js');
    cache = path.join(dir, 'storage', 'server.v8cache');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the server as its main module with its own arguments, then writes the cache', async () => {
    writeFileSync(server, fakeServer('AAAA', 5_500));
    const first = await run();
    assert.deepEqual(first.argv, [server, '--stdio', '--clientProcessId=1']);
    assert.equal(first.dirname, dir);
    assert.equal(first.ok, 'function');
    assert.ok(existsSync(cache), 'the cache is written into a storage folder it creates');
    const source = readFileSync(server, 'utf8').replace(/^#!.*/, '');
    assert.ok(readFileSync(cache).subarray(0, 32).equals(createHash('sha256').update(source).digest()), 'the cache starts with the hash of the source');
  });

  it('never runs code cached for another server.js of the same length', async () => {
    writeFileSync(server, fakeServer('AAAA', 5_500));
    await run();
    assert.ok(existsSync(cache));
    writeFileSync(server, fakeServer('BBBB', 0));
    assert.equal((await run()).word, 'BBBB');
  });
});
