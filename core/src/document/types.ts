/**
 * The parsed tree every feature reads. It mirrors the shape of
 * vscode-json-languageservice's AST: small typed nodes that carry their source
 * `offset` and `length` (UTF-16 code units into the document text) and a parent link,
 * so a diagnostic can underline the exact key or value in YAML and JSON alike.
 */

export type ValueNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode;
export type AnyNode = ValueNode | PropertyNode;

interface NodeBase {
  /** Start of the node's source text (for a tagged YAML node: the value itself, after the tag). */
  offset: number;
  length: number;
  /** The object property or array that holds this node; undefined for the root. */
  parent: PropertyNode | ArrayNode | undefined;
  /**
   * A YAML tag written on the node, e.g. `!Sub`, `!Ref`, `!GetAtt`. CloudFormation
   * short-form intrinsics arrive here; JSON nodes never have one.
   */
  tag?: string;
}

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  properties: PropertyNode[];
}

export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  items: ValueNode[];
}

export interface StringNode extends NodeBase {
  readonly kind: 'string';
  value: string;
}

export interface NumberNode extends NodeBase {
  readonly kind: 'number';
  value: number;
  /** The number as written (`1.0`, `0x1F`), so `payloadFormatVersion: 1.0` can be read back as "1.0". */
  source: string;
}

export interface BooleanNode extends NodeBase {
  readonly kind: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  readonly kind: 'null';
}

/** A key of a mapping; its value is always the key's text as a string (YAML `200:` gives "200"). */
export interface KeyNode {
  readonly kind: 'key';
  value: string;
  offset: number;
  length: number;
  parent: PropertyNode;
}

export interface PropertyNode {
  readonly kind: 'property';
  keyNode: KeyNode;
  /** Undefined only where the text is broken (`key:` followed by nothing is a null node, not undefined). */
  valueNode: ValueNode | undefined;
  /** From the start of the key to the end of the value. */
  offset: number;
  length: number;
  parent: ObjectNode;
}

export type DocumentFormat = 'yaml' | 'json';

/** A problem found while reading the text itself (syntax, duplicate keys, alias bombs). */
export interface ParseProblem {
  code: string;
  message: string;
  offset: number;
  length: number;
  severity: 'error' | 'warning';
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}
