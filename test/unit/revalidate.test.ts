import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { collectRefs, DocumentSet, loadDocumentSet } from '../../core/src/document/documentSet';
import { reparseEdit } from '../../core/src/document/reparse';
import { lintText, looksLikeOpenApi } from '../../core/src/lint';
import { LintSession } from '../../core/src/lintSession';
import { buildApiModel, type ApiModel } from '../../core/src/model/apiModel';
import type { Resource } from '../../core/src/model/resources';
import type { Diagnostic } from '../../core/src/validate/diagnostic';
import { revalidate, validate, validateAll, type Validation } from '../../core/src/validate/validate';
import { randomEdit, seeded } from '../support/randomEdits';

/*
 * Re-checking only the edited `paths` entries must give the diagnostics a full run gives.
 * Chains of seeded random edits on real and generated definitions: after every edit that
 * was re-checked incrementally, the result is compared with linting the new text afresh.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
const MAX_BYTES = 256 * 1024;
const URI = 'file:///work/api.yaml';
const noFiles = async (): Promise<undefined> => undefined;

function definitions(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) files.push(...definitions(full));
    else if (/\.ya?ml$/.test(name) && stat.size < MAX_BYTES && looksLikeOpenApi(readFileSync(full, 'utf8'))) files.push(full);
  }
  return files;
}

function generated(): Array<{ name: string; text: string }> {
  const generators = [path.join(REPO_ROOT, 'bench', 'genSpec.mjs'), path.join(SHARED, 'bench', 'gen-apigw-spec.mjs')].filter((g) => existsSync(g));
  return generators.flatMap((generator) =>
    ['0', '6'].map((errors) => ({
      name: `${path.basename(generator)} --errors ${errors}`,
      // genSpec.mjs has no --errors; it ignores the flag.
      text: execFileSync(process.execPath, [generator, '--paths', '15', '--errors', errors], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }),
    })),
  );
}

/** A total order, so that findings tied in position, severity and code compare equal as lists. */
function normalized(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify([d.uri, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.code, d.message, d.pointer, d.link])).sort();
}

/** What a model says, by offsets rather than node identity, to compare models of different trees. */
function modelShape(model: ApiModel): unknown {
  const resources = (r: Resource): unknown => [r.path, r.methods.map((op) => op.method), r.children.map(resources)];
  return {
    kind: model.kind,
    source: model.kindDetection.source,
    evidence: [model.kindDetection.evidence.REST.map((k) => k.offset), model.kindDetection.evidence.HTTP.map((k) => k.offset)],
    version: model.version?.text,
    operations: model.operations.map((op) => [
      op.path,
      op.method,
      op.methodKey.offset,
      op.node.offset,
      op.parameters.map((p) => [p.name, p.in, p.required, p.node.offset]),
      op.parametersNode?.offset,
      op.integration?.node.offset,
      op.security?.offset,
      [...op.responses].map(([code, r]) => [code, r.key.offset, r.node.offset]),
      op.validator?.name,
    ]),
    resources: resources(model.resources),
    schemes: [...model.securitySchemes.keys()],
    validators: [...model.requestValidators.keys()],
  };
}

/** Runs a chain of edits; returns the differences and how many edits were re-checked incrementally. */
async function editChain(name: string, text: string, seed: number, edits: number): Promise<{ differences: string[]; incremental: number }> {
  const random = seeded(seed);
  const differences: string[] = [];
  let set = await loadDocumentSet(URI, text, noFiles);
  if (set.files.length !== 1 || !set.complete) return { differences, incremental: 0 };
  let model = buildApiModel(set);
  let validation: Validation = validateAll(set, model);
  let incremental = 0;
  for (let i = 0; i < edits; i++) {
    const current = set.entry.parsed;
    const next = randomEdit(current.text, random);
    if (next === current.text) continue;
    const fresh = await loadDocumentSet(URI, next, noFiles);
    const freshModel = buildApiModel(fresh);
    if (fresh.entry.parsed.problems.some((p) => p.severity === 'error')) continue; // keep editing a definition that reads
    const expected = validate(fresh, freshModel);
    // As LintSession: a definition that reaches other files, or a new reference to one, is read in full.
    const reparsed = set.files.length === 1 && set.complete ? reparseEdit(current, next) : undefined;
    if (!reparsed || collectRefs(reparsed.entry.valueNode).some((ref) => !ref.value.startsWith('#'))) {
      set = fresh;
      model = freshModel;
      validation = validateAll(set, model);
      continue;
    }
    set = new DocumentSet({ uri: URI, parsed: reparsed.parsed });
    model = buildApiModel(set);
    const result = revalidate(validation, set, model, new Set([reparsed.entry]));
    if (result) {
      incremental++;
      const got = normalized(result.diagnostics);
      const want = normalized(expected);
      const missing = want.filter((d) => !got.includes(d));
      const extra = got.filter((d) => !want.includes(d));
      if (missing.length > 0 || extra.length > 0 || got.length !== want.length) {
        differences.push(`${name}, edit ${i + 1} (entry ${reparsed.entry.keyNode.value}): missing ${missing.slice(0, 3).join(' ')}; extra ${extra.slice(0, 3).join(' ')}`);
        break;
      }
    }
    validation = result ?? validateAll(set, model);
  }
  return { differences, incremental };
}

describe('validate: re-checking the edited paths entries against a full run (differential)', function () {
  this.timeout(300_000);

  it('gives the diagnostics of a full run after random edits of the corpus definitions', async function () {
    const dir = path.join(SHARED, 'corpus');
    if (!existsSync(dir)) {
      console.log('skipped: corpus not present');
      this.skip();
    }
    const differences: string[] = [];
    let incremental = 0;
    const files = definitions(dir);
    for (const [i, file] of files.entries()) {
      const result = await editChain(path.relative(dir, file), readFileSync(file, 'utf8'), 2000 + i, 40);
      differences.push(...result.differences);
      incremental += result.incremental;
    }
    console.log(`      ${incremental} edits in ${files.length} files re-checked incrementally`);
    assert.deepEqual(differences, []);
    assert.ok(incremental > 200, `only ${incremental} edits were re-checked incrementally: the test says little`);
  });

  it('gives the diagnostics of a full run after random edits of generated definitions, with and without injected mistakes', async function () {
    const differences: string[] = [];
    let incremental = 0;
    for (const { name, text } of generated()) {
      for (const seed of [1, 2]) {
        const result = await editChain(`${name} seed ${seed}`, text, seed, 60);
        differences.push(...result.differences);
        incremental += result.incremental;
      }
    }
    console.log(`      ${incremental} edits re-checked incrementally`);
    assert.deepEqual(differences, []);
    assert.ok(incremental > 50, `only ${incremental} edits were re-checked incrementally`);
  });

  it('a lint session models and publishes what a fresh lint of each version gives', async function () {
    for (const [n, { text }] of generated().entries()) {
      const session = new LintSession(URI, noFiles, {});
      const random = seeded(99 + n);
      let current = text;
      for (let i = 0; i < 60; i++) {
        const analysis = await session.analyze(current);
        const diagnostics = session.check(analysis);
        assert.ok(diagnostics, 'the latest analysis is checked');
        const fresh = await lintText(URI, current, noFiles);
        assert.deepEqual(modelShape(analysis.model), modelShape(fresh.model), `model after edit ${i}`);
        assert.deepEqual(normalized(diagnostics), normalized(fresh.diagnostics), `diagnostics after edit ${i}`);
        current = randomEdit(current, random);
      }
    }
  });

  it('an analysis replaced by a newer one is not checked', async function () {
    const { text } = generated()[0];
    const session = new LintSession(URI, noFiles, {});
    const first = await session.analyze(text);
    await session.analyze(text.replace('timeoutInMillis: ', 'timeoutInMillis: 1'));
    assert.equal(session.check(first), undefined);
  });
});
