/*
 * The shape of one line of block YAML, read from the text alone: where its `- ` markers
 * are, whether it starts with a `key:`, and what follows the colon. Completion reads the
 * lines above the cursor this way because the line being typed is usually not valid YAML
 * yet, and the tree the parser recovers around it cannot be trusted there.
 */

export interface YamlKey {
  /** The key as a parser reads it: quotes removed, escapes resolved. */
  name: string;
  /** Offset of the first character of the key (its opening quote, if quoted). */
  start: number;
  /** Offset just past the key (past its closing quote). */
  end: number;
  /** Offset of the first non-blank character after `:`; the line end when nothing follows. */
  valueStart: number;
  /**
   * Something other than a comment, an anchor or a tag follows the colon. Such a key holds
   * a scalar or a one-line flow collection, so lines below it cannot be its children.
   */
  hasInlineValue: boolean;
}

export interface YamlLine {
  /** Offset of each `- ` sequence marker, left to right. */
  dashes: number[];
  /** Offset of the content after the indentation and the markers. */
  contentStart: number;
  /** Offset of the line end (before its line break). */
  end: number;
  key: YamlKey | undefined;
  /** Blank, or only a comment. */
  empty: boolean;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function isBreakOrEnd(c: string | undefined): boolean {
  return c === undefined || c === '\n' || c === '\r';
}

/** The offset of the end of the line that contains `offset`. */
export function lineEndAt(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** The offset of the start of the line that contains `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** Offset just past the quoted scalar that opens at `start`, or undefined if it is not closed on this line. */
function quotedEnd(text: string, start: number, end: number): number | undefined {
  const quote = text[start];
  for (let i = start + 1; i < end; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === quote) {
      // '' inside a single-quoted scalar is an escaped quote, not the end.
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return undefined;
}

export function unquote(raw: string): string {
  if (raw.startsWith("'")) return raw.slice(1, raw.endsWith("'") && raw.length > 1 ? -1 : undefined).replace(/''/g, "'");
  if (raw.startsWith('"')) {
    const body = raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
    return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }
  return raw;
}

/** Offset of the `:` that ends a plain key starting at `start`, if the line has one. */
function plainKeyColon(text: string, start: number, end: number): number | undefined {
  const first = text[start];
  // These open something other than a plain key: a flow collection, a block scalar, an alias...
  if ('{[|>&*!%@`#'.includes(first)) return undefined;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '#' && isBlank(text[i - 1])) return undefined;
    if (c === ':' && (isBlank(text[i + 1]) || isBreakOrEnd(text[i + 1]) || i + 1 === end)) return i;
  }
  return undefined;
}

function readKey(text: string, start: number, end: number): YamlKey | undefined {
  let keyEnd: number;
  let colon: number;
  if (text[start] === '"' || text[start] === "'") {
    const closed = quotedEnd(text, start, end);
    if (closed === undefined) return undefined;
    keyEnd = closed;
    colon = closed;
    while (isBlank(text[colon])) colon++;
    if (text[colon] !== ':' || !(isBlank(text[colon + 1]) || colon + 1 >= end)) return undefined;
  } else {
    const found = plainKeyColon(text, start, end);
    if (found === undefined) return undefined;
    colon = found;
    keyEnd = found;
    while (keyEnd > start && isBlank(text[keyEnd - 1])) keyEnd--;
  }
  let valueStart = colon + 1;
  while (valueStart < end && isBlank(text[valueStart])) valueStart++;
  return {
    name: unquote(text.slice(start, keyEnd)),
    start,
    end: keyEnd,
    valueStart,
    hasInlineValue: hasInlineValue(text, valueStart, end),
  };
}

/** Whether what follows a colon is a value on this line (not a comment, anchor or tag alone). */
function hasInlineValue(text: string, start: number, end: number): boolean {
  let i = start;
  for (;;) {
    if (i >= end || text[i] === '#') return false;
    const c = text[i];
    if (c !== '&' && c !== '!') return true;
    // An anchor or tag alone announces a collection on the lines below.
    while (i < end && !isBlank(text[i])) i++;
    while (i < end && isBlank(text[i])) i++;
  }
}

/** Reads the line from `start` up to `end` (a line end, or the cursor on the cursor's line). */
export function readYamlLine(text: string, start: number, end: number): YamlLine {
  const dashes: number[] = [];
  let i = start;
  for (;;) {
    while (i < end && isBlank(text[i])) i++;
    if (text[i] === '-' && i < end && (isBlank(text[i + 1]) || i + 1 >= end || isBreakOrEnd(text[i + 1]))) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  const empty = dashes.length === 0 && (i >= end || text[i] === '#');
  const key = i < end && text[i] !== '#' ? readKey(text, i, end) : undefined;
  return { dashes, contentStart: i, end, key, empty };
}
