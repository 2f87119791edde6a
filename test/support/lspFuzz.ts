/*
 * Property-based fuzzing of the language server (issue 9, point 1): real definitions are
 * mutated the ways that break readers (truncation, lost lines, wrong indentation, random
 * bytes, huge scalars, deep nesting, recursive `$ref`s, alias bombs), opened in the real
 * server over stdio, and asked for everything an editor asks. A case fails when a request
 * throws, takes longer than REQUEST_BOUND_MS, or the server logs an internal error. The
 * mocha test (test/lsp/fuzz.test.ts) runs a few hundred cases; test/stress/lspFuzz.mjs runs
 * thousands and prints the figures.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { looksLikeOpenApi } from '../../core/src/lint';
import type { LspClient } from './lspClient';
import { randomEdit, seeded } from './randomEdits';

/** The issue's bound on every request, diagnostics included (from opening to publication). */
export const REQUEST_BOUND_MS = 2000;

export interface FuzzDocument {
  name: string;
  text: string;
  languageId: 'yaml' | 'json';
}

const REPO = path.resolve(__dirname, '..', '..', '..');

/**
 * The project's own examples (always there, so CI always fuzzes something) and, when
 * `corpusDir` exists, every OpenAPI file directly in it.
 */
export function fuzzDocuments(corpusDir: string | undefined): FuzzDocument[] {
  const files = [path.join(REPO, 'examples', 'rest', 'api.yaml'), path.join(REPO, 'examples', 'http', 'api.yaml')];
  if (corpusDir && existsSync(corpusDir)) {
    for (const name of readdirSync(corpusDir).sort()) {
      const full = path.join(corpusDir, name);
      if (statSync(full).isFile() && looksLikeOpenApi(readFileSync(full, 'utf8'))) files.push(full);
    }
  }
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    return { name: path.relative(REPO, file), text, languageId: /^\s*[{[]/.test(text) ? 'json' : 'yaml' };
  });
}

/** Where in the text a mutation applies, as a fraction of its length (or of its line count). */
type At = number;

export type Mutation =
  | { kind: 'truncate'; at: At }
  | { kind: 'deleteLines'; at: At; count: number }
  | { kind: 'indent'; at: At; count: number; style: 'tabs' | 'shift' | 'unshift' | 'double' }
  | { kind: 'bytes'; at: At; bytes: number[] }
  | { kind: 'unicode'; at: At; text: string }
  | { kind: 'huge'; at: At; size: number; style: 'plain' | 'quoted' | 'key' | 'line' }
  | { kind: 'deep'; at: At; depth: number; style: 'flowSeq' | 'flowMap' | 'block' | 'json' }
  | { kind: 'ref'; at: At; target: (typeof REF_TARGETS)[number] }
  | { kind: 'refCycle'; length: number }
  | { kind: 'aliasBomb'; at: At; levels: number; width: number; style: 'seq' | 'map' | 'paths' };

/** `$ref` values that loop, point at the whole document, into paths, or at files that loop, are binary or are missing. */
const REF_TARGETS = [
  '#',
  '#/',
  '#/paths',
  '#/paths/~1a',
  '#/components/schemas/Cycle0',
  '#/info/title',
  '#/x-%',
  './shared.yaml#/A',
  './binary.yaml',
  './missing.yaml#/X',
  './deep.json#/a',
  '../outside.yaml',
  'https://example.invalid/api.yaml',
  '',
] as const;

export interface FuzzCase {
  doc: number;
  mutations: Mutation[];
  /** Cursor positions for completion, hover and definition, as fractions of the lines and of a line. */
  cursor: { line: number; character: number };
  /** Typing after opening: this many edits as an editor sends them (the incremental path), from this seed. */
  typing: { edits: number; seed: number };
}

/** Unbiased: fast-check leans towards edge values, which would put nearly every mutation at offset 0. */
const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('deleteLines' as const), at: fraction, count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    kind: fc.constant('indent' as const),
    at: fraction,
    count: fc.integer({ min: 1, max: 40 }),
    style: fc.constantFrom('tabs' as const, 'shift' as const, 'unshift' as const, 'double' as const),
  }),
  fc.record({ kind: fc.constant('bytes' as const), at: fraction, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('unicode' as const), at: fraction, text: fc.string({ unit: 'binary', minLength: 1, maxLength: 32 }) }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fraction,
    size: fc.integer({ min: 10_000, max: 1_000_000 }),
    style: fc.constantFrom('plain' as const, 'quoted' as const, 'key' as const, 'line' as const),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    at: fraction,
    depth: fc.integer({ min: 50, max: 50_000 }),
    style: fc.constantFrom('flowSeq' as const, 'flowMap' as const, 'block' as const, 'json' as const),
  }),
  fc.record({ kind: fc.constant('ref' as const), at: fraction, target: fc.constantFrom(...REF_TARGETS) }),
  fc.record({ kind: fc.constant('refCycle' as const), length: fc.integer({ min: 1, max: 50 }) }),
  fc.record({
    kind: fc.constant('aliasBomb' as const),
    at: fraction,
    levels: fc.integer({ min: 2, max: 40 }),
    width: fc.integer({ min: 2, max: 9 }),
    style: fc.constantFrom('seq' as const, 'map' as const, 'paths' as const),
  }),
);

export function fuzzCaseArbitrary(documents: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    doc: fc.integer({ min: 0, max: documents - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    cursor: fc.record({ line: fraction, character: fraction.map((f) => f * 1.2) }),
    typing: fc.record({ edits: fc.integer({ min: 0, max: 4 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
  });
}

/** The start of the line that holds the offset `at` (a fraction of the text). */
function lineStartAt(text: string, at: At): number {
  const offset = Math.floor(at * text.length);
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentOf(text: string, lineStart: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
}

function insertLine(text: string, at: At, line: string): string {
  const start = lineStartAt(text, at);
  return `${text.slice(0, start)}${indentOf(text, start)}${line}\n${text.slice(start)}`;
}

function deepValue(depth: number, style: 'flowSeq' | 'flowMap' | 'block' | 'json'): string {
  switch (style) {
    case 'flowSeq':
      return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    case 'flowMap':
      return `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
    case 'json':
      return `${'{"a": ['.repeat(depth)}1${']}'.repeat(depth)}`;
    case 'block': {
      // Each level indents one more column: the text grows with the square of the depth.
      const levels = Math.min(depth, 2000);
      return `\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} 1`;
    }
  }
}

function aliasBomb(levels: number, width: number, style: 'seq' | 'map' | 'paths'): string {
  const lines: string[] = [];
  if (style === 'paths') {
    // Path items that alias each other: every level holds `width` copies of the one below.
    lines.push('x-bomb-paths:', '  /b0: &b0', '    get: {responses: {"200": {description: ok}}}');
    for (let i = 1; i < levels; i++) {
      lines.push(`  /b${i}: &b${i}`);
      for (let w = 0; w < width; w++) lines.push(`    x-${w}: *b${i - 1}`);
    }
    return lines.join('\n');
  }
  lines.push('x-bomb:', `  l0: &l0 ${style === 'seq' ? '[lol, lol]' : '{a: lol, b: lol}'}`);
  for (let i = 1; i < levels; i++) {
    const refs = Array.from({ length: width }, (_, w) => (style === 'seq' ? `*l${i - 1}` : `k${w}: *l${i - 1}`)).join(', ');
    lines.push(`  l${i}: &l${i} ${style === 'seq' ? `[${refs}]` : `{${refs}}`}`);
  }
  return lines.join('\n');
}

export function applyMutation(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'deleteLines': {
      const lines = text.split('\n');
      lines.splice(Math.floor(m.at * lines.length), m.count);
      return lines.join('\n');
    }
    case 'indent': {
      const lines = text.split('\n');
      const first = Math.floor(m.at * lines.length);
      for (let i = first; i < Math.min(lines.length, first + m.count); i++) {
        const indent = /^ */.exec(lines[i])?.[0].length ?? 0;
        const rest = lines[i].slice(indent);
        if (m.style === 'tabs') lines[i] = '\t'.repeat(Math.ceil(indent / 2)) + rest;
        else if (m.style === 'shift') lines[i] = ' '.repeat(indent + 1) + rest;
        else if (m.style === 'unshift') lines[i] = ' '.repeat(Math.max(0, indent - 1)) + rest;
        else lines[i] = ' '.repeat(indent * 2) + rest;
      }
      return lines.join('\n');
    }
    case 'bytes': {
      const at = Math.floor(m.at * text.length);
      return text.slice(0, at) + String.fromCharCode(...m.bytes) + text.slice(at);
    }
    case 'unicode': {
      const at = Math.floor(m.at * text.length);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'huge': {
      const big = 'x'.repeat(m.size);
      if (m.style === 'line') {
        const at = Math.floor(m.at * text.length);
        return text.slice(0, at) + big + text.slice(at);
      }
      if (m.style === 'key') return insertLine(text, m.at, `x-${big}: 1`);
      return insertLine(text, m.at, m.style === 'quoted' ? `x-huge: "${big}"` : `x-huge: ${big}`);
    }
    case 'deep':
      return insertLine(text, m.at, `x-deep: ${deepValue(m.depth, m.style)}`);
    case 'ref':
      return insertLine(text, m.at, `$ref: '${m.target}'`);
    case 'refCycle': {
      // Schemas that refer to each other in a ring, and one that contains itself.
      const ring = Array.from({ length: m.length }, (_, i) => `    Cycle${i}: {$ref: '#/components/schemas/Cycle${(i + 1) % m.length}'}`);
      return `${text}\ncomponents:\n  schemas:\n${ring.join('\n')}\n    Self: {properties: {me: {$ref: '#/components/schemas/Self'}}}\n`;
    }
    case 'aliasBomb':
      return m.style === 'paths' ? `${text}\n${aliasBomb(m.levels, m.width, m.style)}\n` : insertLine(text, m.at, aliasBomb(m.levels, m.width, m.style).replace(/\n/g, '\n' + indentOf(text, lineStartAt(text, m.at))));
  }
}

export function caseText(documents: readonly FuzzDocument[], c: FuzzCase): string {
  return c.mutations.reduce(applyMutation, documents[c.doc].text);
}

/**
 * Files the mutated `$ref`s name, beside the fuzzed documents in `dir`: a pair that loops,
 * a binary file with a YAML name and a deeply nested JSON file. `missing.yaml` stays absent.
 */
export function writeRefTargets(dir: string): void {
  writeFileSync(path.join(dir, 'shared.yaml'), "A: {$ref: './shared.yaml#/B'}\nB: {$ref: '#/A'}\nC: {$ref: './shared.yaml'}\n");
  const bytes = Buffer.alloc(64 * 1024);
  // A fixed pseudo-random fill (xorshift), so every run reads the same binary file.
  let x = 2463534242;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  writeFileSync(path.join(dir, 'binary.yaml'), bytes);
  writeFileSync(path.join(dir, 'deep.json'), `{"a": ${'['.repeat(20000)}${']'.repeat(20000)}}`);
}

export type RequestKind = 'diagnostics' | 'completion' | 'hover' | 'symbols' | 'definition';
export const REQUEST_KINDS: readonly RequestKind[] = ['diagnostics', 'completion', 'hover', 'symbols', 'definition'];

/** What the server logged as an error (a feature or a check that threw), collected per case. */
export class ServerErrorLog {
  readonly messages: string[] = [];
  constructor(client: LspClient) {
    client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) this.messages.push(p.message);
    });
  }
}

/**
 * Opens the case's text as a new document, asks for diagnostics (when the text is a
 * definition the server checks), completion, hover, symbols and definition at the same
 * time, as an editor does on opening, then closes it. Returns what went wrong.
 */
export async function runFuzzCase(
  client: LspClient,
  dir: string,
  documents: readonly FuzzDocument[],
  c: FuzzCase,
  index: number,
  errors: ServerErrorLog,
  record: (kind: RequestKind, ms: number) => void,
): Promise<string[]> {
  const doc = documents[c.doc];
  const text = caseText(documents, c);
  const uri = pathToFileURL(path.join(dir, `case-${index}.${doc.languageId}`)).toString();
  const lines = text.split('\n');
  const line = Math.min(lines.length - 1, Math.floor(c.cursor.line * lines.length));
  const position = { line, character: Math.floor(c.cursor.character * lines[line].length) };
  const failures: string[] = [];
  const logged = errors.messages.length;
  const bounded = async (kind: RequestKind, pending: Promise<unknown>): Promise<unknown> => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), REQUEST_BOUND_MS)));
    try {
      const answer = await Promise.race([pending, late]);
      if (answer === 'late') failures.push(`${kind} took longer than ${REQUEST_BOUND_MS} ms`);
      else record(kind, performance.now() - started);
      return answer;
    } catch (err) {
      failures.push(`${kind} failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
  const textDocument = { uri };
  // Not awaited alone: a server stuck in a loop stops reading, and the write would wait for good.
  const opened = client.open(uri, text, doc.languageId);
  const requests: Array<Promise<unknown>> = [
    bounded('completion', client.request('textDocument/completion', { textDocument, position })),
    bounded('hover', client.request('textDocument/hover', { textDocument, position })),
    bounded('symbols', client.request('textDocument/documentSymbol', { textDocument })),
    bounded('definition', client.request('textDocument/definition', { textDocument, position })),
  ];
  if (looksLikeOpenApi(text)) {
    requests.push(
      bounded(
        'diagnostics',
        client.waitFor(uri, (p) => p.version === 1, REQUEST_BOUND_MS + 1000).then((p) => {
          const internal = p.diagnostics.find((d) => d.code === 'apigw.internal');
          if (internal) failures.push(`internal error diagnostic: ${internal.message}`);
        }),
      ),
    );
  }
  await Promise.all(requests);
  // Then typing, each edit a new version right after the other, and the checks of the last.
  let typed = text;
  const random = seeded(c.typing.seed);
  for (let version = 2; version <= c.typing.edits + 1; version++) {
    typed = randomEdit(typed, random);
    void client.change(uri, version, typed);
  }
  if (c.typing.edits > 0) {
    const last = c.typing.edits + 1;
    const after: Array<Promise<unknown>> = [bounded('completion', client.request('textDocument/completion', { textDocument, position }))];
    if (looksLikeOpenApi(text) && looksLikeOpenApi(typed)) {
      after.push(bounded('diagnostics', client.waitFor(uri, (p) => p.version === last, REQUEST_BOUND_MS + 1000)));
    }
    await Promise.all(after);
  }
  if ((await settled(Promise.all([opened, client.close(uri)]), REQUEST_BOUND_MS)) === 'late') failures.push('the server stopped reading its input');
  failures.push(...errors.messages.slice(logged).map((m) => `server logged: ${m.slice(0, 500)}`));
  return failures;
}

async function settled(pending: Promise<unknown>, ms: number): Promise<'done' | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  try {
    return await Promise.race([pending.then(() => 'done' as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A case as a reader can replay it: the mutations, without the megabytes they make. */
export function describeCase(documents: readonly FuzzDocument[], c: FuzzCase): string {
  const short = c.mutations.map((m) => JSON.stringify(m, (key, value: unknown) => (key === 'bytes' && Array.isArray(value) ? `${value.length} bytes` : value)));
  return `${documents[c.doc].name} + ${short.join(' + ')} @ ${JSON.stringify(c.cursor)}, typing ${JSON.stringify(c.typing)}`;
}
