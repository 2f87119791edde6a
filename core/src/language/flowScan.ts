import { unquote } from './yamlLine';

/*
 * Reads JSON, or a YAML flow collection, from the start of a container up to the cursor,
 * keeping a stack of the containers entered and, in each, the key or index reached. It
 * reads tokens, not a grammar, so whatever is broken around the cursor (a missing comma,
 * an unclosed string, a key without a value) still leaves a usable answer.
 */

/**
 * A path as a chain of segments up to the scan's base path. Containers share their parent's
 * chain: copying the whole path into every container would make text nested n deep cost
 * n squared (fifty thousand '[' would take gigabytes).
 */
interface PathLink {
  up: PathLink | undefined;
  segment: string;
}

function pathOf(base: readonly string[], link: PathLink | undefined): string[] {
  const segments: string[] = [];
  for (let l = link; l; l = l.up) segments.push(l.segment);
  return [...base, ...segments.reverse()];
}

interface Frame {
  kind: 'object' | 'array';
  /** Path of this container, after the base path. */
  path: PathLink | undefined;
  /** object: the last key read; undefined right after '{' or ','. */
  key: string | undefined;
  /** object: a ':' was read after the key. */
  afterColon: boolean;
  /** array: index of the current item. */
  index: number;
  /** The current entry already has its value: what comes next, without a ',', starts a new entry. */
  complete: boolean;
}

export interface FlowPoint {
  position: 'key' | 'value';
  /** key: path of the object; value: path of the value (its key or index last). */
  path: string[];
  /** Start of the token under the cursor (its quote, if quoted); the cursor when there is none. */
  tokenStart: number;
  quote: '"' | "'" | undefined;
  /** Offset just past the last significant character before the token. */
  previousEnd: number;
  /** That character, or undefined when the token is first in the scanned text. */
  previous: string | undefined;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Offset past a quoted string that opens at `start`: its closing quote, or the line end (or `limit`) when unclosed. */
function stringEnd(text: string, start: number, limit: number): { end: number; closed: boolean } {
  const quote = text[start];
  for (let i = start + 1; i < limit; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return { end: i, closed: false };
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return { end: i + 1, closed: true };
    }
  }
  return { end: limit, closed: false };
}

/** Offset past a bare word (a number, true, or a YAML plain scalar) that starts at `start`. */
function wordEnd(text: string, start: number, limit: number, yaml: boolean): number {
  let i = start;
  while (i < limit) {
    const c = text[i];
    if (c === ',' || c === '{' || c === '}' || c === '[' || c === ']' || c === '"' || c === '\n' || c === '\r') break;
    if (c === ':' && (!yaml || i + 1 >= limit || isSpace(text[i + 1]) || ',[]{}'.includes(text[i + 1]))) break;
    if (!yaml && isSpace(c)) break;
    i++;
  }
  // A YAML plain scalar may hold spaces, but not trailing ones.
  while (i > start && isSpace(text[i - 1])) i--;
  return i;
}

/** Where to pick up inside a container whose entries up to `start` are already known: after the entry with this key or index. */
export interface Resume {
  kind: 'object' | 'array';
  key: string | undefined;
  index: number;
}

/**
 * Scans `text` from `start` (a '{' or '[' whose path is `basePath`, or with `resume`, a place
 * inside that container right after one of its entries) to `cursor`. Undefined when the
 * cursor is past the end of that container.
 */
export function scanFlow(text: string, start: number, cursor: number, basePath: readonly string[], yaml: boolean, resume?: Resume): FlowPoint | undefined {
  const stack: Frame[] = resume ? [{ kind: resume.kind, path: undefined, key: resume.key, afterColon: resume.kind === 'object', index: resume.index, complete: true }] : [];
  // Resumed after an entry: that entry's last character is what precedes the cursor's token.
  let previous: string | undefined = resume ? text[start - 1] : undefined;
  let previousEnd = start;
  let i = start;
  const top = (): Frame => stack[stack.length - 1];
  const childPath = (): PathLink | undefined => {
    const frame = stack[stack.length - 1];
    if (!frame) return undefined;
    return { up: frame.path, segment: frame.kind === 'object' ? (frame.key ?? '') : String(frame.index) };
  };
  while (i < cursor) {
    const c = text[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (yaml && c === '#' && (i === start || isSpace(text[i - 1]))) {
      while (i < cursor && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '{' || c === '[') {
      startEntry(top());
      stack.push({ kind: c === '{' ? 'object' : 'array', path: childPath(), key: undefined, afterColon: false, index: 0, complete: false });
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return undefined;
      top().complete = true;
    } else if (c === ',') {
      const frame = top();
      if (frame) nextEntry(frame);
    } else if (c === ':') {
      const frame = top();
      if (frame?.kind === 'object') frame.afterColon = true;
    } else {
      const quoted = c === '"' || c === "'";
      if (!yaml && c === "'") {
        i++;
        continue;
      }
      startEntry(top());
      const end = quoted ? stringEnd(text, i, cursor) : { end: wordEnd(text, i, cursor, yaml), closed: false };
      // A token that reaches the cursor unfinished is what is being typed.
      if (end.end === cursor && !end.closed) return point(stack, basePath, i, quoted ? (c as '"' | "'") : undefined, previous, previousEnd);
      const frame = top();
      if (frame?.kind === 'object' && !frame.afterColon) frame.key = unquote(text.slice(i, end.end));
      else if (frame) frame.complete = true;
      previous = text[end.end - 1];
      previousEnd = end.end;
      i = end.end;
      continue;
    }
    previous = c;
    previousEnd = i + 1;
    i++;
  }
  startEntry(top());
  return point(stack, basePath, cursor, undefined, previous, previousEnd);
}

function nextEntry(frame: Frame): void {
  if (frame.kind === 'object') {
    frame.key = undefined;
    frame.afterColon = false;
  } else frame.index++;
  frame.complete = false;
}

/** A token where the previous entry already ended: a ',' is missing, and this is the next entry. */
function startEntry(frame: Frame | undefined): void {
  if (frame?.complete) nextEntry(frame);
}

function point(
  stack: Frame[],
  basePath: readonly string[],
  tokenStart: number,
  quote: '"' | "'" | undefined,
  previous: string | undefined,
  previousEnd: number,
): FlowPoint | undefined {
  const frame = stack[stack.length - 1];
  if (!frame) return undefined;
  const path = pathOf(basePath, frame.path);
  if (frame.kind === 'array') return { position: 'value', path: [...path, String(frame.index)], tokenStart, quote, previous, previousEnd };
  if (frame.afterColon) return { position: 'value', path: [...path, frame.key ?? ''], tokenStart, quote, previous, previousEnd };
  return { position: 'key', path, tokenStart, quote, previous, previousEnd };
}
