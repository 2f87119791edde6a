import type { ParsedText } from '../document/parse';
import type { PropertyNode, ValueNode } from '../document/types';

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

/**
 * The foldable regions of a YAML or JSON text: every object and array and every block
 * scalar (a VTL mapping template, a description) that spans lines. A region starts on the
 * line of its key; a bracketed one ends above its closing bracket, so that stays visible.
 */
export function foldingRanges(doc: ParsedText): FoldingRange[] {
  const byStart = new Map<number, number>();
  const add = (startOffset: number, node: ValueNode) => {
    const startLine = doc.lines.positionAt(startOffset).line;
    const last = node.offset + node.length - 1;
    const opener = doc.text[node.offset];
    const bracketed = (node.kind === 'object' && opener === '{') || (node.kind === 'array' && opener === '[');
    const endLine = doc.lines.positionAt(last).line - (bracketed ? 1 : 0);
    // Two regions on one line (`- - a`, `[{`): the outer one is the one to fold.
    if (endLine > startLine && endLine > (byStart.get(startLine) ?? -1)) byStart.set(startLine, endLine);
  };
  const stack: Array<{ node: ValueNode; from: number }> = doc.root ? [{ node: doc.root, from: doc.root.offset }] : [];
  const seen = new Set<ValueNode>();
  while (stack.length > 0) {
    const { node, from } = stack.pop() as { node: ValueNode; from: number };
    if (seen.has(node)) continue;
    seen.add(node);
    // A block YAML root would start on its first key's line and hide that key's own region.
    const blockRoot = node === doc.root && doc.text[node.offset] !== '{' && doc.text[node.offset] !== '[';
    if (!blockRoot && (node.kind === 'string' || node.kind === 'object' || node.kind === 'array')) add(from, node);
    for (const child of childrenOf(node)) stack.push(child);
  }
  return [...byStart].map(([startLine, endLine]) => ({ startLine, endLine })).sort((a, b) => a.startLine - b.startLine);
}

/** The values under a collection, each with where its region starts (its key, if any). */
function childrenOf(node: ValueNode): Array<{ node: ValueNode; from: number }> {
  if (node.kind === 'object') return node.properties.flatMap(ownValue);
  if (node.kind === 'array') return node.items.filter((item) => item.parent === node).map((item) => ({ node: item, from: item.offset }));
  return [];
}

/** An alias brings in a node that belongs where it is anchored; it is folded there. */
function ownValue(p: PropertyNode): Array<{ node: ValueNode; from: number }> {
  return p.valueNode && p.valueNode.parent === p ? [{ node: p.valueNode, from: p.offset }] : [];
}
