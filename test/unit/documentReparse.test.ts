import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseText, type ParsedText } from '../../core/src/document/parse';
import { reparseEdit } from '../../core/src/document/reparse';
import { randomEdit, seeded } from '../support/randomEdits';
import { treeDifference } from './treeDifference';

/*
 * Re-reading one entry after an edit must give exactly the tree a full parse gives. These
 * tests make chains of seeded random edits to real and generated definitions, and after each
 * edit that was spliced compare the spliced tree, problems and line index with a full parse.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
/** Each edit is checked against a full parse, so large files would only make this slow. */
const MAX_BYTES = 512 * 1024;
const EDITS_PER_FILE = 40;

function yamlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) files.push(...yamlFiles(full));
    else if (/\.ya?ml(\.tpl)?$/.test(name) && stat.size < MAX_BYTES) files.push(full);
  }
  return files;
}

/** Where the two readings differ, or undefined. */
function comparison(spliced: ParsedText, full: ParsedText): string | undefined {
  const tree = treeDifference(spliced.root, full.root);
  if (tree !== undefined) return `trees differ at ${tree}`;
  try {
    assert.deepEqual(spliced.problems, full.problems);
  } catch {
    return `problems differ: ${JSON.stringify(spliced.problems)} vs ${JSON.stringify(full.problems)}`;
  }
  if (spliced.aliases !== full.aliases) return 'alias flags differ';
  const text = full.text;
  for (let offset = 0; offset <= text.length; offset += Math.max(1, Math.floor(text.length / 500))) {
    const a = spliced.lines.positionAt(offset);
    const b = full.lines.positionAt(offset);
    if (a.line !== b.line || a.character !== b.character) return `line index differs at offset ${offset}`;
    if (spliced.lines.offsetAt(b) !== full.lines.offsetAt(b)) return `offsetAt differs at line ${b.line}`;
  }
  const end = full.lines.positionAt(text.length);
  if (spliced.lines.offsetAt({ line: end.line + 1, character: 0 }) !== text.length) return 'line count differs';
  return undefined;
}

/** Runs a chain of edits on `text`; returns the differences and how many edits were spliced. */
function editChain(name: string, text: string, seed: number): { differences: string[]; spliced: number; edits: number } {
  const random = seeded(seed);
  const differences: string[] = [];
  let current = parseText(text, 'yaml');
  let spliced = 0;
  for (let i = 0; i < EDITS_PER_FILE; i++) {
    const next = randomEdit(current.text, random);
    const full = parseText(next, 'yaml');
    const result = next === current.text ? undefined : reparseEdit(current, next);
    if (result) {
      spliced++;
      const difference = comparison(result.parsed, full);
      if (difference !== undefined) {
        differences.push(`${name}, edit ${i + 1}: ${difference}`);
        break;
      }
    }
    // A text the edit broke is put back, so that the chain goes on editing a definition.
    current = full.problems.some((p) => p.severity === 'error') ? parseText(current.text === next ? text : current.text, 'yaml') : (result?.parsed ?? full);
  }
  return { differences, spliced, edits: EDITS_PER_FILE };
}

describe('document: re-reading one entry after an edit against a full parse (differential)', function () {
  this.timeout(300_000);

  it('splices edits of the corpus definitions into the same trees a full parse gives', function () {
    const dir = path.join(SHARED, 'corpus');
    if (!existsSync(dir)) {
      console.log('skipped: corpus not present');
      this.skip();
    }
    const files = yamlFiles(dir);
    const differences: string[] = [];
    let spliced = 0;
    let edits = 0;
    files.forEach((file, i) => {
      const result = editChain(path.relative(dir, file), readFileSync(file, 'utf8'), 1000 + i);
      differences.push(...result.differences);
      spliced += result.spliced;
      edits += result.edits;
    });
    console.log(`      ${spliced} of ${edits} random edits in ${files.length} files spliced`);
    assert.deepEqual(differences, []);
    assert.ok(spliced > edits / 5, `only ${spliced} of ${edits} edits were spliced: the test says little`);
  });

  it('splices edits of generated definitions into the same trees a full parse gives', function () {
    const generators = [path.join(REPO_ROOT, 'bench', 'genSpec.mjs'), path.join(SHARED, 'bench', 'gen-apigw-spec.mjs')].filter((g) => existsSync(g));
    const differences: string[] = [];
    let spliced = 0;
    let edits = 0;
    for (const generator of generators) {
      const text = execFileSync(process.execPath, [generator, '--paths', '20'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      for (const seed of [1, 2, 3]) {
        const result = editChain(`${path.basename(generator)} seed ${seed}`, text, seed);
        differences.push(...result.differences);
        spliced += result.spliced;
        edits += result.edits;
      }
    }
    console.log(`      ${spliced} of ${edits} random edits spliced`);
    assert.deepEqual(differences, []);
    assert.ok(spliced > edits / 3, `only ${spliced} of ${edits} edits were spliced`);
  });

  it('leaves JSON, aliased YAML and edits outside any entry to a full parse', function () {
    const yaml = 'openapi: 3.0.1\ninfo:\n  title: t\n  version: "1"\npaths:\n  /a:\n    get:\n      summary: one\n';
    const edited = yaml.replace('one', 'two');
    const spliced = reparseEdit(parseText(yaml, 'yaml'), edited);
    assert.equal(spliced?.entry.keyNode.value, '/a');
    assert.equal(treeDifference(spliced?.parsed.root, parseText(edited, 'yaml').root), undefined);
    assert.equal(reparseEdit(parseText(yaml, 'yaml'), yaml.replace('3.0.1', '3.0.2')), undefined, 'a root value');
    const aliased = yaml + 'components:\n  schemas:\n    A: &a {type: string}\n    B: *a\n';
    assert.equal(reparseEdit(parseText(aliased, 'yaml'), aliased.replace('one', 'two')), undefined, 'aliases');
    const json = '{"openapi": "3.0.1", "paths": {"/a": {"get": {"summary": "one"}}}}';
    assert.equal(reparseEdit(parseText(json, 'json'), json.replace('one', 'two')), undefined, 'JSON');
    assert.equal(reparseEdit(parseText(yaml, 'yaml'), yaml.replace('  /a:', '  /b:')), undefined, 'a renamed entry');
  });
});
