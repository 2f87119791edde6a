/**
 * Flow collections ('[' and '{', in YAML and JSON) nested deeper than this are not read: every
 * reader, the yaml package's included, recurses once per level and overflows the stack a few
 * thousand levels down, after seconds of work. No API definition comes near it.
 */
export const MAX_FLOW_DEPTH = 500;

/**
 * The offset of the bracket where flow nesting passes MAX_FLOW_DEPTH, or -1. Brackets inside
 * quoted strings (up to the line end) and comments are skipped; block scalars are not told
 * apart, but the brackets of a template there balance out or stay far below the bound.
 */
export function flowDepthExcess(text: string): number {
  const special = /[[\]{}"'#]/g;
  let depth = 0;
  for (let match = special.exec(text); match !== null; match = special.exec(text)) {
    const i = match.index;
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    } else if (c === 0x23) {
      // A comment starts at a '#' after a space or at a line start; anywhere else it is text.
      const before = i === 0 ? 10 : text.charCodeAt(i - 1);
      if (before === 0x20 || before === 0x09 || before === 10 || before === 13) special.lastIndex = lineEnd(text, i);
    } else {
      special.lastIndex = quoteEnd(text, i, c);
    }
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

/** Past the closing quote (a backslash escapes in double quotes), or the line end when unclosed. */
function quoteEnd(text: string, start: number, quote: number): number {
  const end = lineEnd(text, start);
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && quote === 0x22) i++;
    else if (c === quote) return i + 1;
  }
  return end;
}
