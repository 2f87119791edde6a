import { LineIndex } from './lineIndex';
import type { ParsedText } from './parse';
import { SYNTAX_CODE } from './problemCodes';
import type { ObjectNode, ParseProblem, PropertyNode, ValueNode } from './types';
import { readYamlFast } from './yamlFastReader';

/*
 * Re-reading after a small edit. Typing in a large definition changes the inside of one
 * entry of `paths` (or of `components/schemas`, ...), so only that entry's text is read
 * again and its new value is put in place of the old one; the nodes after it move by the
 * change in length. Every condition under which the spliced tree could differ from a full
 * parse sends the caller back to one (the differential test compares both on random edits).
 */

/** A tree brought up to date by re-reading one entry. */
export interface Reparsed {
  parsed: ParsedText;
  /** The entry whose value was read again: the same property node as before, with a new value. */
  entry: PropertyNode;
}

/** Root keys whose entries sit one level deeper: `components/schemas/<name>`. */
const GROUPED_ROOT_KEYS = new Set(['components']);

/**
 * Updates `previous` to `text` by re-reading the one entry the edit falls in, or returns
 * undefined when a full parse is needed. On success `previous.root` is taken over: its nodes
 * now describe `text`, so `previous` must not be used any more. `textLines`: the line index
 * of `text`, where the caller keeps one.
 */
export function reparseEdit(previous: ParsedText, text: string, textLines?: LineIndex): Reparsed | undefined {
  const old = previous.text;
  // JSON, aliases (an edit would show at every alias) and texts the readers had to recover
  // from are read in full.
  if (previous.format !== 'yaml' || previous.aliases || previous.root?.kind !== 'object') return undefined;
  if (previous.problems.some((p) => p.code === SYNTAX_CODE)) return undefined;
  const { start, oldEnd, newEnd } = changedRange(old, text);
  if (oldEnd === start && newEnd === start) return undefined;

  const found = entryAround(previous.root, old, start, oldEnd);
  if (!found) return undefined;
  const { entry, chain, sliceStart, sliceEnd } = found;
  const delta = text.length - old.length;
  // A copy, not a view: V8 keeps a substring as a view into its parent string, and every
  // string of the re-read entry is cut from this one; a view would keep this version's whole
  // text alive for as long as the entry stays unedited, one full text per edited entry.
  const slice = structuredClone(text.slice(sliceStart, sliceEnd + delta));
  const lines = textLines ?? LineIndex.afterEdit(previous.lines, text, start, oldEnd);
  const read = readYamlFast(slice, { positionAt: (offset) => lines.positionAt(offset + sliceStart) });
  if (!read || read.aliases || read.root?.kind !== 'object' || read.root.properties.length !== 1) return undefined;
  const fresh = read.root.properties[0];
  if (fresh.keyNode.value !== entry.keyNode.value || fresh.keyNode.offset + sliceStart !== entry.keyNode.offset || fresh.keyNode.length !== entry.keyNode.length) {
    return undefined;
  }
  // The entry's key stays, and so does the finding that it repeats a key before it.
  const before = previous.problems.filter((p) => p.offset < sliceStart || p.offset === entry.keyNode.offset);
  const after = previous.problems.filter((p) => p.offset >= sliceEnd);
  // A duplicate key message names the line of the first occurrence, which an added or removed line would move.
  if (after.length > 0 && lines.positionAt(sliceEnd + delta).line !== previous.lines.positionAt(sliceEnd).line) return undefined;

  if (fresh.valueNode) shift(fresh.valueNode, sliceStart);
  if (fresh.valueNode) fresh.valueNode.parent = entry;
  entry.valueNode = fresh.valueNode;
  entry.length = fresh.length;
  if (delta !== 0) shiftAfter(chain, delta);
  refitAncestors(chain);

  const problems: ParseProblem[] = [...before, ...read.problems.map((p) => ({ ...p, offset: p.offset + sliceStart })), ...after.map((p) => ({ ...p, offset: p.offset + delta }))];
  return { parsed: { text, format: 'yaml', root: previous.root, problems, lines, aliases: false }, entry };
}

/** The span where two texts differ: common prefix and suffix trimmed. */
function changedRange(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  const limit = Math.min(a.length, b.length);
  let start = commonPrefix(a, b, limit);
  let suffix = 0;
  const maxSuffix = limit - start;
  // Compare in blocks first: a native substring comparison is far faster than a character loop.
  const BLOCK = 4096;
  while (suffix + BLOCK <= maxSuffix && a.slice(a.length - suffix - BLOCK, a.length - suffix) === b.slice(b.length - suffix - BLOCK, b.length - suffix)) suffix += BLOCK;
  while (suffix < maxSuffix && a.charCodeAt(a.length - suffix - 1) === b.charCodeAt(b.length - suffix - 1)) suffix++;
  // Never split a \r\n pair, so the re-read text keeps whole line breaks.
  if (start > 0 && a.charCodeAt(start - 1) === 0x0d) start--;
  return { start, oldEnd: a.length - suffix, newEnd: b.length - suffix };
}

function commonPrefix(a: string, b: string, limit: number): number {
  const BLOCK = 4096;
  let i = 0;
  while (i + BLOCK <= limit && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The objects and properties from the root down to the entry, outermost first. */
type Chain = Array<ObjectNode | PropertyNode>;

/**
 * The entry whose lines hold the edit [start, end): a property two levels down (three under
 * `components`), reached through block mappings only, whose key starts its line. Its lines
 * run from its key's line to the line of whatever key comes next, comments and blank lines
 * included, so that re-reading them alone gives what a full parse gives there.
 */
function entryAround(root: ObjectNode, text: string, start: number, end: number): { entry: PropertyNode; chain: Chain; sliceStart: number; sliceEnd: number } | undefined {
  const chain: Chain = [];
  let holder: ObjectNode = root;
  /** Where the text after the current property begins: the line of the next key at this level or above. */
  let limit = text.length;
  for (let depth = 0; ; depth++) {
    if (isFlow(holder, text)) return undefined;
    chain.push(holder);
    // The last property whose lines start at or before the edit: the edit is in its key, its
    // value, or the comments and blank lines after it.
    const properties = holder.properties;
    let index = properties.length - 1;
    while (index >= 0 && lineStart(text, properties[index].offset) > start) index--;
    if (index < 0) return undefined;
    const property = properties[index];
    if (index + 1 < properties.length) limit = lineStart(text, properties[index + 1].offset);
    chain.push(property);
    const levels = GROUPED_ROOT_KEYS.has((chain[1] as PropertyNode).keyNode.value) ? 2 : 1;
    if (depth === levels) {
      const sliceStart = lineStart(text, property.offset);
      if (!/^[ ]*$/.test(text.slice(sliceStart, property.offset))) return undefined;
      if (end > limit) return undefined;
      return { entry: property, chain, sliceStart, sliceEnd: limit };
    }
    const value = property.valueNode;
    if (value?.kind !== 'object' || value.parent !== property) return undefined;
    holder = value;
  }
}

function isFlow(node: ObjectNode, text: string): boolean {
  return text.charCodeAt(node.offset) === 0x7b;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Moves everything after the entry by `delta`: the later siblings at every level of the chain. */
function shiftAfter(chain: Chain, delta: number): void {
  for (let i = 0; i + 1 < chain.length; i += 2) {
    const holder = chain[i] as ObjectNode;
    const properties = holder.properties;
    for (let j = properties.indexOf(chain[i + 1] as PropertyNode) + 1; j < properties.length; j++) {
      const property = properties[j];
      property.offset += delta;
      property.keyNode.offset += delta;
      if (property.valueNode) shift(property.valueNode, delta);
    }
  }
}

/** Moves every node of a subtree by `delta`. */
function shift(root: ValueNode, delta: number): void {
  const stack: ValueNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ValueNode;
    node.offset += delta;
    if (node.kind === 'object') {
      for (const property of node.properties) {
        property.offset += delta;
        property.keyNode.offset += delta;
        if (property.valueNode) stack.push(property.valueNode);
      }
    } else if (node.kind === 'array') {
      for (const item of node.items) stack.push(item);
    }
  }
}

/** Lengths of the objects and properties that hold the entry, from the inside out. */
function refitAncestors(chain: Chain): void {
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    if (node.kind === 'property') {
      const value = node.valueNode;
      if (value) node.length = value.offset + value.length - node.offset;
    } else {
      const last = node.properties[node.properties.length - 1];
      node.length = last.offset + last.length - node.offset;
    }
  }
}
