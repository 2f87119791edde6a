import { ALIAS_EXPANSION_CODE } from './problemCodes';
import type { ParseProblem, ValueNode } from './types';

/**
 * How many nodes YAML aliases may add to a document when expanded. Beyond this, a reader
 * that expands aliases (the OpenAPI schema check here, an importer) holds millions of nodes
 * that are not in the text: a "billion laughs". A definition that shares a block through
 * aliases a few thousand times stays far below it.
 */
export const MAX_ALIAS_EXPANSION = 500_000;

/**
 * A problem when the tree's aliases expand it by more than MAX_ALIAS_EXPANSION nodes, on
 * the smallest aliased place whose expansion alone is over the bound. Linear in the nodes
 * written: each shared node's expanded size is counted once.
 */
export function aliasExpansionProblem(root: ValueNode | undefined): ParseProblem | undefined {
  if (!root) return undefined;
  const sizes = new Map<ValueNode, number>();
  let written = 0;
  // Post-order without recursion: hostile texts nest deeper than the call stack.
  const stack: ValueNode[] = [root];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (sizes.has(node)) {
      stack.pop();
      continue;
    }
    const children = childValues(node);
    const pending = children.filter((c) => !sizes.has(c));
    if (pending.length > 0) {
      for (const c of pending) stack.push(c);
      continue;
    }
    written++;
    sizes.set(node, children.reduce((sum, c) => sum + (sizes.get(c) ?? 0), 1));
    stack.pop();
  }
  const total = sizes.get(root) ?? 0;
  if (total - written <= MAX_ALIAS_EXPANSION) return undefined;
  // Down to the smallest subtree still over the bound: where the aliases multiply.
  let node = root;
  let where: { offset: number; length: number } = node;
  for (;;) {
    const children: Array<{ value: ValueNode; at: { offset: number; length: number } }> =
      node.kind === 'object'
        ? node.properties.flatMap((p) => (p.valueNode ? [{ value: p.valueNode, at: p.keyNode }] : []))
        : node.kind === 'array'
          ? node.items.map((item) => ({ value: item, at: item }))
          : [];
    const over = children.find((c) => (sizes.get(c.value) ?? 0) > MAX_ALIAS_EXPANSION);
    if (!over) break;
    node = over.value;
    where = over.at;
  }
  return {
    code: ALIAS_EXPANSION_CODE,
    message: `YAML aliases make this document expand to ${count(total)} nodes from ${written.toLocaleString('en-US')} written (a "billion laughs"); checks that read the expanded document were skipped. Write the shared values out, or share them with $ref.`,
    offset: where.offset,
    length: where.length,
    severity: 'error',
  };
}

function childValues(node: ValueNode): ValueNode[] {
  if (node.kind === 'object') return node.properties.flatMap((p) => (p.valueNode ? [p.valueNode] : []));
  return node.kind === 'array' ? node.items : [];
}

/** Bombs reach counts of forty digits: past a billion, the order of magnitude says enough. */
function count(n: number): string {
  return n < 1e9 ? n.toLocaleString('en-US') : `about 10^${Math.floor(Math.log10(n))}`;
}
