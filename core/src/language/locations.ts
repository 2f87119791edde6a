import type { DocumentSet } from '../document/documentSet';
import type { AnyNode, KeyNode, Range, ValueNode } from '../document/types';

/** A place in one file of a document set. */
export interface Location {
  uri: string;
  range: Range;
}

/** Something declared: its whole extent, and its name (the key) for the cursor to land on. */
export interface DeclarationLocation extends Location {
  selectionRange: Range;
}

export function locationOf(set: DocumentSet, node: AnyNode | KeyNode): Location {
  const file = set.fileOf(node);
  return { uri: file.uri, range: file.parsed.lines.range(node.offset, node.length) };
}

/**
 * Where a declared node is: a property's value is declared by its key (`Book:`), an array
 * item by itself, and a whole file (a `$ref` without a fragment) at its start.
 */
export function declarationOf(set: DocumentSet, node: ValueNode): DeclarationLocation {
  const file = set.fileOf(node);
  const lines = file.parsed.lines;
  const holder = node.parent;
  if (holder?.kind === 'property') {
    return { uri: file.uri, range: lines.range(holder.offset, holder.length), selectionRange: lines.range(holder.keyNode.offset, holder.keyNode.length) };
  }
  const range = lines.range(node.offset, node.length);
  return { uri: file.uri, range, selectionRange: holder ? range : { start: range.start, end: range.start } };
}
