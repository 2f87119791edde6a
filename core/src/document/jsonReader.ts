import { DuplicateKeyReporter } from './duplicateKeys';
import type { LineIndex } from './lineIndex';
import {
  arrayNode,
  booleanNode,
  nullNode,
  numberNode,
  objectNode,
  propertyNode,
  type ReadTree,
  setPropertyValue,
  stringNode,
  takeOpen,
} from './nodes';
import { SYNTAX_CODE } from './problemCodes';
import type { ArrayNode, KeyNode, ObjectNode, ParseProblem, PropertyNode, StringNode, ValueNode } from './types';

/*
 * A recursive-descent JSON reader that keeps source ranges. It accepts exactly what
 * JSON.parse accepts; anything else is reported where it stands and skipped, so a broken
 * file still gives a partial tree (an edit in progress should not blank out every feature).
 */

/** After this many syntax errors the rest are noise; reading goes on, reporting stops. */
const MAX_SYNTAX_PROBLEMS = 100;

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function readJson(text: string, lines: LineIndex): ReadTree {
  const problems: ParseProblem[] = [];
  const root = new JsonReader(text, problems, new DuplicateKeyReporter(lines, problems)).read();
  problems.sort((a, b) => a.offset - b.offset);
  return { root, problems };
}

/** Characters that end a run of stray text being skipped. */
function isDelimiter(c: number): boolean {
  switch (c) {
    case 0x20:
    case 0x09:
    case 0x0a:
    case 0x0d:
    case 0x2c: // ,
    case 0x3a: // :
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x22: // "
    case 0x2f: // / (a comment, reported as one)
      return true;
    default:
      return Number.isNaN(c);
  }
}

class JsonReader {
  private pos = 0;
  private syntaxProblems = 0;
  /*
   * Properties and items of the objects and arrays being read, innermost last. Each copies
   * its own out at its end: an exact-size array, where pushing onto a fresh one would
   * leave most small objects holding a mostly empty backing store.
   */
  private readonly openProperties: PropertyNode[] = [];
  private readonly openItems: ValueNode[] = [];

  constructor(
    private readonly text: string,
    private readonly problems: ParseProblem[],
    private readonly duplicates: DuplicateKeyReporter,
  ) {}

  read(): ValueNode | undefined {
    // Editors may save a byte order mark; it is not content.
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWhitespace();
    if (this.pos >= this.text.length) return undefined;
    const root = this.value();
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      this.error('Unexpected text after the end of the JSON value.', this.pos, this.text.length - this.pos);
    }
    return root;
  }

  private error(message: string, offset: number, length: number): void {
    if (++this.syntaxProblems > MAX_SYNTAX_PROBLEMS) return;
    this.problems.push({ code: SYNTAX_CODE, message, offset, length, severity: 'error' });
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else if (c === 0x2f) pos = this.skipComment(pos);
      else break;
    }
    this.pos = pos;
  }

  /** Reports a comment at `pos` and returns the offset after it (or after the lone `/`). */
  private skipComment(pos: number): number {
    const text = this.text;
    const next = text.charCodeAt(pos + 1);
    let end = pos + 1;
    if (next === 0x2f) {
      end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
    } else if (next === 0x2a) {
      end = text.indexOf('*/', pos + 2);
      end = end === -1 ? text.length : end + 2;
    }
    this.error(end === pos + 1 ? 'Unexpected character "/".' : 'JSON does not allow comments.', pos, end - pos);
    return end;
  }

  /** Skips a run of stray text (at least one character) and returns its length. */
  private skipStray(): number {
    const start = this.pos;
    let pos = start + 1;
    while (!isDelimiter(this.text.charCodeAt(pos))) pos++;
    this.pos = pos;
    return pos - start;
  }

  /** Reads the value at the current position, or reports and skips what stands there. */
  private value(): ValueNode | undefined {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    switch (c) {
      case 0x7b:
        return this.object();
      case 0x5b:
        return this.array();
      case 0x22:
        return this.string();
      case 0x74:
        return this.literal('true') ?? this.unexpectedValue();
      case 0x66:
        return this.literal('false') ?? this.unexpectedValue();
      case 0x6e:
        return this.literal('null') ?? this.unexpectedValue();
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.unexpectedValue();
    }
  }

  private unexpectedValue(): undefined {
    const start = this.pos;
    if (start >= this.text.length) {
      this.error('Expected a value, but the text ends here.', start, 0);
      return undefined;
    }
    const c = this.text.charCodeAt(start);
    // Structural characters belong to the enclosing object or array, which handles them.
    const structural = c === 0x2c || c === 0x3a || c === 0x5d || c === 0x7d;
    const length = structural ? 1 : this.skipStray();
    this.error('Expected a value: a string, number, object, array, true, false or null.', start, length);
    return undefined;
  }

  private literal(word: 'true' | 'false' | 'null'): ValueNode | undefined {
    const start = this.pos;
    if (!this.text.startsWith(word, start) || !isDelimiter(this.text.charCodeAt(start + word.length))) return undefined;
    this.pos = start + word.length;
    if (word === 'null') return nullNode(start, word.length);
    return booleanNode(start, word.length, word === 'true');
  }

  private number(): ValueNode | undefined {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    for (;;) {
      const c = text.charCodeAt(pos);
      // Digits, '.', 'e', 'E', '+', '-': the characters a number can hold.
      if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) pos++;
      else break;
    }
    this.pos = pos;
    const source = text.slice(start, pos);
    if (!isDelimiter(text.charCodeAt(pos)) || !NUMBER.test(source)) {
      const length = isDelimiter(text.charCodeAt(pos)) ? pos - start : pos - start + this.skipStray();
      this.error(`"${text.slice(start, start + length)}" is not a valid JSON number.`, start, length);
      return undefined;
    }
    return numberNode(start, pos - start, Number(source), source);
  }

  private string(): StringNode {
    const start = this.pos;
    const value = this.stringValue();
    return stringNode(start, this.pos - start, value);
  }

  /** Reads the string at the current `"` and returns its value. */
  private stringValue(): string {
    const text = this.text;
    const start = this.pos;
    const length = text.length;
    let pos = start + 1;
    // Most strings have no escapes: scan for the closing quote and slice.
    for (;;) {
      if (pos >= length) break;
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        this.pos = pos + 1;
        return text.slice(start + 1, pos);
      }
      if (c === 0x5c || c < 0x20) break;
      pos++;
    }
    return this.escapedStringValue(start, pos);
  }

  /** Continues a string from `pos`, the first escape or control character (or the end of the text). */
  private escapedStringValue(start: number, pos: number): string {
    const text = this.text;
    const length = text.length;
    let value = text.slice(start + 1, pos);
    let chunkStart = pos;
    for (;;) {
      if (pos >= length || text.charCodeAt(pos) === 0x0a || text.charCodeAt(pos) === 0x0d) {
        this.error('This string is not closed: the closing " is missing.', start, pos - start);
        this.pos = pos;
        return value + text.slice(chunkStart, pos);
      }
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        this.pos = pos + 1;
        return value + text.slice(chunkStart, pos);
      }
      if (c < 0x20) {
        this.error('Control characters must be escaped in JSON strings (for a tab, write \\t).', pos, 1);
        pos++;
      } else if (c === 0x5c) {
        value += text.slice(chunkStart, pos);
        const escape = text[pos + 1];
        if (escape === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            value += String.fromCharCode(parseInt(hex, 16));
            pos += 6;
          } else {
            this.error('Invalid escape sequence: \\u needs four hexadecimal digits.', pos, 2);
            value += '\\u';
            pos += 2;
          }
        } else if (escape !== undefined && escape in ESCAPES) {
          value += ESCAPES[escape];
          pos += 2;
        } else {
          this.error(`Invalid escape sequence \\${escape ?? ''} in a JSON string.`, pos, escape === undefined ? 1 : 2);
          value += '\\';
          pos += 1;
        }
        chunkStart = pos;
      } else {
        pos++;
      }
    }
  }

  private object(): ObjectNode {
    const text = this.text;
    const start = this.pos;
    const object = objectNode(start, 0);
    const open = this.openProperties;
    const first = open.length;
    let index: Map<string, KeyNode> | undefined;
    let end = start + 1;
    let afterProperty = false;
    let comma = -1;
    this.pos++;
    for (;;) {
      this.skipWhitespace();
      const pos = this.pos;
      const c = text.charCodeAt(pos);
      if (c === 0x7d) {
        if (comma !== -1) this.error("Trailing comma: JSON allows no ',' before '}'.", comma, 1);
        this.pos++;
        end = this.pos;
        break;
      }
      if (pos >= text.length || c === 0x5d) {
        // A ']' most likely closes an enclosing array, so this object stops before it.
        this.error("This '{' is never closed: a '}' is missing.", start, 1);
        break;
      }
      if (afterProperty) {
        if (c === 0x2c) {
          comma = pos;
          afterProperty = false;
          this.pos++;
          continue;
        }
        this.error("Expected ',' or '}' after a property.", pos, 1);
        // A string is most likely the next key after a forgotten comma; read it as one.
        if (c !== 0x22) {
          this.skipStray();
          continue;
        }
      }
      comma = -1;
      const property = this.property(object);
      if (property === undefined) continue;
      open.push(property);
      index = this.duplicates.check(open, first, index);
      end = property.offset + property.length;
      afterProperty = true;
    }
    object.properties = takeOpen(open, first);
    object.length = end - start;
    return object;
  }

  /** Reads `"key": value` at the current position; undefined (after skipping) when no key is there. */
  private property(object: ObjectNode): PropertyNode | undefined {
    const text = this.text;
    const keyStart = this.pos;
    let key: string;
    if (text.charCodeAt(keyStart) === 0x22) {
      key = this.stringValue();
    } else {
      const c = text.charCodeAt(keyStart);
      const length = c === 0x2c || c === 0x3a || c === 0x7b || c === 0x5b ? 1 : this.skipStray();
      if (length === 1 && this.pos === keyStart) this.pos++;
      this.error('Property names must be strings in double quotes.', keyStart, length);
      // A bare or single-quoted word is still read as a key, so its value is not lost.
      const written = text.slice(keyStart, keyStart + length);
      if (/^[A-Za-z_$][\w$-]*$/.test(written)) key = written;
      else if (/^'[^']*'$/.test(written)) key = written.slice(1, -1);
      else return undefined;
    }
    const property = propertyNode(object, key, keyStart, this.pos - keyStart);
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 0x3a) {
      this.pos++;
      this.skipWhitespace();
    } else {
      this.error("Expected ':' after the property name.", this.pos, this.pos < text.length ? 1 : 0);
      const c = text.charCodeAt(this.pos);
      if (c === 0x2c || c === 0x7d || c === 0x5d || this.pos >= text.length) return property;
    }
    const value = this.value();
    if (value !== undefined) setPropertyValue(property, value, this.pos);
    return property;
  }

  private array(): ArrayNode {
    const text = this.text;
    const start = this.pos;
    const array = arrayNode(start, 0);
    const open = this.openItems;
    const first = open.length;
    let end = start + 1;
    let afterItem = false;
    let comma = -1;
    this.pos++;
    for (;;) {
      this.skipWhitespace();
      const pos = this.pos;
      const c = text.charCodeAt(pos);
      if (c === 0x5d) {
        if (comma !== -1) this.error("Trailing comma: JSON allows no ',' before ']'.", comma, 1);
        this.pos++;
        end = this.pos;
        break;
      }
      if (pos >= text.length || c === 0x7d) {
        this.error("This '[' is never closed: a ']' is missing.", start, 1);
        break;
      }
      if (afterItem) {
        if (c === 0x2c) {
          comma = pos;
          afterItem = false;
          this.pos++;
          continue;
        }
        this.error("Expected ',' or ']' after an item.", pos, 1);
      }
      comma = -1;
      const item = this.value();
      if (item !== undefined) {
        open.push(item);
        item.parent = array;
        end = this.pos;
      } else if (this.pos === pos) {
        // A ',' or ':' where an item belongs (reported): step over it and still expect an item.
        this.pos++;
        continue;
      }
      afterItem = true;
    }
    array.items = takeOpen(open, first);
    array.length = end - start;
    return array;
  }
}
