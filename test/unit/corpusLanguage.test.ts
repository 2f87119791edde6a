import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintText, looksLikeOpenApi, type LintResult } from '../../core/src/lint';
import { makeReader } from '../../core/src/cli/files';
import { parseText } from '../../core/src/document/parse';
import { collectRefs } from '../../core/src/document/documentSet';
import { codeActions } from '../../core/src/language/codeActions';
import { findDefinition } from '../../core/src/language/definition';
import { findReferences } from '../../core/src/language/references';
import { documentSymbols } from '../../core/src/language/documentSymbols';
import { foldingRanges } from '../../core/src/language/foldingRanges';
import { selectionRanges } from '../../core/src/language/selectionRanges';
import type { ReadFile } from '../../core/src/document/documentSet';
import { applyEdits } from '../support/applyEdits';
import { sharedAvailable } from '../support/shared';

function definitions(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...definitions(full));
    else if (looksLikeOpenApi(readFileSync(full, 'utf8'))) out.push(full);
  }
  return out;
}

const key = (d: { code: string; uri: string; pointer: string }) => `${d.code} ${d.uri} ${d.pointer}`;

interface FixTally {
  offered: number;
  applied: number;
  problems: string[];
}

/**
 * Applies every quick fix offered for `result` (each on its own, to the original text) and
 * checks the outcome: every touched file still parses as before, the diagnostic is gone,
 * and no diagnostic appears that was not there before.
 */
async function checkEveryFix(result: LintResult, read: ReadFile, tally: FixTally): Promise<void> {
  const entry = result.set.entry;
  const before = new Set(result.diagnostics.map(key));
  for (const d of result.diagnostics) {
    const actions = codeActions(result, d.uri, d.range, [{ code: d.code, pointer: d.pointer, range: d.range }]).filter((a) => a.kind === 'quickfix');
    for (const action of actions) {
      tally.offered++;
      const texts = new Map(result.set.files.map((f) => [f.uri, f.parsed.text]));
      for (const [uri, edits] of Object.entries(action.edit.changes)) {
        const original = texts.get(uri) ?? '';
        const fixed = applyEdits(original, edits);
        texts.set(uri, fixed);
        const problemsBefore = parseText(original, result.set.file(uri)?.parsed.format).problems.length;
        if (parseText(fixed, result.set.file(uri)?.parsed.format).problems.length > problemsBefore) tally.problems.push(`${action.title} (${key(d)}): breaks the syntax`);
      }
      const after = await lintText(entry.uri, texts.get(entry.uri) ?? '', async (uri) => texts.get(uri) ?? read(uri));
      const afterKeys = after.diagnostics.map(key);
      if (afterKeys.includes(key(d))) tally.problems.push(`${action.title}: ${key(d)} is still there`);
      const added = afterKeys.filter((k) => !before.has(k));
      if (added.length > 0) tally.problems.push(`${action.title} (${key(d)}) adds ${added.join(', ')}`);
      tally.applied++;
    }
  }
}

/** Every language feature on every node that has one: must not throw, and every resolvable $ref has a definition. */
function exerciseFeatures(result: LintResult): { refs: number; unresolved: number } {
  let refs = 0;
  let unresolved = 0;
  for (const file of result.set.files) {
    const lines = file.parsed.lines;
    foldingRanges(file.parsed);
    documentSymbols(result, file.uri);
    const positions = [];
    for (const ref of collectRefs(file.parsed.root)) {
      const position = lines.positionAt(ref.offset + 1);
      positions.push(position);
      refs++;
      const resolvable = 'node' in result.set.resolve(file, ref.value);
      const found = findDefinition(result, file.uri, position);
      if (resolvable) assert.equal(found.length, 1, `${file.uri} ${ref.value}`);
      else unresolved++;
      findReferences(result, file.uri, position, true);
    }
    selectionRanges(file.parsed, positions);
  }
  return { refs, unresolved };
}

describe('language features on real and generated definitions', function () {
  it('navigate and outline every corpus definition, and every quick fix there applies cleanly', async function () {
    const dir = sharedAvailable(this, 'corpus', 'real');
    if (!dir) return;
    const read = makeReader(false);
    const tally: FixTally = { offered: 0, applied: 0, problems: [] };
    let refs = 0;
    let unresolved = 0;
    const files = definitions(dir);
    for (const file of files) {
      const result = await lintText(pathToFileURL(file).toString(), readFileSync(file, 'utf8'), read);
      const counts = exerciseFeatures(result);
      refs += counts.refs;
      unresolved += counts.unresolved;
      await checkEveryFix(result, read, tally);
    }
    console.log(`      ${files.length} definitions, ${refs} $refs (${unresolved} unresolvable), ${tally.offered} quick fixes applied and re-linted`);
    assert.deepEqual(tally.problems, []);
  });

  it('fixes the mistakes injected into a generated spec, in YAML and JSON', async function () {
    const dir = sharedAvailable(this, 'bench');
    if (!dir) return;
    for (const format of ['yaml', 'json']) {
      const run = spawnSync(process.execPath, [path.join(dir, 'gen-apigw-spec.mjs'), '--paths', '60', '--format', format, '--errors', '24'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const uri = `file:///gen/api.${format}`;
      const result = await lintText(uri, run.stdout, async () => undefined);
      exerciseFeatures(result);
      const tally: FixTally = { offered: 0, applied: 0, problems: [] };
      await checkEveryFix(result, async () => undefined, tally);
      console.log(`      ${format}: ${result.diagnostics.length} diagnostics, ${tally.offered} quick fixes applied and re-linted`);
      assert.ok(tally.offered > 0);
      assert.deepEqual(tally.problems, []);
    }
  });
});
