import type { ParsedText } from '../document/parse';

/**
 * How a text is laid out, so that inserted lines look like their neighbours: the line
 * break it uses and the indentation step of its nesting.
 */
export interface TextLayout {
  eol: '\n' | '\r\n';
  /** One level of indentation: spaces (YAML always; JSON usually) or a tab. */
  unit: string;
}

/** Enough lines to see the indentation habit of a file without scanning a huge one. */
const SAMPLE_LINES = 2000;

/** One layout per parsed text: a fix that touches a thousand operations asks a thousand times. */
const cache = new WeakMap<ParsedText, TextLayout>();

export function layoutOf(doc: ParsedText): TextLayout {
  let layout = cache.get(doc);
  if (!layout) {
    layout = measureLayout(doc.text);
    cache.set(doc, layout);
  }
  return layout;
}

function measureLayout(text: string): TextLayout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let smallest = Infinity;
  let previous = 0;
  let tabs = 0;
  let lineStart = 0;
  for (let n = 0; n < SAMPLE_LINES && lineStart < text.length; n++) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    // Only the leading whitespace matters; a minified JSON line may be megabytes long.
    let i = lineStart;
    while (i < end && text[i] === ' ') i++;
    const blank = i === end || text[i] === '\r';
    const indent = i - lineStart;
    if (text[lineStart] === '\t') tabs++;
    lineStart = end + 1;
    if (blank) continue;
    // The step is the smallest increase from one line to the next, not the smallest indent:
    // a file may nest everything under one key at 4 and still step by 2 below it.
    if (indent > previous) smallest = Math.min(smallest, indent - previous);
    previous = indent;
  }
  if (tabs > 0) return { eol, unit: '\t' };
  return { eol, unit: ' '.repeat(smallest === Infinity || smallest > 8 ? 2 : smallest) };
}

/** The offset of the end of the line holding `offset` (before its line break). */
export function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}
