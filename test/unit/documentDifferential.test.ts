import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LineIndex } from '../../core/src/document/lineIndex';
import { parseText } from '../../core/src/document/parse';
import { toValue } from '../../core/src/document/value';
import { readYamlFast } from '../../core/src/document/yamlFastReader';
import { treeDifference } from './treeDifference';

/*
 * The fast path must read every text it takes exactly as the yaml package does. These
 * tests read real definitions both ways and compare the trees node by node, and the values
 * with what yaml.parse and JSON.parse give.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
/** Larger files only make the library side of the comparison slow; bench/parse.mjs times them. */
const MAX_BYTES = 5 * 1024 * 1024;

function sharedPath(ctx: Mocha.Context, ...parts: string[]): string | undefined {
  const full = path.join(SHARED, ...parts);
  if (existsSync(full)) return full;
  console.log('skipped: corpus not present');
  ctx.skip();
  return undefined;
}

function definitionFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) files.push(...definitionFiles(full));
    else if (/\.(ya?ml|json|tpl)$/.test(name) && stat.size < MAX_BYTES) files.push(full);
  }
  return files;
}

interface Comparison {
  /** What differs, one line per difference; empty when both readings agree. */
  differences: string[];
  /** Whether the fast path (or the JSON reader) did the reading, rather than handing over. */
  fast: boolean;
  /** Whether the yaml package rejects the text, so there is nothing to compare against. */
  rejected: boolean;
}

function compareReadings(name: string, text: string): Comparison {
  const fast = parseText(text);
  const slow = parseText(text, fast.format, { forceSlowPath: true });
  const rejected = slow.problems.some((p) => p.severity === 'error');
  const differences: string[] = [];
  const isJson = fast.format === 'json';
  const tookFastPath = isJson || readYamlFast(text, new LineIndex(text)) !== undefined;
  if (rejected) return { differences, fast: tookFastPath, rejected };
  const tree = treeDifference(fast.root, slow.root);
  if (tree !== undefined) differences.push(`${name}: trees differ at ${tree}`);
  if (!isJson) {
    try {
      assert.deepEqual(fast.problems, slow.problems);
    } catch {
      differences.push(`${name}: problems differ`);
    }
  }
  let expected: unknown;
  try {
    expected = isJson ? JSON.parse(text) : parseYaml(text, { uniqueKeys: false, logLevel: 'error' });
  } catch {
    // A template that is not plain JSON (e.g. a bare ${...}) has no JSON.parse value to compare with.
    return { differences, fast: tookFastPath, rejected };
  }
  try {
    assert.deepEqual(toValue(fast.root).value, expected);
  } catch {
    differences.push(`${name}: value differs from ${isJson ? 'JSON.parse' : 'yaml.parse'}`);
  }
  return { differences, fast: tookFastPath, rejected };
}

describe('document: fast path against the yaml package (differential)', function () {
  this.timeout(180_000);

  it('reads every corpus definition into the same tree both ways', function () {
    const dir = sharedPath(this, 'corpus');
    if (dir === undefined) return;
    const files = definitionFiles(dir);
    assert.ok(files.length > 50, `only ${files.length} corpus files`);
    const differences: string[] = [];
    const handedOver: string[] = [];
    let compared = 0;
    for (const file of files) {
      const name = path.relative(dir, file);
      const result = compareReadings(name, readFileSync(file, 'utf8'));
      differences.push(...result.differences);
      if (result.rejected) continue;
      compared++;
      // Every definition the yaml package reads without error should stay on the fast path.
      if (!result.fast) handedOver.push(name);
    }
    console.log(`      ${compared} of ${files.length} corpus files compared (the others have syntax errors)`);
    assert.deepEqual(differences, []);
    assert.deepEqual(handedOver, [], 'the fast path handed these error-free files to the yaml package');
  });

  for (const format of ['yaml', 'json']) {
    it(`reads a generated ${format} definition into the same tree both ways`, function () {
      const generator = sharedPath(this, 'bench', 'gen-apigw-spec.mjs');
      if (generator === undefined) return;
      const text = execFileSync(process.execPath, [generator, '--paths', '50', '--format', format], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const result = compareReadings(`generated ${format}`, text);
      assert.equal(result.rejected, false);
      assert.equal(result.fast, true);
      assert.deepEqual(result.differences, []);
      assert.equal(parseText(text).format, format);
    });
  }
});
