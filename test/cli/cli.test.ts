import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const LAMBDA = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BAD = [
  'openapi: 3.0.1',
  'info: {title: Orders, version: "1"}',
  'paths:',
  '  /orders:',
  '    get:',
  "      responses: {'200': {description: ok}}",
  '      x-amazon-apigateway-integration:',
  '        type: aws_proxy',
  '        httpMethod: GET',
  `        uri: ${LAMBDA}`,
  '',
].join('\n');
const GOOD = BAD.replace('httpMethod: GET', 'httpMethod: POST');

interface JsonReport {
  version: number;
  files: Array<{ file: string; diagnostics: Array<{ severity: string; code: string; message: string; pointer: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> }>;
}

describe('apigw lint (the CLI bundle)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-cli-'));
    writeFileSync(path.join(dir, 'bad.yaml'), BAD);
    writeFileSync(path.join(dir, 'good.yaml'), GOOD);
    mkdirSync(path.join(dir, 'nested'));
    writeFileSync(path.join(dir, 'nested', 'other.yaml'), 'services: {web: {image: nginx}}\n');
    writeFileSync(path.join(dir, 'nested', 'api.json'), JSON.stringify({ openapi: '3.0.1', info: { title: 'x', version: '1' }, paths: {} }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints compiler-style lines and exits 1 on errors', () => {
    const r = run(['lint', 'bad.yaml'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^bad\.yaml:9:21 error apigw\.integration\.lambda-post API Gateway invokes Lambda with POST/m);
    assert.match(r.stdout, /1 error, 0 warnings in 1 file\n$/);
  });

  it('exits 0 on a clean file', () => {
    const r = run(['lint', 'good.yaml'], dir);
    assert.equal(r.status, 0, r.stdout);
  });

  it('prints the documented JSON shape with LSP ranges and pointers', () => {
    const r = run(['lint', '--format', 'json', 'bad.yaml', 'good.yaml'], dir);
    assert.equal(r.status, 1);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.files.map((f) => f.file),
      ['bad.yaml', 'good.yaml'],
    );
    const d = report.files[0].diagnostics.find((x) => x.code === 'apigw.integration.lambda-post');
    assert.ok(d);
    assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'pointer', 'range', 'severity']);
    assert.equal(d.pointer, '/paths/~1orders/get/x-amazon-apigateway-integration/httpMethod');
    assert.deepEqual(d.range, { start: { line: 8, character: 20 }, end: { line: 8, character: 23 } });
    assert.deepEqual(report.files[1].diagnostics, []);
  });

  it('prints SARIF 2.1.0 with rules and 1-based regions', () => {
    const r = run(['lint', '--format', 'sarif', 'bad.yaml'], dir);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }> };
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.ok(run0.tool.driver.rules.some((rule) => rule.id === 'apigw.integration.lambda-post' && rule.helpUri.startsWith('https://docs.aws.amazon.com/')));
    const result = run0.results.find((x) => x.ruleId === 'apigw.integration.lambda-post');
    assert.equal(result?.level, 'error');
    assert.deepEqual(result?.locations[0].physicalLocation.region, { startLine: 9, startColumn: 21, endLine: 9, endColumn: 24 });
    assert.equal(result?.locations[0].physicalLocation.artifactLocation.uri, 'bad.yaml');
  });

  it('searches a directory for OpenAPI files only, and expands globs', () => {
    const all = JSON.parse(run(['lint', '--format', 'json', '.'], dir).stdout) as JsonReport;
    assert.deepEqual(all.files.map((f) => f.file).sort(), ['bad.yaml', 'good.yaml', path.join('nested', 'api.json')].sort());
    const globbed = JSON.parse(run(['lint', '--format', 'json', '**/*.json'], dir).stdout) as JsonReport;
    assert.deepEqual(globbed.files.map((f) => f.file), [path.join('nested', 'api.json')]);
  });

  it('honours --api-kind', () => {
    const r = run(['lint', '--api-kind', 'http', '--format', 'json', 'good.yaml'], dir);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.ok(report.files[0].diagnostics.some((d) => d.code === 'apigw.integration.payload-format-required'));
  });

  it('exits 2 with a clear message on usage and I/O errors', () => {
    const missing = run(['lint', 'nope.yaml'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.yaml: no such file/);
    const usage = run(['lint', '--format', 'xml', 'bad.yaml'], dir);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--format must be text, json or sarif/);
    for (const command of ['lint', 'mock', 'deploy']) {
      const kind = run([command, '--api-kind', 'soap', '--stage', 'dev', 'good.yaml'], dir);
      assert.equal(kind.status, 2, command);
      assert.match(kind.stderr, /--api-kind must be auto, rest or http, not 'soap'/, command);
    }
    assert.equal(run(['frobnicate'], dir).status, 2);
    assert.equal(run(['--help'], dir).status, 0);
  });

  it('lints the bundled examples without a finding', () => {
    const r = run(['lint', 'examples/'], REPO);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /^0 errors, 0 warnings in 2 files$/m);
  });
});
