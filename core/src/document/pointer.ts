import type { AnyNode, ArrayNode, KeyNode, ObjectNode, PropertyNode, ValueNode } from './types';

/*
 * RFC 6901 JSON pointers over the tree: the address every diagnostic, $ref and test uses
 * for a place in a definition, whether it was written in YAML or JSON.
 */

export function escapeSegment(segment: string): string {
  // '~' first, so the '~' that escapes '/' is not escaped again.
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(segment: string): string {
  // '~1' first would turn '~01' into '/' instead of '~1'.
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The unescaped segments of `pointer`; '' is the whole document and gives none. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map(unescapeSegment);
}

export function joinPointer(segments: readonly string[]): string {
  let pointer = '';
  for (const segment of segments) pointer += `/${escapeSegment(segment)}`;
  return pointer;
}

/**
 * The pointer of a node. A key or property gives the pointer of the property, which is
 * also that of its value. A node brought in by an alias is addressed where it is anchored.
 */
export function pointerOf(node: AnyNode | KeyNode): string {
  const segments: string[] = [];
  let current: AnyNode | KeyNode | undefined = node.kind === 'key' ? node.parent : node;
  while (current !== undefined) {
    if (current.kind === 'property') {
      segments.push(current.keyNode.value);
      current = current.parent;
      continue;
    }
    const parent: PropertyNode | ArrayNode | undefined = current.parent;
    if (parent !== undefined && parent.kind === 'array') segments.push(String(parent.items.indexOf(current)));
    current = parent;
  }
  return joinPointer(segments.reverse());
}

/** The property named `key`; with duplicate keys the last one, which is the one API Gateway keeps. */
export function getProperty(obj: ObjectNode, key: string): PropertyNode | undefined {
  const properties = obj.properties;
  for (let i = properties.length - 1; i >= 0; i--) {
    if (properties[i].keyNode.value === key) return properties[i];
  }
  return undefined;
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

function child(node: ValueNode, segment: string): ValueNode | undefined {
  if (node.kind === 'object') return getProperty(node, segment)?.valueNode;
  if (node.kind === 'array' && ARRAY_INDEX.test(segment)) return node.items[Number(segment)];
  return undefined;
}

export function nodeAtPointer(root: ValueNode | undefined, pointer: string): ValueNode | undefined {
  let node = root;
  for (const segment of splitPointer(pointer)) {
    if (node === undefined) return undefined;
    node = child(node, segment);
  }
  return node;
}

/** The property the pointer ends at; undefined for the root or an array item. */
export function propertyAtPointer(root: ValueNode | undefined, pointer: string): PropertyNode | undefined {
  const segments = splitPointer(pointer);
  const last = segments.pop();
  if (last === undefined) return undefined;
  const holder = nodeAtPointer(root, joinPointer(segments));
  return holder?.kind === 'object' ? getProperty(holder, last) : undefined;
}

function contains(node: { offset: number; length: number }, offset: number): boolean {
  // The end is included, so a cursor just after a word still finds the word.
  return node.offset <= offset && offset <= node.offset + node.length;
}

/**
 * The deepest key or value whose range holds `offset`. Aliased nodes are not entered where
 * the alias stands: their range is where they are anchored.
 */
export function nodeAtOffset(root: ValueNode | undefined, offset: number): ValueNode | KeyNode | undefined {
  if (root === undefined || !contains(root, offset)) return undefined;
  let node: ValueNode = root;
  for (;;) {
    let next: ValueNode | undefined;
    if (node.kind === 'object') {
      for (const property of node.properties) {
        if (!contains(property, offset)) continue;
        if (contains(property.keyNode, offset)) return property.keyNode;
        const value = property.valueNode;
        if (value !== undefined && value.parent === property && contains(value, offset)) next = value;
        break;
      }
    } else if (node.kind === 'array') {
      for (const item of node.items) {
        if (item.parent === node && contains(item, offset)) {
          next = item;
          break;
        }
      }
    }
    if (next === undefined) return node;
    node = next;
  }
}
