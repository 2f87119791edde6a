import type {
  ArrayNode,
  BooleanNode,
  KeyNode,
  NullNode,
  NumberNode,
  ObjectNode,
  ParseProblem,
  PropertyNode,
  StringNode,
  ValueNode,
} from './types';

/*
 * Every reader (YAML fast path, YAML library path, JSON) builds nodes through these
 * constructors, so all nodes of one kind share one property order and V8 keeps a single
 * hidden class per kind; the trees also compare equal field by field across readers.
 * Parents start undefined and are set by whoever attaches the node.
 */

/** What each reader produces from a text. */
export interface ReadTree {
  root: ValueNode | undefined;
  problems: ParseProblem[];
  /** The text has YAML aliases: some nodes stand at more than one place in the tree. */
  aliases?: boolean;
}

export function objectNode(offset: number, length: number): ObjectNode {
  return { kind: 'object', offset, length, parent: undefined, properties: [] };
}

export function arrayNode(offset: number, length: number): ArrayNode {
  return { kind: 'array', offset, length, parent: undefined, items: [] };
}

export function stringNode(offset: number, length: number, value: string): StringNode {
  return { kind: 'string', offset, length, parent: undefined, value };
}

export function numberNode(offset: number, length: number, value: number, source: string): NumberNode {
  return { kind: 'number', offset, length, parent: undefined, value, source };
}

export function booleanNode(offset: number, length: number, value: boolean): BooleanNode {
  return { kind: 'boolean', offset, length, parent: undefined, value };
}

export function nullNode(offset: number, length: number): NullNode {
  return { kind: 'null', offset, length, parent: undefined };
}

/** A property whose key is `key`; its value and length are filled in once the value is read. */
export function propertyNode(owner: ObjectNode, key: string, keyOffset: number, keyLength: number): PropertyNode {
  // The key and its property point at each other, so the key is built before its parent exists.
  const keyNode: KeyNode = {
    kind: 'key',
    value: key,
    offset: keyOffset,
    length: keyLength,
    parent: undefined as unknown as PropertyNode,
  };
  const property: PropertyNode = {
    kind: 'property',
    keyNode,
    valueNode: undefined,
    offset: keyOffset,
    length: keyLength,
    parent: owner,
  };
  keyNode.parent = property;
  return property;
}

/**
 * Attaches `value` to `property`, stretching the property to `end`: the end of the value's
 * source here, which for an alias is the alias text, not the anchored node it brings in.
 */
export function setPropertyValue(property: PropertyNode, value: ValueNode, end: number): void {
  property.valueNode = value;
  // An alias brings in a node that already belongs where its anchor is; it keeps that parent.
  if (value.parent === undefined) value.parent = property;
  property.length = end - property.offset;
}

/**
 * The members read since `first`, moved off a reader's stack of open members: readers keep
 * one stack per kind, so a collection gets its array once, at its exact size, when it closes.
 */
export function takeOpen<T>(open: T[], first: number): T[] {
  const members = open.slice(first);
  open.length = first;
  return members;
}

/** Closes a block mapping at the end of its last property (its members since `first`); returns that end. */
export function closeBlockMapping(object: ObjectNode, open: PropertyNode[], first: number): number {
  object.properties = takeOpen(open, first);
  const last = object.properties[object.properties.length - 1];
  object.length = last.offset + last.length - object.offset;
  return object.offset + object.length;
}

export function pushItem(array: ArrayNode, item: ValueNode): void {
  array.items.push(item);
  if (item.parent === undefined) item.parent = array;
}
