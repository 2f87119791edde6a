import { booleanNode, nullNode, numberNode, stringNode } from './nodes';
import type { ValueNode } from './types';

/*
 * The YAML 1.2 core schema, tested in the same order as the `yaml` package's default
 * schema (null, bool, int 0o/decimal/0x, float .inf/.nan, exponent, plain float), so an
 * untagged plain scalar gets the same type on the fast path as through the library.
 */
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The node for an untagged plain scalar whose folded text is `value`. */
export function plainScalarNode(value: string, offset: number, length: number): ValueNode {
  if (value === '') return nullNode(offset, length);
  // Most scalars in an API definition are words; the first character rules out every
  // non-string type for them without running a regular expression.
  switch (value.charCodeAt(0)) {
    case 0x7e: // ~
    case 0x6e: // n
    case 0x4e: // N
      return NULL.test(value) ? nullNode(offset, length) : stringNode(offset, length, value);
    case 0x74: // t
    case 0x54: // T
    case 0x66: // f
    case 0x46: // F
      return BOOL.test(value)
        ? booleanNode(offset, length, value.charCodeAt(0) === 0x74 || value.charCodeAt(0) === 0x54)
        : stringNode(offset, length, value);
    case 0x2b: // +
    case 0x2d: // -
    case 0x2e: // .
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33:
    case 0x34:
    case 0x35:
    case 0x36:
    case 0x37:
    case 0x38:
    case 0x39: {
      const number = numberValue(value);
      return number === undefined ? stringNode(offset, length, value) : numberNode(offset, length, number, value);
    }
    default:
      return stringNode(offset, length, value);
  }
}

function numberValue(value: string): number | undefined {
  if (INT_OCT.test(value)) return parseInt(value.substring(2), 8);
  if (INT_DEC.test(value)) return parseInt(value, 10);
  if (INT_HEX.test(value)) return parseInt(value.substring(2), 16);
  if (FLOAT_SPECIAL.test(value)) {
    if (value.slice(-3).toLowerCase() === 'nan') return NaN;
    return value.charCodeAt(0) === 0x2d ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(value) || FLOAT.test(value)) return parseFloat(value);
  return undefined;
}

/**
 * End of a block scalar's range: the end of its last line that holds content, so the range
 * leaves out the final line break and any trailing blank lines. `start` is the `|` or `>`
 * indicator and `end` the end of the scalar's source (its body, or its header when the
 * body is empty).
 */
export function blockScalarEnd(text: string, start: number, end: number): number {
  let headerEnd = start + 1;
  while (headerEnd < end && isHeaderChar(text.charCodeAt(headerEnd))) headerEnd++;
  const lineBreak = text.indexOf('\n', headerEnd);
  if (lineBreak === -1 || lineBreak >= end) return headerEnd;
  let last = end - 1;
  while (last > lineBreak && isWhitespace(text.charCodeAt(last))) last--;
  if (last === lineBreak) return headerEnd;
  let lineEnd = text.indexOf('\n', last);
  if (lineEnd === -1 || lineEnd > end) lineEnd = end;
  return text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
}

function isHeaderChar(c: number): boolean {
  return c === 0x2b || c === 0x2d || (c >= 0x31 && c <= 0x39);
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
