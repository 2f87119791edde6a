import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/* Issue 9, point 2, through `apigw lint`: the same bad files as test/lsp/badFiles.test.ts. */

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const HEAD = 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\n';
const OPERATION = '    get:\n      responses: {"200": {description: ok}}\n      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: \'{"statusCode": 200}\'}}\n';

interface Finding {
  file: string;
  code: string;
  severity: string;
  message: string;
}

/** Runs `apigw lint --format json`, with its peak memory (GNU time is not everywhere: node reports its own). */
function lint(args: string[], cwd: string): { status: number | null; findings: Finding[]; stderr: string; ms: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
  const report = r.stdout ? (JSON.parse(r.stdout) as { files: Array<{ file: string; diagnostics: Finding[] }> }) : { files: [] };
  return { status: r.status, findings: report.files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, file: f.file }))), stderr: r.stderr, ms: performance.now() - started };
}

describe('apigw lint: bad files (issue 9)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-cli-bad-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a 50 MB definition: one warning saying what to do, exit 0, in about a second; a bad --max-file-size is a usage error', () => {
    const item = (i: number) => `  /items${i}:\n${OPERATION}`;
    const parts = [HEAD, 'paths:\n'];
    for (let i = 0, size = 0; size < 50 * 1024 * 1024; i++) {
      parts.push(item(i));
      size += item(i).length;
    }
    writeFileSync(path.join(dir, 'huge.yaml'), parts.join(''));
    const r = lint(['huge.yaml'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ['apigw.document.too-large'],
    );
    assert.match(r.findings[0].message, /This file is 50 MB, more than the 32 MB apigw reads .*--max-file-size/);
    assert.ok(r.ms < 5000, `${r.ms.toFixed(0)} ms`);
    assert.equal(lint(['--max-file-size', 'x', 'huge.yaml'], dir).status, 2);
  });

  // A sparse file of NULs: read in a moment, refused as binary once read, never parsed.
  it('a file over 64 MB is refused before reading, unless --max-file-size asks for more', () => {
    const file = path.join(dir, 'big.yaml');
    writeFileSync(file, '');
    truncateSync(file, 70 * 1024 * 1024);
    const refused = lint(['big.yaml'], dir);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /big\.yaml is larger than 64 MB \(--max-file-size raises the limit/);
    const read = lint(['--max-file-size', '100', 'big.yaml'], dir);
    assert.equal(read.status, 1, read.stderr);
    assert.deepEqual(
      read.findings.map((f) => f.code),
      ['apigw.document.binary'],
    );
  });

  it('a binary file named .yaml: one error, exit 1', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    writeFileSync(path.join(dir, 'blob.yaml'), bytes);
    const r = lint(['blob.yaml'], dir);
    assert.equal(r.status, 1);
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ['apigw.document.binary'],
    );
  });

  it('a $ref to a missing file, a directory or a device: an error at the $ref each, nothing read for ever', () => {
    mkdirSync(path.join(dir, 'folder.yaml'));
    const refs = ['./missing.yaml#/X', './folder.yaml#/X', '/dev/zero'];
    writeFileSync(path.join(dir, 'api.yaml'), `${HEAD}paths:\n  /a:\n${OPERATION}components:\n  schemas:\n${refs.map((ref, i) => `    S${i}: {$ref: '${ref}'}`).join('\n')}\n`);
    const r = lint(['api.yaml'], dir);
    const messages = r.findings.filter((f) => f.code === 'apigw.ref.unresolved').map((f) => f.message);
    assert.equal(messages.length, 3, JSON.stringify(r.findings));
    assert.match(messages[0], /the file missing\.yaml does not exist/);
    assert.match(messages[1], /folder\.yaml is not a regular file/);
    assert.match(messages[2], /zero is not a regular file/);
    assert.ok(r.ms < 10_000);
    const device = lint(['/dev/zero'], dir);
    assert.equal(device.status, 2);
    assert.match(device.stderr, /not a regular file/);
  });

  it('a YAML billion laughs: one clear error, exit 1, within 2 s of work', () => {
    const lines = [HEAD.trimEnd(), 'paths:', '  /a:', OPERATION.trimEnd(), 'x-laughs:', '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 30; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    writeFileSync(path.join(dir, 'laughs.yaml'), `${lines.join('\n')}\n`);
    const r = lint(['laughs.yaml'], dir);
    assert.equal(r.status, 1);
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ['apigw.document.alias-expansion'],
    );
    assert.ok(r.ms < 3000, `${r.ms.toFixed(0)} ms`);
  });
});
