import { CST, Lexer } from 'yaml';
import { DuplicateKeyReporter } from './duplicateKeys';
import type { LineIndex } from './lineIndex';
import {
  arrayNode,
  nullNode,
  objectNode,
  propertyNode,
  type ReadTree,
  setPropertyValue,
  stringNode,
  takeOpen,
  closeBlockMapping,
} from './nodes';
import type { ArrayNode, KeyNode, ObjectNode, ParseProblem, PropertyNode, ValueNode } from './types';
import { readYamlBlocks } from './yamlBlockReader';
import { blockScalarEnd, plainScalarNode } from './yamlScalars';

/*
 * The fast path: builds the tree straight from the `yaml` package's Lexer tokens, skipping
 * its CST parser and composer, which take four to six times as long as the lexer on a
 * large definition. It only accepts what it can read exactly as the library would; on
 * anything else (an error, or a construct it does not handle) it gives up and the caller
 * parses the text with the library instead. So it never has to report syntax errors.
 */

/** Thrown to unwind the whole reader at once when the text needs the full library. */
class FastPathUnsupported extends Error {}

/** The library rejects implicit keys longer than this. */
const MAX_IMPLICIT_KEY_LENGTH = 1024;

/**
 * Reads `text` on the fast path, or returns undefined when the text needs the full
 * library (including every text with a syntax error).
 */
export function readYamlFast(text: string, lines: Pick<LineIndex, 'positionAt'>): ReadTree | undefined {
  const blocks = readYamlBlocks(text, lines);
  if (blocks) return blocks;
  // A lone \r is no line break to the library (it usually reports errors there), but it is
  // to line positions: rare enough to leave to the library rather than track here.
  if (text.indexOf('\r') !== -1 && /\r(?!\n)/.test(text)) return undefined;
  const problems: ParseProblem[] = [];
  try {
    const reader = new FastYamlReader(text, new DuplicateKeyReporter(lines, problems));
    const root = reader.read();
    return { root, problems, aliases: reader.aliases };
  } catch (error) {
    // A RangeError is a stack overflow on absurdly deep nesting; the library may cope.
    if (error instanceof FastPathUnsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}

function giveUp(reason: string): never {
  throw new FastPathUnsupported(reason);
}

function onScalarError(_offset: number, _code: string, message: string): void {
  giveUp(message);
}

/** Tags the fast path handles: local ones such as `!Ref`, which resolve to their natural kind. */
function isLocalTag(tag: string): boolean {
  return tag.length > 1 && tag.indexOf('!', 1) === -1 && tag.indexOf('<') === -1 && tag.indexOf('%') === -1;
}

function checkPlainStart(source: string): void {
  // The lexer marks an empty node in a flow collection with an empty scalar, which the
  // library places differently from the empty nodes the fast path handles.
  if (source === '') giveUp('empty plain scalar');
  switch (source.charCodeAt(0)) {
    case 0x2c: // ,
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
    case 0x7c: // | (in a flow collection the lexer leaves these to the scalar)
    case 0x3e: // >
      giveUp('plain scalar starts with a reserved character');
  }
}

class FastYamlReader {
  private readonly tokens: Generator<string, void>;
  /** The current token; undefined at the end of the text. */
  private tok: string | undefined;
  /** Source offset of the current token. */
  private off = 0;
  /** Offset where the line of the current token starts; columns are measured from it. */
  private lineStart = 0;
  /** End of the source of the node read last (for an alias: of the alias itself). */
  private end = 0;
  private readonly anchors = new Map<string, ValueNode>();
  aliases = false;
  /*
   * Properties and items of the collections being read, innermost last. Each collection
   * copies its own out at its end: an exact-size array, where pushing onto a fresh one
   * would leave most small collections holding a mostly empty backing store.
   */
  private readonly openProperties: PropertyNode[] = [];
  private readonly openItems: ValueNode[] = [];

  constructor(
    private readonly text: string,
    private readonly duplicates: DuplicateKeyReporter,
  ) {
    this.tokens = new Lexer().lex(text);
    this.tok = this.pull();
  }

  read(): ValueNode | undefined {
    if (this.tok === CST.BOM) this.step();
    this.skipTrivia();
    if (this.tok === undefined) return undefined;
    if (this.tok !== CST.DOCUMENT) giveUp('directive before the document');
    this.stepControl();
    if (this.is('---')) {
      this.step();
      this.skipSpaces();
      if (!this.atLineEnd()) giveUp('content on the document start line');
    }
    this.skipTrivia();
    if (this.tok === undefined) giveUp('document without content');
    const column = this.off - this.lineStart;
    const root = this.is('-') ? this.blockSequence(column) : this.nodeAt(column, true, 0);
    this.skipTrivia();
    if (this.tok !== undefined) giveUp('more after the document');
    return root;
  }

  private pull(): string | undefined {
    const result = this.tokens.next();
    return result.done ? undefined : result.value;
  }

  /** Steps past the current token, which is source text. */
  private step(): void {
    this.off += (this.tok as string).length;
    this.tok = this.pull();
  }

  /** Steps past a marker the lexer inserts, which has no width in the source. */
  private stepControl(): void {
    this.tok = this.pull();
  }

  /** Compares the current token; a method, so TypeScript does not carry a comparison across a step. */
  private is(token: string): boolean {
    return this.tok === token;
  }

  private atLineEnd(): boolean {
    const t = this.tok;
    if (t === undefined) return true;
    const c = t.charCodeAt(0);
    return c === 0x0a || c === 0x0d || c === 0x23;
  }

  private skipSpaces(): void {
    let t = this.tok;
    while (t !== undefined && t.charCodeAt(0) === 0x20) {
      if (t.indexOf('\t') !== -1) giveUp('tab in whitespace');
      this.step();
      t = this.tok;
    }
    if (t !== undefined && t.charCodeAt(0) === 0x09) giveUp('tab in whitespace');
  }

  /** Skips spaces, comments and line breaks, tracking where each new line starts. */
  private skipTrivia(): void {
    for (;;) {
      const t = this.tok;
      if (t === undefined) return;
      switch (t.charCodeAt(0)) {
        case 0x0a:
          this.step();
          this.lineStart = this.off;
          break;
        case 0x0d:
          if (t !== '\r\n') giveUp('carriage return');
          this.step();
          this.lineStart = this.off;
          break;
        case 0x20:
          if (t.indexOf('\t') !== -1) giveUp('tab in whitespace');
          this.step();
          break;
        case 0x23: {
          const before = this.off > 0 ? this.text.charCodeAt(this.off - 1) : 0x0a;
          // The library reports a comment glued to the token before it (`"a"#b`).
          if (before !== 0x20 && before !== 0x0a && before !== 0x09) giveUp('comment without space');
          this.step();
          break;
        }
        default:
          return;
      }
    }
  }

  /**
   * Reads the node after a `:` or `-` indicator: on the same line, or on the following
   * lines when they are indented past `indent` (the column of the holding collection); an
   * empty node when there is none. A sequence may stand at the same column as the key
   * that holds it.
   */
  private blockValue(indent: number, inSequence: boolean): ValueNode {
    let emptyAt = this.off;
    let tag: string | undefined;
    let anchor: string | undefined;
    /** Start of the line the last tag or anchor stood on. */
    let propertiesLine = -1;
    let onIndicatorLine = true;
    let node: ValueNode | undefined;
    for (;;) {
      this.skipSpaces();
      if (this.atLineEnd()) {
        this.skipTrivia();
        onIndicatorLine = false;
        const t = this.tok;
        const column = this.off - this.lineStart;
        if (t === undefined || column < indent || (column === indent && (t !== '-' || inSequence))) break;
      }
      const t = this.tok as string;
      const c = t.charCodeAt(0);
      if (c === 0x21 || c === 0x26) {
        if (c === 0x21) {
          if (tag !== undefined || !isLocalTag(t)) giveUp('tag');
          tag = t;
        } else {
          if (anchor !== undefined || t.length === 1) giveUp('anchor');
          anchor = t.slice(1);
        }
        propertiesLine = this.lineStart;
        this.step();
        emptyAt = this.off;
        if (!this.atLineEnd() && this.tok?.charCodeAt(0) !== 0x20) giveUp('property not followed by space');
        continue;
      }
      const column = this.off - this.lineStart;
      // Properties before an implicit key on its line belong to the key, which is rare.
      const propertiesHere = propertiesLine === this.lineStart;
      if (t === '-') {
        if (propertiesHere || (onIndicatorLine && !inSequence)) giveUp('sequence on the line of its key');
        node = this.blockSequence(column);
      } else {
        if ((tag !== undefined || anchor !== undefined) && c === 0x2a) giveUp('alias with properties');
        node = this.nodeAt(column, (inSequence || !onIndicatorLine) && !propertiesHere, indent);
      }
      break;
    }
    if (node === undefined) {
      node = nullNode(emptyAt, 0);
      this.end = emptyAt;
    }
    if (tag !== undefined) node = this.withTag(node, tag);
    if (anchor !== undefined) this.anchors.set(anchor, node);
    return node;
  }

  /** A scalar with a local tag resolves to a string (empty for an empty node), whatever its text looks like. */
  private withTag(node: ValueNode, tag: string): ValueNode {
    let tagged = node;
    if (node.kind === 'null' || node.kind === 'boolean' || node.kind === 'number') {
      // Only single-line plain scalars resolve to these, so their text is their value.
      tagged = stringNode(node.offset, node.length, this.text.slice(node.offset, node.offset + node.length));
    }
    tagged.tag = tag;
    return tagged;
  }

  /**
   * Reads the node whose first token is the current one, at `column`. With `allowKey`, a
   * scalar followed by `:` starts a block mapping at that column. `indent` is the column
   * of the holding collection, which block scalars are measured from.
   */
  private nodeAt(column: number, allowKey: boolean, indent: number): ValueNode {
    const t = this.tok as string;
    const start = this.off;
    switch (t.charCodeAt(0)) {
      case 0x1f: {
        this.stepControl();
        const source = this.tok as string;
        this.step();
        checkPlainStart(source);
        if (source.indexOf('\n') === -1) {
          if (allowKey && this.followedByColon()) return this.blockMapping(column, source, start, source.length);
          this.rejectColon();
          this.end = start + source.length;
          return plainScalarNode(source, start, source.length);
        }
        this.lineStart = start + source.lastIndexOf('\n') + 1;
        this.rejectColon();
        const folded = CST.resolveAsScalar({ type: 'scalar', offset: start, indent: 0, source }, true, onScalarError);
        this.end = start + source.length;
        return plainScalarNode(folded.value, start, source.length);
      }
      case 0x22:
      case 0x27: {
        this.step();
        const value = this.quotedValue(t, start);
        if (t.indexOf('\n') === -1) {
          if (allowKey && this.followedByColon()) return this.blockMapping(column, value, start, t.length);
        } else {
          this.lineStart = start + t.lastIndexOf('\n') + 1;
        }
        this.rejectColon();
        this.end = start + t.length;
        return stringNode(start, t.length, value);
      }
      case 0x7c:
      case 0x3e:
        return this.blockScalar(indent);
      case 0x5b:
      case 0x7b: {
        const node = this.flowCollection();
        this.rejectColon();
        return node;
      }
      case 0x2a: {
        const node = this.alias();
        this.rejectColon();
        return node;
      }
      default:
        return giveUp(`unhandled token ${JSON.stringify(t)}`);
    }
  }

  private followedByColon(): boolean {
    this.skipSpaces();
    return this.tok === ':';
  }

  private rejectColon(): void {
    if (this.followedByColon()) giveUp('complex or misplaced implicit key');
  }

  /** Reads a block mapping at `indent` whose first key has been read; the current token is its `:`. */
  private blockMapping(indent: number, firstKey: string, keyOffset: number, keyLength: number): ObjectNode {
    const object = objectNode(keyOffset, 0);
    const open = this.openProperties;
    const first = open.length;
    let index: Map<string, KeyNode> | undefined;
    let key = firstKey;
    for (;;) {
      if (keyLength > MAX_IMPLICIT_KEY_LENGTH) giveUp('long implicit key');
      const property = propertyNode(object, key, keyOffset, keyLength);
      open.push(property);
      index = this.duplicates.check(open, first, index);
      this.step();
      setPropertyValue(property, this.blockValue(indent, false), this.end);
      this.skipTrivia();
      const t = this.tok;
      if (t === undefined) break;
      const column = this.off - this.lineStart;
      if (column < indent) break;
      if (column > indent) giveUp('unexpected indentation');
      keyOffset = this.off;
      const c = t.charCodeAt(0);
      if (c === 0x1f) {
        this.stepControl();
        key = this.tok as string;
        if (key.indexOf('\n') !== -1) giveUp('multi-line key');
        checkPlainStart(key);
        this.step();
        keyLength = key.length;
      } else if (c === 0x22 || c === 0x27) {
        if (t.indexOf('\n') !== -1) giveUp('multi-line key');
        this.step();
        key = this.quotedValue(t, keyOffset);
        keyLength = t.length;
      } else {
        // Not a key: the mapping ends and whoever holds it judges the token.
        break;
      }
      if (!this.followedByColon()) giveUp('key without a colon');
    }
    this.end = closeBlockMapping(object, open, first);
    return object;
  }

  /** Reads a block sequence at `indent`; the current token is its first `-`. */
  private blockSequence(indent: number): ValueNode {
    const array = arrayNode(this.off, 0);
    const open = this.openItems;
    const first = open.length;
    let end: number;
    for (;;) {
      this.step();
      this.addItem(array, this.blockValue(indent, true));
      end = this.end;
      this.skipTrivia();
      const t = this.tok;
      if (t === undefined) break;
      const column = this.off - this.lineStart;
      if (column < indent) break;
      if (column > indent) giveUp('unexpected indentation');
      if (t !== '-') break;
    }
    array.items = takeOpen(open, first);
    array.length = end - array.offset;
    this.end = end;
    return array;
  }

  /** Reads a `|` or `>` block scalar held by a collection at column `indent`. */
  private blockScalar(indent: number): ValueNode {
    const start = this.off;
    const header = this.tok as string;
    this.step();
    this.skipSpaces();
    if (this.tok !== undefined && this.tok.charCodeAt(0) === 0x23) {
      if (this.text.charCodeAt(this.off - 1) !== 0x20) giveUp('comment without space');
      this.step();
    }
    if (this.tok === '\n' || this.tok === '\r\n') this.step();
    if (this.tok !== CST.SCALAR) giveUp('text after a block scalar header');
    this.stepControl();
    const body = this.tok as string;
    this.step();
    // The body runs to the end of its last line, so the next token starts a line.
    this.lineStart = this.off;
    const value = CST.resolveAsScalar(
      {
        type: 'block-scalar',
        offset: start,
        indent,
        props: [{ type: 'block-scalar-header', offset: start, indent, source: header }],
        source: body,
      },
      true,
      onScalarError,
    ).value;
    const end = blockScalarEnd(this.text, start, this.off);
    this.end = end;
    return stringNode(start, end - start, value);
  }

  private addItem(array: ArrayNode, item: ValueNode): void {
    this.openItems.push(item);
    // An alias brings in a node that already belongs where its anchor is; it keeps that parent.
    if (item.parent === undefined) item.parent = array;
  }

  private quotedValue(source: string, offset: number): string {
    const quote = source.charCodeAt(0);
    const last = source.length - 1;
    // The common case needs no unescaping or folding: one line, no escapes, closed.
    if (last > 0 && source.charCodeAt(last) === quote && source.indexOf('\n') === -1) {
      if (quote === 0x22 ? source.indexOf('\\') === -1 : source.indexOf("''") === -1) return source.slice(1, last);
    }
    const type = quote === 0x22 ? 'double-quoted-scalar' : 'single-quoted-scalar';
    return CST.resolveAsScalar({ type, offset, indent: 0, source }, true, onScalarError).value;
  }

  private alias(): ValueNode {
    const name = (this.tok as string).slice(1);
    const target = this.anchors.get(name);
    if (target === undefined) giveUp('unknown alias');
    this.aliases = true;
    this.step();
    this.end = this.off;
    return target;
  }

  private flowCollection(): ValueNode {
    const start = this.off;
    const open = this.tok;
    this.step();
    if (open === '[') {
      const array = arrayNode(start, 0);
      const first = this.openItems.length;
      for (;;) {
        this.skipTrivia();
        if (this.tok === ']') break;
        this.addItem(array, this.flowValue());
        this.skipTrivia();
        if (this.tok === ',') this.step();
        else if (this.tok !== ']') giveUp('flow sequence');
      }
      array.items = takeOpen(this.openItems, first);
      this.step();
      array.length = this.off - start;
      this.end = this.off;
      return array;
    }
    const object = objectNode(start, 0);
    const first = this.openProperties.length;
    let index: Map<string, KeyNode> | undefined;
    for (;;) {
      this.skipTrivia();
      const t = this.tok;
      if (t === '}') break;
      if (t === undefined) return giveUp('unclosed flow mapping');
      const keyOffset = this.off;
      let key: string;
      let keySource: string;
      const c = t.charCodeAt(0);
      if (c === 0x1f) {
        this.stepControl();
        keySource = key = this.tok as string;
        checkPlainStart(key);
        this.step();
      } else if (c === 0x22 || c === 0x27) {
        this.step();
        keySource = t;
        key = this.quotedValue(t, keyOffset);
      } else {
        return giveUp('complex flow key');
      }
      const keyLength = keySource.length;
      if (keySource.indexOf('\n') !== -1 || keyLength > MAX_IMPLICIT_KEY_LENGTH) giveUp('flow key');
      this.skipSpaces();
      if (this.tok !== ':') giveUp('flow key without value');
      this.step();
      this.skipTrivia();
      if (this.is(',') || this.is('}')) giveUp('empty flow value');
      const property = propertyNode(object, key, keyOffset, keyLength);
      this.openProperties.push(property);
      index = this.duplicates.check(this.openProperties, first, index);
      setPropertyValue(property, this.flowValue(), this.end);
      this.skipTrivia();
      if (this.is(',')) this.step();
      else if (!this.is('}')) giveUp('flow mapping');
    }
    object.properties = takeOpen(this.openProperties, first);
    this.step();
    object.length = this.off - start;
    this.end = this.off;
    return object;
  }

  private flowValue(): ValueNode {
    let tag: string | undefined;
    let anchor: string | undefined;
    for (let t = this.tok; t !== undefined; t = this.tok) {
      const c = t.charCodeAt(0);
      if (c === 0x21) {
        if (tag !== undefined || !isLocalTag(t)) giveUp('tag');
        tag = t;
      } else if (c === 0x26) {
        if (anchor !== undefined || t.length === 1) giveUp('anchor');
        anchor = t.slice(1);
      } else break;
      this.step();
      if (!this.atLineEnd() && this.tok?.charCodeAt(0) !== 0x20) giveUp('property not followed by space');
      this.skipTrivia();
    }
    const t = this.tok;
    if (t === undefined) return giveUp('unclosed flow collection');
    const start = this.off;
    let node: ValueNode;
    switch (t.charCodeAt(0)) {
      case 0x1f: {
        this.stepControl();
        const source = this.tok as string;
        this.step();
        checkPlainStart(source);
        let value = source;
        if (source.indexOf('\n') !== -1) {
          this.lineStart = start + source.lastIndexOf('\n') + 1;
          value = CST.resolveAsScalar({ type: 'scalar', offset: start, indent: 0, source }, true, onScalarError).value;
        }
        node = plainScalarNode(value, start, source.length);
        this.end = this.off;
        break;
      }
      case 0x22:
      case 0x27:
        this.step();
        if (t.indexOf('\n') !== -1) this.lineStart = start + t.lastIndexOf('\n') + 1;
        node = stringNode(start, t.length, this.quotedValue(t, start));
        this.end = this.off;
        break;
      case 0x5b:
      case 0x7b:
        node = this.flowCollection();
        break;
      case 0x2a:
        if (tag !== undefined || anchor !== undefined) giveUp('alias with properties');
        return this.alias();
      default:
        return giveUp(`unhandled flow token ${JSON.stringify(t)}`);
    }
    if (tag !== undefined) node = this.withTag(node, tag);
    if (anchor !== undefined) this.anchors.set(anchor, node);
    return node;
  }
}
