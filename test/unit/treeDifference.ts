import type { ValueNode } from '../../core/src/document/types';

/**
 * The first difference between two trees (kind, value, source, tag, offset, length, keys,
 * parents, and which nodes are shared through aliases), as a pointer-like path and what
 * differs there; undefined when they are identical.
 */
export function treeDifference(a: ValueNode | undefined, b: ValueNode | undefined): string | undefined {
  return compare(a, b, '', new Map());
}

function field(node: ValueNode, name: string): unknown {
  return (node as unknown as Record<string, unknown>)[name];
}

function parentOffset(node: ValueNode): number | undefined {
  return node.parent?.offset;
}

function compare(
  a: ValueNode | undefined,
  b: ValueNode | undefined,
  at: string,
  seen: Map<ValueNode, ValueNode>,
): string | undefined {
  if (a === undefined || b === undefined) return a === b ? undefined : `${at}: only one side has a node`;
  // An alias makes one node appear in several places; both trees must share it the same way.
  const partner = seen.get(a);
  if (partner !== undefined) return partner === b ? undefined : `${at}: shared differently`;
  seen.set(a, b);
  for (const name of ['kind', 'offset', 'length', 'tag', 'value', 'source']) {
    if (!Object.is(field(a, name), field(b, name))) {
      return `${at}: ${name} ${JSON.stringify(field(a, name))} vs ${JSON.stringify(field(b, name))}`;
    }
  }
  if (parentOffset(a) !== parentOffset(b) || a.parent?.kind !== b.parent?.kind) return `${at}: parent differs`;
  if (a.kind === 'object' && b.kind === 'object') {
    if (a.properties.length !== b.properties.length) {
      return `${at}: ${a.properties.length} vs ${b.properties.length} properties`;
    }
    for (let i = 0; i < a.properties.length; i++) {
      const pa = a.properties[i];
      const pb = b.properties[i];
      const here = `${at}/${pa.keyNode.value}`;
      if (pa.keyNode.value !== pb.keyNode.value) return `${here}: key ${pb.keyNode.value} on the other side`;
      if (pa.offset !== pb.offset || pa.length !== pb.length) {
        return `${here}: property range ${pa.offset}+${pa.length} vs ${pb.offset}+${pb.length}`;
      }
      if (pa.keyNode.offset !== pb.keyNode.offset || pa.keyNode.length !== pb.keyNode.length) {
        return `${here}: key range ${pa.keyNode.offset}+${pa.keyNode.length} vs ${pb.keyNode.offset}+${pb.keyNode.length}`;
      }
      const difference = compare(pa.valueNode, pb.valueNode, here, seen);
      if (difference !== undefined) return difference;
    }
  }
  if (a.kind === 'array' && b.kind === 'array') {
    if (a.items.length !== b.items.length) return `${at}: ${a.items.length} vs ${b.items.length} items`;
    for (let i = 0; i < a.items.length; i++) {
      const difference = compare(a.items[i], b.items[i], `${at}/${i}`, seen);
      if (difference !== undefined) return difference;
    }
  }
  return undefined;
}
