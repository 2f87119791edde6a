import { CST } from 'yaml';
import { DuplicateKeyReporter } from './duplicateKeys';
import type { LineIndex } from './lineIndex';
import { arrayNode, nullNode, objectNode, propertyNode, type ReadTree, setPropertyValue, stringNode, takeOpen, closeBlockMapping } from './nodes';
import type { ArrayNode, KeyNode, ObjectNode, ParseProblem, PropertyNode, ValueNode } from './types';
import { blockScalarEnd, plainScalarNode } from './yamlScalars';

/*
 * The first reader a YAML text meets: block mappings and sequences, one-line plain and
 * quoted scalars, empty flow collections, literal and folded block scalars and comments,
 * read straight from the characters. That is nearly all of an API definition, and reading
 * it without a tokenizer takes a fraction of the time. Anything else (anchors, tags,
 * multi-line plain or quoted scalars, flow collections with content, complex keys,
 * directives, tabs, carriage returns, anything malformed) hands the whole text over to the
 * Lexer-based fast path, which hands over to the library in turn. The trees must be those
 * the library builds: the differential tests compare them on real, generated and randomly
 * edited definitions.
 */

class HandOver extends Error {}

function handOver(): never {
  throw new HandOver();
}

/** The library rejects implicit keys longer than this. */
const MAX_IMPLICIT_KEY_LENGTH = 1024;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** Reads `text`, or returns undefined when it uses something this reader leaves to the others. */
export function readYamlBlocks(text: string, lines: Pick<LineIndex, 'positionAt'>): ReadTree | undefined {
  if (text.indexOf('\r') !== -1 || text.charCodeAt(0) === 0xfeff) return undefined;
  const problems: ParseProblem[] = [];
  try {
    return { root: new BlockReader(text, new DuplicateKeyReporter(lines, problems)).read(), problems };
  } catch (error) {
    if (error instanceof HandOver || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Can this character start a plain scalar or key? The indicators that cannot, or mean something else here. */
function startsPlain(c: number, next: number): boolean {
  switch (c) {
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case DOUBLE_QUOTE:
    case SINGLE_QUOTE:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return false;
    case DASH:
    case 0x3f: // ?
    case COLON:
      // An indicator when a space or the line end follows, otherwise the first character of a word.
      return next !== SPACE && next !== LF && next !== TAB && !Number.isNaN(next);
    default:
      return true;
  }
}

class BlockReader {
  private pos = 0;
  private lineStart = 0;
  /** End of the source of the node read last. */
  private end = 0;
  private readonly length: number;
  /** Properties and items of the collections being read, innermost last; each copies its own out at its end. */
  private readonly openProperties: PropertyNode[] = [];
  private readonly openItems: ValueNode[] = [];

  constructor(
    private readonly text: string,
    private readonly duplicates: DuplicateKeyReporter,
  ) {
    this.length = text.length;
  }

  read(): ValueNode | undefined {
    const column = this.nextContentLine();
    if (column === -1) handOver(); // only blank lines and comments
    const c = this.text.charCodeAt(this.pos);
    // Directives and document markers.
    if (c === 0x25 || (column === 0 && (this.text.startsWith('---', this.pos) || this.text.startsWith('...', this.pos)))) handOver();
    const root = this.isSequenceItem() ? this.sequence(column) : this.mappingIfKey(column);
    if (this.nextContentLine() !== -1) handOver();
    return root;
  }

  /**
   * From a line start (or from content already found on the current line), past blank and
   * comment lines (blank lines only, without `comments`) to the first character of the next
   * content line: its column, or -1 at the end of the text.
   */
  private nextContentLine(comments = true): number {
    const text = this.text;
    for (;;) {
      let i = this.pos;
      while (i < this.length && text.charCodeAt(i) === SPACE) i++;
      if (i >= this.length) {
        this.pos = this.length;
        return -1;
      }
      const c = text.charCodeAt(i);
      if (c === TAB) handOver();
      if (c === LF || (c === HASH && comments)) {
        const lineEnd = text.indexOf('\n', i);
        if (lineEnd === -1) {
          this.pos = this.length;
          return -1;
        }
        this.pos = lineEnd + 1;
        this.lineStart = this.pos;
        continue;
      }
      this.pos = i;
      return i - this.lineStart;
    }
  }

  /** Past the rest of the line after a node: spaces, a comment after a space, the line break. */
  private finishLine(): void {
    const text = this.text;
    let i = this.pos;
    while (i < this.length && text.charCodeAt(i) === SPACE) i++;
    if (i >= this.length) {
      this.pos = this.length;
      return;
    }
    let c = text.charCodeAt(i);
    if (c === HASH) {
      // A comment needs a space before it; `"a"#b` is an error the library reports.
      if (i === this.pos) handOver();
      const lineEnd = text.indexOf('\n', i);
      i = lineEnd === -1 ? this.length : lineEnd;
      c = i < this.length ? LF : NaN;
    }
    if (i >= this.length) {
      this.pos = this.length;
      return;
    }
    if (c !== LF) handOver();
    this.pos = i + 1;
    this.lineStart = this.pos;
  }

  private isSequenceItem(): boolean {
    if (this.text.charCodeAt(this.pos) !== DASH) return false;
    const next = this.text.charCodeAt(this.pos + 1);
    return next === SPACE || next === LF || Number.isNaN(next);
  }

  /** After a scalar that ends its line: a deeper line next would continue it (or be an error). */
  private noDeeperLine(indent: number): void {
    const column = this.nextContentLine();
    if (column > indent) handOver();
  }

  /** Where the key on this line ends (at its `:`), if the line holds `key:` here; -1 when not. */
  private keyEnd(): number {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = this.quoteEnd();
      return close !== -1 && text.charCodeAt(close) === COLON && this.separates(close + 1) ? close : -1;
    }
    if (!startsPlain(c, text.charCodeAt(this.pos + 1))) return -1;
    for (let i = this.pos + 1; i < this.length; i++) {
      const d = text.charCodeAt(i);
      if (d === LF) return -1;
      if (d === TAB) handOver();
      if (d === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
      if (d === COLON && this.separates(i + 1)) return i;
    }
    return -1;
  }

  /** Is the character at `i` a space, a line break, or the end: what makes `:` or `-` an indicator. */
  private separates(i: number): boolean {
    if (i >= this.length) return true;
    const c = this.text.charCodeAt(i);
    if (c === TAB) handOver();
    return c === SPACE || c === LF;
  }

  /**
   * Offset just past the closing quote of the quoted scalar at `pos`, or -1 when it does not
   * close on its line. With `indent`, the scalar may go on over lines indented past it.
   */
  private quoteEnd(indent = -1): number {
    const text = this.text;
    const quote = text.charCodeAt(this.pos);
    for (let i = this.pos + 1; i < this.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) {
        if (indent === -1) return -1;
        let j = i + 1;
        while (j < this.length && text.charCodeAt(j) === SPACE) j++;
        const first = j < this.length ? text.charCodeAt(j) : LF;
        if (first === TAB) handOver();
        // A line that is not indented past the holding collection ends nothing here: an error.
        if (first !== LF && j - (i + 1) <= indent) handOver();
        continue;
      }
      // The escaped character is skipped, unless it is the line break an escape can end a line with.
      if (quote === DOUBLE_QUOTE && c === 0x5c && text.charCodeAt(i + 1) !== LF) {
        i++;
        continue;
      }
      if (c === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return -1;
  }

  private quotedValue(start: number, end: number): string {
    const text = this.text;
    const source = text.slice(start, end);
    const quote = text.charCodeAt(start);
    const plain = quote === DOUBLE_QUOTE ? source.indexOf('\\') === -1 : source.indexOf("''") === -1;
    if (plain && source.indexOf('\n') === -1) return source.slice(1, -1);
    const type = quote === DOUBLE_QUOTE ? 'double-quoted-scalar' : 'single-quoted-scalar';
    return CST.resolveAsScalar({ type, offset: start, indent: 0, source }, true, handOver).value;
  }

  /** A block mapping at `indent` whose first key is at `pos`, or a hand-over when there is no key. */
  private mappingIfKey(indent: number): ObjectNode {
    if (this.keyEnd() === -1) handOver();
    return this.mapping(indent);
  }

  private mapping(indent: number): ObjectNode {
    const text = this.text;
    const object = objectNode(this.pos, 0);
    const open = this.openProperties;
    const first = open.length;
    let index: Map<string, KeyNode> | undefined;
    for (;;) {
      const keyStart = this.pos;
      const colon = this.keyEnd();
      if (colon === -1) handOver();
      const quoted = text.charCodeAt(keyStart) === DOUBLE_QUOTE || text.charCodeAt(keyStart) === SINGLE_QUOTE;
      // `key :` and other spacing before the colon are left to the other readers.
      if (!quoted && text.charCodeAt(colon - 1) === SPACE) handOver();
      const keyLength = colon - keyStart;
      if (keyLength > MAX_IMPLICIT_KEY_LENGTH) handOver();
      const key = quoted ? this.quotedValue(keyStart, colon) : text.slice(keyStart, colon);
      const property = propertyNode(object, key, keyStart, keyLength);
      open.push(property);
      index = this.duplicates.check(open, first, index);
      this.pos = colon + 1;
      setPropertyValue(property, this.value(indent, false), this.end);
      const column = this.nextContentLine();
      if (column < indent) break;
      if (column > indent) handOver();
      // A `-` here is no key: the mapping ends and whoever holds it judges the line.
      if (this.isSequenceItem()) break;
    }
    this.end = closeBlockMapping(object, open, first);
    return object;
  }

  private sequence(indent: number): ArrayNode {
    const array = arrayNode(this.pos, 0);
    const open = this.openItems;
    const first = open.length;
    let end: number;
    for (;;) {
      this.pos++;
      const item = this.value(indent, true);
      open.push(item);
      item.parent = array;
      end = this.end;
      const column = this.nextContentLine();
      if (column < indent) break;
      if (column > indent) handOver();
      if (!this.isSequenceItem()) break;
    }
    array.items = takeOpen(open, first);
    array.length = end - array.offset;
    this.end = end;
    return array;
  }

  /**
   * The node after a `:` or `-` indicator at `pos`: on the same line, or on the following
   * lines when they are indented past `indent` (the column of the holding collection); an
   * empty node when there is none. A sequence may stand at the column of the key holding it.
   */
  private value(indent: number, inSequence: boolean): ValueNode {
    const text = this.text;
    const emptyAt = this.pos;
    let i = this.pos;
    while (i < this.length && text.charCodeAt(i) === SPACE) i++;
    const c = i < this.length ? text.charCodeAt(i) : LF;
    if (c === TAB) handOver();
    if (c === LF || c === HASH) {
      this.finishLine();
      const column = this.nextContentLine();
      const sequenceHere = column !== -1 && this.isSequenceItem();
      if (column === -1 || column < indent || (column === indent && (inSequence || !sequenceHere))) {
        this.end = emptyAt;
        return nullNode(emptyAt, 0);
      }
      if (sequenceHere) return this.sequence(column);
      // Only collections start on the line after their key here; a lone scalar there is rare.
      return this.mappingIfKey(column);
    }
    this.pos = i;
    const column = i - this.lineStart;
    if (this.isSequenceItem()) {
      // `- - item` nests a sequence in a sequence item; after a key it is an error.
      if (!inSequence) handOver();
      return this.sequence(column);
    }
    if (this.keyEnd() !== -1) {
      // `- key: value` starts a mapping in a sequence item; after a key it is an error.
      if (!inSequence) handOver();
      return this.mapping(column);
    }
    switch (c) {
      case 0x7c: // |
      case 0x3e: // >
        return this.blockScalar(indent);
      case DOUBLE_QUOTE:
      case SINGLE_QUOTE: {
        const end = this.quoteEnd(indent);
        if (end === -1) handOver();
        const node = stringNode(i, end - i, this.quotedValue(i, end));
        this.lineStart = text.lastIndexOf('\n', end - 1) + 1;
        this.pos = end;
        this.end = end;
        this.finishLine();
        this.noDeeperLine(indent);
        return node;
      }
      case 0x5b: // [
      case 0x7b: {
        // {
        // Only empty flow collections: `[]` and `{}`.
        if (text.charCodeAt(i + 1) !== (c === 0x5b ? 0x5d : 0x7d)) handOver();
        const node = c === 0x5b ? arrayNode(i, 2) : objectNode(i, 2);
        this.pos = i + 2;
        this.end = i + 2;
        this.finishLine();
        this.noDeeperLine(indent);
        return node;
      }
      default:
        if (!startsPlain(c, text.charCodeAt(i + 1))) handOver();
        return this.plainScalar(indent);
    }
  }

  /**
   * A plain scalar at `pos`: to the end of its line or a comment, without the spaces before
   * them, continued on the following lines that are indented past `indent` (the holding
   * collection's column), which fold into one value as the library folds them.
   */
  private plainScalar(indent: number): ValueNode {
    const text = this.text;
    const start = this.pos;
    let { end, commented } = this.plainLine(start);
    let multiLine = false;
    if (!commented) {
      for (;;) {
        // The scalar ends at its last line; blank lines between lines are part of it.
        this.pos = end;
        this.finishLine();
        const column = this.nextContentLine(false);
        if (column <= indent) break;
        // A comment line among or after the lines of a scalar is left to the others.
        if (text.charCodeAt(this.pos) === HASH) handOver();
        const line = this.plainLine(this.pos);
        end = line.end;
        multiLine = true;
        if (line.commented) break;
      }
    }
    const source = text.slice(start, end);
    const value = multiLine ? CST.resolveAsScalar({ type: 'scalar', offset: start, indent: 0, source }, true, handOver).value : source;
    const node = plainScalarNode(value, start, end - start);
    this.pos = end;
    this.end = end;
    this.finishLine();
    this.noDeeperLine(indent);
    return node;
  }

  /** One line of a plain scalar from `from`: where its text ends, and whether a comment follows on the line. */
  private plainLine(from: number): { end: number; commented: boolean } {
    const text = this.text;
    let end = from;
    for (let i = from; i < this.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) break;
      if (c === TAB) handOver();
      if (c === SPACE) continue;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) return { end, commented: true };
      // `: ` inside the text would make it a key, or an error.
      if (c === COLON && this.separates(i + 1)) handOver();
      end = i + 1;
    }
    return { end, commented: false };
  }

  /**
   * A literal or folded block scalar whose header is at `pos`, held by a collection at
   * column `indent`. Its lines run while they are indented at least as deep as its first
   * line; its value is what the library makes of those lines.
   */
  private blockScalar(indent: number): ValueNode {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    if (text.charCodeAt(i) === DASH) i++;
    const headerEnd = i;
    const after = text.charCodeAt(i);
    // Keep chomping (+) and explicit indentation are left to the other readers.
    if (after !== SPACE && after !== LF && after !== HASH) handOver();
    this.pos = headerEnd;
    if (after === HASH) handOver();
    this.finishLine();
    const bodyStart = this.pos;
    if (bodyStart >= this.length || this.lineStart !== bodyStart) handOver();
    let contentIndent = -1;
    /** The most spaces on a blank line before the first line of content. */
    let leadingSpaces = 0;
    let contentEnd = bodyStart;
    let lineStart = bodyStart;
    while (lineStart < this.length) {
      let j = lineStart;
      while (j < this.length && text.charCodeAt(j) === SPACE) j++;
      const spaces = j - lineStart;
      const c = j < this.length ? text.charCodeAt(j) : LF;
      if (c === TAB) handOver(); // tabs around the indentation of a block scalar are the library's to judge
      const lineEndAt = text.indexOf('\n', j);
      const lineEnd = lineEndAt === -1 ? this.length : lineEndAt;
      if (c === LF && spaces <= contentIndent) {
        // A blank line: part of the scalar only if content follows.
      } else if (c === LF) {
        // Spaces past the indentation are content; before the first line, they are checked there.
        if (contentIndent === -1) leadingSpaces = Math.max(leadingSpaces, spaces);
        else contentEnd = lineEnd;
      } else {
        if (contentIndent === -1) {
          // An empty scalar, or blank lines deeper than the first line (an error), are the others' to read.
          if (spaces <= indent || leadingSpaces > spaces) handOver();
          contentIndent = spaces;
        }
        if (spaces < contentIndent) {
          if (spaces > indent) handOver();
          break;
        }
        contentEnd = lineEnd;
      }
      if (lineEndAt === -1) {
        lineStart = this.length;
        break;
      }
      lineStart = lineEndAt + 1;
    }
    const bodyEnd = contentEnd < this.length ? contentEnd + 1 : contentEnd;
    const source = text.slice(bodyStart, bodyEnd);
    const header = text.slice(start, headerEnd);
    const value = CST.resolveAsScalar(
      { type: 'block-scalar', offset: start, indent, props: [{ type: 'block-scalar-header', offset: start, indent, source: header }], source },
      true,
      handOver,
    ).value;
    const end = blockScalarEnd(text, start, bodyEnd);
    this.pos = bodyEnd;
    this.lineStart = bodyEnd;
    this.end = end;
    return stringNode(start, end - start, value);
  }
}
