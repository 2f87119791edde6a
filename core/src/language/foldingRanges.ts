import type { ParsedText } from '../document/parse';
import type { ValueNode } from '../document/types';

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
  const { text, lines } = doc;
  const byStart = new Map<number, number>();
  // Of the strings, only block scalars (`|`, `>`) span lines often enough to be worth a look.
  const foldable = (node: ValueNode) => node.kind === 'object' || node.kind === 'array' || (node.kind === 'string' && (text[node.offset] === '|' || text[node.offset] === '>'));
  const add = (startOffset: number, node: ValueNode) => {
    const startLine = lines.positionAt(startOffset).line;
    const last = node.offset + node.length - 1;
    const bracketed = text[node.offset] === '{' || text[node.offset] === '[';
    const endLine = lines.positionAt(last).line - (bracketed ? 1 : 0);
    // Two regions on one line (`key: [{`): the outer one is the one to fold.
    if (endLine > startLine && endLine > (byStart.get(startLine) ?? -1)) byStart.set(startLine, endLine);
  };
  const stack: ValueNode[] = [];
  const root = doc.root;
  if (root) {
    // A block YAML root would start on its first key's line and hide that key's own region.
    if (text[root.offset] === '{' || text[root.offset] === '[') add(root.offset, root);
    stack.push(root);
  }
  while (stack.length > 0) {
    const node = stack.pop() as ValueNode;
    // An aliased node (its parent is elsewhere) is folded where it is anchored, not here.
    if (node.kind === 'object') {
      for (const p of node.properties) {
        const value = p.valueNode;
        if (value === undefined || value.parent !== p || !foldable(value)) continue;
        add(p.offset, value);
        stack.push(value);
      }
    } else if (node.kind === 'array') {
      for (const item of node.items) {
        if (item.parent !== node || !foldable(item)) continue;
        add(item.offset, item);
        stack.push(item);
      }
    }
  }
  return [...byStart].map(([startLine, endLine]) => ({ startLine, endLine })).sort((a, b) => a.startLine - b.startLine);
}
