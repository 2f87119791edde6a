import type { ParsedText } from '../document/parse';
import { nodeAtOffset, pointerOf, splitPointer } from '../document/pointer';
import type { ArrayNode, DocumentFormat, ObjectNode, PropertyNode, ValueNode } from '../document/types';
import { scanFlow, type FlowPoint, type Resume } from './flowScan';
import { yamlBlockPath } from './yamlBlockPath';
import { lineEndAt, lineStartAt, readYamlLine } from './yamlLine';

/** Where the cursor is in a definition, as completion needs to know it. */
export interface CursorContext {
  format: DocumentFormat;
  /** Typing a property name, or a value (of a property or an array item). */
  position: 'key' | 'value';
  /**
   * key: the path of the object that receives the key. value: the path of the value itself,
   * its key or array index last. In YAML a bare word on its own line is reported as a key;
   * where the path holds a scalar, it is that scalar's value being typed.
   */
  path: string[];
  /** What has been typed of the key or value, without its opening quote. */
  prefix: string;
  /** The text a completion replaces: the token under the cursor, quotes included. */
  replaceStart: number;
  replaceEnd: number;
  quote: '"' | "'" | undefined;
  /** A ':' already follows the key being typed, so completing it must not add one. */
  colonFollows: boolean;
  /** Inside JSON or a YAML flow collection (`{...}`, `[...]`). */
  flow: boolean;
  /** Column of the key typed (position key) or of the key whose value is typed; blocks indent from it. */
  column: number;
  /** Leading whitespace of the cursor's line. */
  lineIndent: string;
  /** One level of indentation as this document writes it. */
  indentUnit: string;
  /** Flow: where a ',' must be inserted to separate the completion from the entry before it. */
  commaBefore: number | undefined;
  /** Flow: a ',' must follow the completion because another entry follows it. */
  commaAfter: boolean;
  /** The cursor is inside the text of a multi-line string, such as a mapping template. */
  inText: boolean;
}

const KEY_STOP = /[\s:,{}[\]"'#]/;
const VALUE_STOP = /[,{}[\]"'\s]/;

/** One indentation level: the smallest indentation among the first lines that have one. */
function indentUnitOf(text: string): string {
  let best: string | undefined;
  const lines = text.slice(0, 20000).split('\n', 400);
  for (const line of lines) {
    const match = /^([ \t]+)\S/.exec(line);
    if (!match) continue;
    if (match[1].startsWith('\t')) return '\t';
    if (best === undefined || match[1].length < best.length) best = match[1];
  }
  return best ?? '  ';
}

function leadingWhitespace(text: string, lineStart: number): string {
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text.slice(lineStart, i);
}

/** Where a token that starts at `start` ends, looking past the cursor on the same line. */
function tokenEnd(text: string, start: number, cursor: number, quote: string | undefined, stop: RegExp): number {
  const lineEnd = lineEndAt(text, cursor);
  let i = cursor;
  if (quote !== undefined) {
    while (i < lineEnd && text[i] !== quote && !/[\s:,{}[\]]/.test(text[i])) i++;
    return text[i] === quote ? i + 1 : i;
  }
  while (i < lineEnd && !stop.test(text[i])) i++;
  return Math.max(i, start);
}

/** After `end`, skipping blanks on the line, is there a ':'? */
function colonAfter(text: string, end: number): boolean {
  let i = end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ':';
}

/** The first character after `end` that is not white space, across lines. */
function nextSignificant(text: string, end: number): string | undefined {
  let i = end;
  while (i < text.length && /\s/.test(text[i])) i++;
  return text[i];
}

interface Token {
  position: 'key' | 'value';
  path: string[];
  start: number;
  quote: '"' | "'" | undefined;
  column: number;
}

function fromFlow(point: FlowPoint): Token & { point: FlowPoint } {
  return { position: point.position, path: point.path, start: point.tokenStart, quote: point.quote, column: 0, point };
}

function finish(parsed: ParsedText, cursor: number, token: Token, flow: FlowPoint | undefined): CursorContext {
  const text = parsed.text;
  const lineStart = lineStartAt(text, cursor);
  const stop = token.position === 'key' ? KEY_STOP : flow ? VALUE_STOP : /[\r\n]/;
  let end = tokenEnd(text, token.start, cursor, token.quote, stop);
  if (!flow && token.position === 'value' && token.quote === undefined) {
    // A block value runs to the end of the line, short of a comment and trailing blanks.
    const comment = text.slice(cursor, end).search(/\s#/);
    if (comment >= 0) end = cursor + comment;
    while (end > cursor && /\s/.test(text[end - 1])) end--;
  }
  const colonFollows = token.position === 'key' && colonAfter(text, end);
  const lineIndent = leadingWhitespace(text, lineStart);
  let commaBefore: number | undefined;
  let commaAfter = false;
  if (flow) {
    const separated = flow.previous === undefined || '{[,:'.includes(flow.previous);
    if (!separated) commaBefore = flow.previousEnd;
    const next = nextSignificant(text, end);
    commaAfter = next !== undefined && !'}],'.includes(next) && !colonFollows;
  }
  const openingQuote = token.quote === undefined ? 0 : 1;
  return {
    format: parsed.format,
    position: token.position,
    path: token.path,
    prefix: text.slice(token.start + openingQuote, cursor),
    replaceStart: token.start,
    replaceEnd: end,
    quote: token.quote,
    colonFollows,
    flow: flow !== undefined,
    column: flow ? lineIndent.length : token.column,
    lineIndent,
    indentUnit: indentUnitOf(text),
    commaBefore,
    commaAfter,
    inText: false,
  };
}

/** The outermost flow collection around `offset` that opened before it, with its path. */
function enclosingFlow(parsed: ParsedText, offset: number): { start: number; path: string[] } | undefined {
  const found = nodeAtOffset(parsed.root, offset);
  let node: ValueNode | undefined = found === undefined ? undefined : found.kind === 'key' ? found.parent.parent : found;
  let outermost: ValueNode | undefined;
  while (node) {
    const opener = parsed.text[node.offset];
    const closed = parsed.text[node.offset + node.length - 1] === (opener === '{' ? '}' : ']');
    const inside = node.offset < offset && (closed ? offset < node.offset + node.length : offset <= node.offset + node.length);
    if ((node.kind === 'object' || node.kind === 'array') && (opener === '{' || opener === '[') && inside) outermost = node;
    node = node.parent?.kind === 'property' ? node.parent.parent : node.parent;
  }
  return outermost ? { start: outermost.offset, path: splitPointer(pointerOf(outermost)) } : undefined;
}

function textContext(parsed: ParsedText, offset: number): CursorContext | undefined {
  const node = nodeAtOffset(parsed.root, offset);
  if (node?.kind !== 'string') return undefined;
  const text = parsed.text;
  const firstLineEnd = lineEndAt(text, node.offset);
  const end = node.offset + node.length;
  if (firstLineEnd >= end || offset <= firstLineEnd || offset > end) return undefined;
  let start = offset;
  while (start > 0 && /[\w.$]/.test(text[start - 1])) start--;
  const lineStart = lineStartAt(text, offset);
  const lineIndent = leadingWhitespace(text, lineStart);
  return {
    format: parsed.format,
    position: 'value',
    path: splitPointer(pointerOf(node)),
    prefix: text.slice(start, offset),
    replaceStart: start,
    replaceEnd: tokenEnd(text, start, offset, undefined, /[^\w.$]/),
    quote: undefined,
    colonFollows: false,
    flow: false,
    column: lineIndent.length,
    lineIndent,
    indentUnit: indentUnitOf(text),
    commaBefore: undefined,
    commaAfter: false,
    inText: true,
  };
}

/**
 * In a large container (the paths of a big API), the scan starts after the last entry that
 * ends before `limit` instead of at the container's first brace.
 */
function resumeAfterLastEntry(node: ObjectNode | ArrayNode, limit: number): { offset: number; resume: Resume } | undefined {
  const entries: Array<PropertyNode | ValueNode> = node.kind === 'object' ? node.properties : node.items;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    const end = entry.offset + entry.length;
    if (end > limit) continue;
    if (entry.kind === 'property') {
      if (entry.valueNode === undefined) return undefined;
      return { offset: end, resume: { kind: 'object', key: entry.keyNode.value, index: 0 } };
    }
    return { offset: end, resume: { kind: 'array', key: undefined, index: i } };
  }
  return undefined;
}

function jsonContext(parsed: ParsedText, offset: number): CursorContext | undefined {
  const firstProblem = parsed.problems.reduce((min, p) => Math.min(min, p.offset), Infinity);
  // Start from the deepest container that holds the cursor and was read before anything broke.
  const found = nodeAtOffset(parsed.root, offset);
  let node: ValueNode | undefined = found === undefined ? undefined : found.kind === 'key' ? found.parent.parent : found;
  let start: { offset: number; path: string[]; resume?: Resume } | undefined;
  while (node) {
    const closed = '}]'.includes(parsed.text[node.offset + node.length - 1]);
    const holds = node.offset < offset && (closed ? offset < node.offset + node.length : true);
    if ((node.kind === 'object' || node.kind === 'array') && holds && node.offset < firstProblem) {
      start = { offset: node.offset, path: splitPointer(pointerOf(node)), ...resumeAfterLastEntry(node, Math.min(offset, firstProblem)) };
      break;
    }
    node = node.parent?.kind === 'property' ? node.parent.parent : node.parent;
  }
  if (!start) {
    const first = parsed.text.search(/[{[]/);
    if (first < 0 || first >= offset) return undefined;
    start = { offset: first, path: [] };
  }
  const point = scanFlow(parsed.text, start.offset, offset, start.path, false, start.resume);
  return point ? finish(parsed, offset, fromFlow(point), point) : undefined;
}

function yamlContext(parsed: ParsedText, offset: number): CursorContext | undefined {
  const inText = textContext(parsed, offset);
  if (inText) return inText;
  const text = parsed.text;
  const lineStart = lineStartAt(text, offset);
  const flow = enclosingFlow(parsed, offset);
  if (flow && flow.start < lineStart) {
    const point = scanFlow(text, flow.start, offset, flow.path, true);
    return point ? finish(parsed, offset, fromFlow(point), point) : undefined;
  }
  const line = readYamlLine(text, lineStart, offset);
  if (line.contentStart < offset && text[line.contentStart] === '#') return undefined;
  const key = line.key;
  if (key && offset > key.end) {
    // `key:` with the cursor right on the colon: nothing to complete until a space is typed.
    if (text[offset - 1] === ':') return undefined;
    const path = [...yamlBlockPath(text, parsed.root, lineStart, key.start - lineStart, line.dashes), key.name];
    const opener = text[key.valueStart];
    if (opener === '{' || opener === '[') {
      const point = scanFlow(text, key.valueStart, offset, path.slice(0, -1).concat(key.name), true);
      return point ? finish(parsed, offset, fromFlow(point), point) : undefined;
    }
    const quote = opener === '"' || opener === "'" ? opener : undefined;
    return finish(parsed, offset, { position: 'value', path, start: key.valueStart, quote, column: key.start - lineStart }, undefined);
  }
  const contentStart = line.contentStart;
  const basePath = yamlBlockPath(text, parsed.root, lineStart, contentStart - lineStart, line.dashes);
  const opener = text[contentStart];
  if (contentStart < offset && (opener === '{' || opener === '[')) {
    const point = scanFlow(text, contentStart, offset, basePath, true);
    return point ? finish(parsed, offset, fromFlow(point), point) : undefined;
  }
  const quote = contentStart < offset && (opener === '"' || opener === "'") ? opener : undefined;
  return finish(parsed, offset, { position: 'key', path: basePath, start: Math.min(contentStart, offset), quote, column: Math.min(contentStart, offset) - lineStart }, undefined);
}

/**
 * Where `offset` is in `parsed`: the path of the enclosing object, key or value, what is
 * typed so far and how to replace it. Works on half-typed keys, blank lines and documents
 * with syntax errors: it reads the text around the cursor and uses the parsed tree only
 * where the tree is sound. Undefined where nothing can be completed (in a comment, after
 * the end of a JSON document).
 */
export function cursorContext(parsed: ParsedText, offset: number): CursorContext | undefined {
  const cursor = Math.max(0, Math.min(offset, parsed.text.length));
  return parsed.format === 'json' ? jsonContext(parsed, cursor) : yamlContext(parsed, cursor);
}
