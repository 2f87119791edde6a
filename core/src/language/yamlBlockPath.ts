import type { ValueNode } from '../document/types';
import { nodeAtOffset, pointerOf, splitPointer } from '../document/pointer';
import { lineEndAt, lineStartAt, readYamlLine, type YamlLine } from './yamlLine';

/*
 * Which block collection a position belongs to, decided by indentation the way a YAML
 * reader decides it: walking up from the cursor line, the first `key:` less indented than
 * the cursor is its parent, and `- ` markers open sequence items. As soon as the walk
 * reaches a key or an item the parsed tree also has, the tree's pointer for it finishes
 * the path, so a cursor deep in a large file does not read the file back to its top.
 */

/** The sequence the walk is inside: its markers stand at `column`; `count` items were seen up to ours. */
interface OpenSequence {
  column: number;
  count: number;
}

interface Walk {
  root: ValueNode | undefined;
  /** Segments found so far, innermost last. */
  segments: string[];
  /** Elements at this column or deeper are siblings or their children. */
  threshold: number;
  sequence: OpenSequence | undefined;
}

interface Element {
  kind: 'dash' | 'key';
  column: number;
  offset: number;
  /** dash: where the item's content starts. */
  contentStart: number;
  /** key: its name, and whether a scalar follows it on its line. */
  name: string;
  inline: boolean;
}

function elementsOf(line: YamlLine, lineStart: number): Element[] {
  const elements: Element[] = line.dashes.map((offset, i) => ({
    kind: 'dash',
    column: offset - lineStart,
    offset,
    contentStart: i + 1 < line.dashes.length ? line.dashes[i + 1] : line.contentStart,
    name: '',
    inline: false,
  }));
  const key = line.key;
  if (key) elements.push({ kind: 'key', column: key.start - lineStart, offset: key.start, contentStart: key.start, name: key.name, inline: key.hasInlineValue });
  return elements;
}

/** The pointer segments of the tree's sequence item whose content starts at `contentStart`. */
function treeItemAt(root: ValueNode | undefined, contentStart: number): string[] | undefined {
  const found = nodeAtOffset(root, contentStart);
  if (found === undefined) return undefined;
  let current: ValueNode = found.kind === 'key' ? found.parent.parent : found;
  for (;;) {
    const parent = current.parent;
    if (parent === undefined) return undefined;
    if (parent.kind === 'array') return current.offset === contentStart ? splitPointer(pointerOf(current)) : undefined;
    current = parent.parent;
  }
}

function treeKeyAt(root: ValueNode | undefined, offset: number, name: string): string[] | undefined {
  const node = nodeAtOffset(root, offset);
  return node?.kind === 'key' && node.offset === offset && node.value === name ? splitPointer(pointerOf(node)) : undefined;
}

/**
 * Applies one element (a marker or a key, taken right to left along a line) to the walk.
 * Returns the finished path when the tree could supply the rest of it.
 */
function step(walk: Walk, element: Element, useTree: boolean): string[] | undefined {
  const sequence = walk.sequence;
  if (sequence) {
    if (element.kind === 'dash' && element.column === sequence.column) {
      sequence.count++;
      const sibling = useTree ? treeItemAt(walk.root, element.contentStart) : undefined;
      const index = sibling ? Number(sibling[sibling.length - 1]) : NaN;
      if (sibling && Number.isInteger(index)) return [...sibling.slice(0, -1), String(index + sequence.count - 1), ...walk.segments];
      return undefined;
    }
    // A sequence ends at a less indented element, or at a key in its own column (`key:` with `- item` below).
    const closes = element.column < sequence.column || (element.kind === 'key' && element.column === sequence.column);
    if (!closes) return undefined;
    walk.segments.unshift(String(sequence.count - 1));
    walk.sequence = undefined;
    walk.threshold = sequence.column + 1;
  }
  if (element.column >= walk.threshold) return undefined;
  walk.threshold = element.column;
  if (element.kind === 'dash') {
    walk.sequence = { column: element.column, count: 1 };
    const item = useTree ? treeItemAt(walk.root, element.contentStart) : undefined;
    if (item) {
      walk.sequence = undefined;
      return [...item, ...walk.segments];
    }
    return undefined;
  }
  // A key that holds a scalar on its own line cannot be a parent: the cursor is its sibling.
  if (element.inline) return undefined;
  walk.segments.unshift(element.name);
  const key = useTree ? treeKeyAt(walk.root, element.offset, element.name) : undefined;
  return key ? [...key, ...walk.segments.slice(1)] : undefined;
}

/**
 * The path of the block collection that content at `column` of the line starting at
 * `lineStart` belongs to, given the `- ` markers (offsets) written before it on that line.
 */
export function yamlBlockPath(text: string, root: ValueNode | undefined, lineStart: number, column: number, dashes: readonly number[]): string[] {
  const walk: Walk = { root, segments: [], threshold: column, sequence: undefined };
  for (let i = dashes.length - 1; i >= 0; i--) {
    // The cursor line's own item may not be in the tree yet: never ask the tree about it.
    step(walk, { kind: 'dash', column: dashes[i] - lineStart, offset: dashes[i], contentStart: -1, name: '', inline: false }, false);
  }
  // Where every line ends in \n (LF or CRLF), the native search finds line starts far faster.
  const lfOnly = text.indexOf('\r') === -1 || !/\r(?!\n)/.test(text);
  let start = lineStart;
  while (start > 0 && (walk.threshold > 0 || walk.sequence)) {
    start = lfOnly ? text.lastIndexOf('\n', start - 2) + 1 : lineStartAt(text, start - 1);
    // Most lines above the cursor are deeper than anything the walk still looks for: skip them unread.
    let indent = start;
    while (text[indent] === ' ') indent++;
    if (indent - start >= walk.threshold && (!walk.sequence || indent - start > walk.sequence.column)) continue;
    const line = readYamlLine(text, start, lineEndAt(text, start));
    if (line.empty) continue;
    const elements = elementsOf(line, start);
    if (elements.length === 0) {
      // A scalar continuation or a flow's closing bracket: only its indentation matters.
      const column = line.contentStart - start;
      if (!walk.sequence && column < walk.threshold) walk.threshold = column;
      continue;
    }
    for (let i = elements.length - 1; i >= 0; i--) {
      const done = step(walk, elements[i], true);
      if (done) return done;
    }
  }
  if (walk.sequence) walk.segments.unshift(String(walk.sequence.count - 1));
  return walk.segments;
}
