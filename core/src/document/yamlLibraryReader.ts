import {
  type Alias,
  isAlias,
  isMap,
  isPair,
  isScalar,
  type Pair,
  parseDocument,
  type ParsedNode,
  type Scalar,
  type YAMLError,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { DuplicateKeyReporter } from './duplicateKeys';
import type { LineIndex } from './lineIndex';
import {
  arrayNode,
  booleanNode,
  nullNode,
  numberNode,
  objectNode,
  propertyNode,
  pushItem,
  type ReadTree,
  setPropertyValue,
  stringNode,
} from './nodes';
import { SYNTAX_CODE } from './problemCodes';
import type { KeyNode, ObjectNode, ParseProblem, ValueNode } from './types';
import { blockScalarEnd } from './yamlScalars';

/*
 * The slow path: the `yaml` package's full parser, for every text the fast path does not
 * take (syntax errors included, where it still yields a partial tree). Its document is
 * converted to our nodes with the same ranges the fast path gives.
 */

/** Messages of the library that speak of its API rather than of the text. */
const REWORDED: Partial<Record<YAMLError['code'], string>> = {
  MULTIPLE_DOCS: 'This file holds more than one YAML document; only the first one is read.',
};

/** The library names tokens by their lexer type; a reader knows them by how they look. */
const TOKEN_NAMES: Record<string, string> = {
  'block-seq-ind': "'-'",
  'seq-item-ind': "'-'",
  'map-value-ind': "':'",
  'explicit-key-ind': "'?'",
  'flow-map-start': "'{'",
  'flow-map-end': "'}'",
  'flow-seq-start': "'['",
  'flow-seq-end': "']'",
  'doc-start': "'---'",
  'doc-end': "'...'",
  comma: "','",
};
const TOKEN_NAME = new RegExp(`\\b(?:${Object.keys(TOKEN_NAMES).join('|')})\\b(?: token)?`, 'g');

export function readYamlWithLibrary(text: string, lines: LineIndex): ReadTree {
  const problems: ParseProblem[] = [];
  // Duplicate keys are reported by our own check, with API Gateway's reading of them.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  for (const error of doc.errors) problems.push(libraryProblem(text, error, 'error'));
  for (const warning of doc.warnings) {
    // CloudFormation intrinsics (`!Ref`, `!Sub`, ...) and other local tags are expected.
    if (warning.code === 'TAG_RESOLVE_FAILED' && warning.message.startsWith('Unresolved tag')) continue;
    problems.push(libraryProblem(text, warning, 'warning'));
  }
  const converter = new LibraryTreeConverter(text, new DuplicateKeyReporter(lines, problems), problems);
  const root = doc.contents === null ? undefined : converter.value(doc.contents);
  problems.sort((a, b) => a.offset - b.offset);
  return { root, problems, aliases: converter.aliases };
}

/** A library error as a problem on the first line of the library's range: enough to spot it. */
function libraryProblem(text: string, error: YAMLError, severity: 'error' | 'warning'): ParseProblem {
  const offset = Math.min(Math.max(error.pos[0], 0), text.length);
  let end = Math.min(Math.max(error.pos[1], offset), text.length);
  const lineBreak = text.slice(offset, end).search(/[\r\n]/);
  if (lineBreak > 0) end = offset + lineBreak;
  if (end === offset && offset < text.length && text[offset] !== '\n' && text[offset] !== '\r') end++;
  const message =
    REWORDED[error.code] ?? error.message.replace(TOKEN_NAME, (name) => TOKEN_NAMES[name.replace(/ token$/, '')]);
  return { code: SYNTAX_CODE, message, offset, length: end - offset, severity };
}

/** The library writes standard tags out in full; the short form is how they appear in the text. */
function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

class LibraryTreeConverter {
  private readonly anchors = new Map<string, ValueNode>();
  aliases = false;
  /** Anchors whose node is being converted: an alias to one of them would be endless. */
  private readonly openAnchors = new Set<string>();
  /** End of the source of the node converted last (for an alias: of the alias itself). */
  private end = 0;

  constructor(
    private readonly text: string,
    private readonly duplicates: DuplicateKeyReporter,
    private readonly problems: ParseProblem[],
  ) {}

  value(node: ParsedNode): ValueNode {
    if (isAlias(node)) return this.alias(node);
    const anchor = node.anchor;
    if (anchor !== undefined) this.openAnchors.add(anchor);
    let result: ValueNode;
    if (isScalar(node)) result = this.scalar(node);
    else if (isMap(node)) result = this.mapping(node);
    else result = this.sequence(node);
    if (node.tag !== undefined) result.tag = shortTag(node.tag);
    if (anchor !== undefined) {
      this.openAnchors.delete(anchor);
      this.anchors.set(anchor, result);
    }
    return result;
  }

  private alias(node: Alias.Parsed): ValueNode {
    const [start, end] = node.range;
    this.end = end;
    const name = node.source;
    const target = this.anchors.get(name);
    this.aliases = true;
    if (target !== undefined && !this.openAnchors.has(name)) return target;
    this.problems.push({
      code: SYNTAX_CODE,
      message: this.openAnchors.has(name)
        ? `The alias *${name} is inside the node anchored &${name}, so its value would never end.`
        : `Unknown alias *${name}: no anchor &${name} comes before it.`,
      offset: start,
      length: end - start,
      severity: 'error',
    });
    return nullNode(start, end - start);
  }

  /** Where a scalar's node starts and ends (see blockScalarEnd and the empty case). */
  private scalarExtent(node: Scalar.Parsed): [number, number] {
    const [start, end] = node.range;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return [start, blockScalarEnd(this.text, start, end)];
    if (start !== end) return [start, end];
    // An empty node sits right after its indicator or last property, not after the spaces.
    let offset = start;
    while (offset > 0 && (this.text[offset - 1] === ' ' || this.text[offset - 1] === '\t')) offset--;
    return [offset, offset];
  }

  private scalar(node: Scalar.Parsed): ValueNode {
    const [offset, end] = this.scalarExtent(node);
    const length = end - offset;
    this.end = end;
    const value: unknown = node.value;
    if (value === null) return nullNode(offset, length);
    switch (typeof value) {
      case 'boolean':
        return booleanNode(offset, length, value);
      case 'number':
        return numberNode(offset, length, value, node.source);
      case 'string':
        return stringNode(offset, length, value);
      default:
        // Standard tags such as !!binary give other JS values; the text as written is what matters here.
        return stringNode(offset, length, node.source);
    }
  }

  private mapping(node: YAMLMap.Parsed): ObjectNode {
    const object = objectNode(node.range[0], 0);
    this.addPairs(object, node.items);
    if (node.flow) {
      object.length = node.range[1] - node.range[0];
      this.end = node.range[1];
    } else {
      const first = object.properties[0];
      if (first !== undefined) object.offset = first.offset;
      object.length = this.end - object.offset;
    }
    return object;
  }

  private addPairs(object: ObjectNode, pairs: readonly Pair<ParsedNode, ParsedNode | null>[]): void {
    let index: Map<string, KeyNode> | undefined;
    for (const pair of pairs) {
      const key = this.key(pair.key, pair.value);
      const property = propertyNode(object, key.value, key.offset, key.length);
      object.properties.push(property);
      index = this.duplicates.check(object.properties, 0, index);
      if (pair.value === null) {
        setPropertyValue(property, nullNode(key.offset + key.length, 0), key.offset + key.length);
      } else {
        setPropertyValue(property, this.value(pair.value), this.end);
      }
    }
  }

  /** A key's text, which is what API Gateway sees whatever the key would resolve to. */
  private key(key: ParsedNode | null, value: ParsedNode | null): { value: string; offset: number; length: number } {
    if (key === null) {
      const at = value === null ? 0 : value.range[0];
      return { value: '', offset: at, length: 0 };
    }
    if (isScalar(key)) {
      const [offset, end] = this.scalarExtent(key);
      if (key.anchor !== undefined) this.anchors.set(key.anchor, stringNode(offset, end - offset, key.source));
      return { value: key.source, offset, length: end - offset };
    }
    if (isAlias(key)) {
      const target = this.alias(key);
      const value = target.kind === 'string' ? target.value : this.text.slice(target.offset, target.offset + target.length);
      return { value, offset: key.range[0], length: key.range[1] - key.range[0] };
    }
    // A collection as a key: convert it so anchors inside it are known, and use its text.
    const converted = this.value(key);
    return {
      value: this.text.slice(converted.offset, converted.offset + converted.length),
      offset: converted.offset,
      length: converted.length,
    };
  }

  private sequence(node: YAMLSeq.Parsed<ParsedNode | Pair<ParsedNode, ParsedNode | null>>): ValueNode {
    const array = arrayNode(node.range[0], 0);
    let end = node.range[0];
    for (const item of node.items) {
      if (isPair(item)) {
        // `[key: value]` in a flow sequence is a mapping with that one pair.
        const object = objectNode(0, 0);
        this.addPairs(object, [item]);
        const property = object.properties[0];
        object.offset = property.offset;
        object.length = property.length;
        pushItem(array, object);
      } else {
        pushItem(array, this.value(item));
      }
      end = this.end;
    }
    if (node.flow) end = node.range[1];
    array.length = end - array.offset;
    this.end = end;
    return array;
  }
}
