import type { ParsedText } from '../document/parse';
import { nodeAtOffset } from '../document/pointer';
import type { AnyNode, KeyNode, Position, Range } from '../document/types';

/** A range and the larger ones around it, innermost first (LSP SelectionRange). */
export interface SelectionRange {
  range: Range;
  parent?: SelectionRange;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * "Expand selection" steps for each position: a quoted string's text, the string, the key
 * or value, the whole `key: value`, the object holding it, its property, and so on up to
 * the document.
 */
export function selectionRanges(doc: ParsedText, positions: readonly Position[]): SelectionRange[] {
  return positions.map((position) => {
    const spans: Array<{ offset: number; length: number }> = [];
    let node: AnyNode | KeyNode | undefined = nodeAtOffset(doc.root, doc.lines.offsetAt(position));
    if ((node?.kind === 'string' || node?.kind === 'key') && node.length >= 2 && /^["']/.test(doc.text[node.offset])) {
      spans.push({ offset: node.offset + 1, length: node.length - 2 });
    }
    while (node !== undefined) {
      spans.push(node);
      node = node.parent;
    }
    let result: SelectionRange | undefined;
    for (const span of spans.reverse()) {
      const range = doc.lines.range(span.offset, span.length);
      if (result && sameRange(result.range, range)) continue;
      result = { range, parent: result };
    }
    return result ?? { range: { start: position, end: position } };
  });
}
