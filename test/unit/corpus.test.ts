import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintText, looksLikeOpenApi } from '../../core/src/lint';
import { makeReader } from '../../core/src/cli/files';
import { SHARED, sharedAvailable } from '../support/shared';
import expected from '../fixtures/corpus-expected-errors.json';

/**
 * Errors that API Gateway itself would report on these public definitions, with the reason.
 * Anything else the linter calls an error on them is a false error and fails the test.
 * A pointer of '*' allows the code anywhere in that file.
 */
const EXPECTED = expected as Record<string, Array<{ code: string; pointer: string; reason: string }>>;

function definitions(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...definitions(full));
    else if (looksLikeOpenApi(readFileSync(full, 'utf8'))) out.push(full);
  }
  return out;
}

describe('corpus of real API Gateway definitions (shared/corpus/real)', function () {
  it('raises no false errors', async function () {
    const dir = sharedAvailable(this, 'corpus', 'real');
    if (!dir) return;
    const files = definitions(dir);
    assert.ok(files.length > 50, `found ${files.length} definitions`);
    const read = makeReader(false);
    const unexpected: string[] = [];
    const seen = new Set<string>();
    let warnings = 0;
    for (const file of files) {
      const rel = path.relative(path.join(SHARED, 'corpus'), file).split(path.sep).join('/');
      const result = await lintText(pathToFileURL(file).toString(), readFileSync(file, 'utf8'), read);
      warnings += result.diagnostics.filter((d) => d.severity === 'warning').length;
      const allowed = EXPECTED[rel] ?? [];
      for (const d of result.diagnostics.filter((x) => x.severity === 'error')) {
        const key = `${rel} ${d.code} ${d.pointer}`;
        const match = allowed.find((a) => a.code === d.code && (a.pointer === d.pointer || a.pointer === '*'));
        if (match) seen.add(`${rel} ${match.code} ${match.pointer}`);
        else unexpected.push(`${key}: ${d.message}`);
      }
    }
    const stale = Object.entries(EXPECTED).flatMap(([rel, list]) => list.map((a) => `${rel} ${a.code} ${a.pointer}`).filter((k) => !seen.has(k)));
    console.log(`      ${files.length} definitions, ${seen.size} expected errors, ${warnings} warnings`);
    assert.deepEqual(unexpected, [], 'false errors');
    assert.deepEqual(stale, [], 'expected errors that are no longer reported (update test/fixtures/corpus-expected-errors.json)');
  });
});
