import assert from 'node:assert/strict';
import { lint } from '../support/lint';

/** `levels` anchors, each holding `width` aliases of the one before: width^levels nodes when expanded. */
function bomb(indent: string, levels: number, width: number, first: string, keyPrefix = ''): string {
  const lines = [`${indent}${keyPrefix}l0: &l0 ${first}`];
  for (let i = 1; i < levels; i++) {
    lines.push(`${indent}${keyPrefix}l${i}: &l${i}`);
    for (let w = 0; w < width; w++) lines.push(`${indent}  x-${w}: *l${i - 1}`);
  }
  return lines.join('\n');
}

const HEAD = 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\n';
const OPERATION = '{responses: {"200": {description: ok}}, x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: \'{"statusCode": 200}\'}}}';

describe('hostile documents: every rule stays linear', () => {
  for (const [where, text] of [
    ['in paths (path items of path items)', `${HEAD}paths:\n${bomb('  ', 30, 4, `{get: ${OPERATION}}`, '/')}\n`],
    ['in a root extension', `${HEAD}paths: {}\nx-laughs:\n${bomb('  ', 30, 4, '{pattern: "^a+$", type: string}')}\n`],
    ['in component schemas', `${HEAD}paths: {}\ncomponents:\n  schemas:\n${bomb('    ', 30, 4, '{type: string, pattern: "^[a-z]+$"}')}\n`],
  ]) {
    it(`checks a 4^30 alias bomb ${where} in bounded time, with one clear error (the regex rule walked every alias)`, async () => {
      const started = performance.now();
      const diagnostics = await lint(text);
      assert.ok(performance.now() - started < 2000, `${(performance.now() - started).toFixed(0)} ms`);
      const expansion = diagnostics.filter((d) => d.code === 'apigw.document.alias-expansion');
      assert.equal(expansion.length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
      assert.match(expansion[0].message, /billion laughs/);
    });
  }

  it('checks a selection pattern a million characters long at once, without an internal error (the regex walk spread it onto the call stack, then parsing it took seconds)', async () => {
    const op = `{responses: {"200": {description: ok}}, x-amazon-apigateway-integration: {type: mock, responses: {"${'x'.repeat(1_000_000)}": {statusCode: "200"}}}}`;
    const started = performance.now();
    const diagnostics = await lint(`${HEAD}paths:\n  /a:\n    get: ${op}\n`);
    assert.ok(performance.now() - started < 1500, `${(performance.now() - started).toFixed(0)} ms`);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'apigw.internal'),
      [],
    );
  });

  it('reports at most 100 duplicate keys a file, quickly, however many there are (46,000 deep in broken JSON took 25 s; found by the fuzz typing into it)', async () => {
    const depth = 1000;
    const text = `{"openapi": "3.0.1", "x-deep": ${'{"a": '.repeat(depth)}{${'"k": 1, '.repeat(20_000)}"k": 1}${'}'.repeat(depth)}}`;
    const started = performance.now();
    const diagnostics = await lint(text, { name: 'api.json' });
    assert.ok(performance.now() - started < 1500, `${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(diagnostics.filter((d) => d.code === 'apigw.document.duplicate-key').length, 100);
  });
});
