import type { ParsedText } from '../document/parse';
import { getProperty } from '../document/pointer';
import type { ArrayNode, KeyNode, ObjectNode, PropertyNode, ValueNode } from '../document/types';
import { flowMemberText, flowText, jsonLines, jsonPropertyLines, yamlItemLines, yamlPropertyLines, yamlScalar, type DataValue } from './renderValue';
import type { TextEdit } from './textEdit';
import { layoutOf, lineEnd, lineIndent, type TextLayout } from './textLayout';

/*
 * Edits that add to or change a parsed YAML or JSON document while keeping its style:
 * block YAML gets block lines at the indentation of the neighbours, flow YAML and JSON get
 * members with the right commas, on new lines when the collection already spans lines.
 */

function insertAt(doc: ParsedText, offset: number, newText: string): TextEdit {
  const position = doc.lines.positionAt(offset);
  return { range: { start: position, end: position }, newText };
}

function replace(doc: ParsedText, offset: number, length: number, newText: string): TextEdit {
  return { range: doc.lines.range(offset, length), newText };
}

/** JSON, or a YAML flow collection (`{...}` / `[...]`); anything else is block YAML. */
function isFlow(doc: ParsedText, node: ObjectNode | ArrayNode): boolean {
  return doc.format === 'json' || doc.text[node.offset] === '{' || doc.text[node.offset] === '[';
}

/** Whether a scalar sits inside a flow collection, where YAML forbids more characters unquoted. */
function inFlow(doc: ParsedText, node: ValueNode | KeyNode): boolean {
  const holder = node.parent?.kind === 'property' ? node.parent.parent : node.parent;
  return holder !== undefined && isFlow(doc, holder);
}

interface Member {
  /** Where the member's text starts (a key, or an item). */
  start: number;
  end: number;
}

function membersOf(node: ObjectNode | ArrayNode): Member[] {
  const list: Array<PropertyNode | ValueNode> = node.kind === 'object' ? node.properties : node.items;
  return list.map((m) => ({ start: m.offset, end: m.offset + m.length }));
}

/**
 * Adds members to a JSON or YAML flow collection. `render(indent)` gives their text for a
 * collection written over several lines at that indentation; one-line collections get
 * `oneLine`.
 */
function insertFlowMembers(
  doc: ParsedText,
  node: ObjectNode | ArrayNode,
  before: Member | undefined,
  oneLine: string,
  render: (indent: string) => string,
  layout: TextLayout,
): TextEdit {
  const members = membersOf(node);
  const close = node.offset + node.length - 1;
  const open = doc.lines.positionAt(node.offset).line;
  if (members.length === 0) {
    // A JSON document written over several lines gets the new member on a line of its own.
    if (doc.format !== 'json' || doc.lines.positionAt(doc.text.length).line === 0) return replace(doc, node.offset + 1, close - node.offset - 1, oneLine);
    const outer = lineIndent(doc.text, node.offset);
    const inner = outer + layout.unit;
    return replace(doc, node.offset + 1, close - node.offset - 1, `${layout.eol}${inner}${render(inner)}${layout.eol}${outer}`);
  }
  const first = members[0];
  const multiLine = doc.lines.positionAt(first.start).line > open;
  const indent = multiLine ? lineIndent(doc.text, first.start) : '';
  const text = multiLine ? render(indent) : oneLine;
  if (before) return insertAt(doc, before.start, `${text},${multiLine ? layout.eol + indent : ' '}`);
  const last = members[members.length - 1];
  return insertAt(doc, last.end, `,${multiLine ? layout.eol + indent : ' '}${text}`);
}

/** Adds a line-based member after the last one, or before `before`, at `indent`. */
function insertBlockMember(doc: ParsedText, members: Member[], before: Member | undefined, indent: string, lines: string[], layout: TextLayout): TextEdit {
  if (before) return insertAt(doc, before.start, `${lines.join(layout.eol)}${layout.eol}${indent}`);
  const last = members[members.length - 1];
  // After the last line of the last member, so a trailing comment on that line stays with it.
  return insertAt(doc, lineEnd(doc.text, last.end), `${layout.eol}${indent}${lines.join(layout.eol)}`);
}

/** The column of a node as spaces (YAML indentation is spaces only). */
function columnOf(doc: ParsedText, offset: number): string {
  return ' '.repeat(doc.lines.positionAt(offset).character);
}

/**
 * Adds `key: value` to `obj`: after its last property, or before the first of `before` that
 * it has (so e.g. `parameters` lands ahead of `responses`).
 */
export function insertProperty(doc: ParsedText, obj: ObjectNode, key: string, value: DataValue, before: readonly string[] = []): TextEdit {
  const layout = layoutOf(doc);
  const anchor = before.map((name) => getProperty(obj, name)).find((p) => p !== undefined);
  const beforeMember = anchor ? { start: anchor.offset, end: anchor.offset + anchor.length } : undefined;
  const json = doc.format === 'json';
  if (isFlow(doc, obj)) {
    const render = (indent: string) => (json ? jsonPropertyLines(key, value, indent, layout.unit).join(layout.eol) : flowMemberText(key, value, false));
    return insertFlowMembers(doc, obj, beforeMember, flowMemberText(key, value, json), render, layout);
  }
  const indent = columnOf(doc, obj.properties[0].offset);
  return insertBlockMember(doc, membersOf(obj), beforeMember, indent, yamlPropertyLines(key, value, indent, layout.unit), layout);
}

/** The column of the `-` in front of a block sequence item. */
function dashColumn(doc: ParsedText, item: ValueNode): string {
  let i = item.offset - 1;
  while (i > 0 && doc.text[i] !== '-' && doc.text[i] !== '\n') i--;
  return columnOf(doc, doc.text[i] === '-' ? i : Math.max(0, item.offset - 2));
}

/** Adds `values` after the last item of `arr`, in order. */
export function appendItems(doc: ParsedText, arr: ArrayNode, values: readonly DataValue[]): TextEdit {
  const layout = layoutOf(doc);
  const json = doc.format === 'json';
  if (isFlow(doc, arr)) {
    const render = (indent: string) =>
      json ? values.map((v) => jsonLines(v, indent, layout.unit).join(layout.eol)).join(`,${layout.eol}${indent}`) : values.map((v) => flowText(v, false)).join(', ');
    return insertFlowMembers(doc, arr, undefined, values.map((v) => flowText(v, json)).join(', '), render, layout);
  }
  const indent = dashColumn(doc, arr.items[0]);
  const lines = values.flatMap((v, i) => {
    const [first, ...rest] = yamlItemLines(v, indent, layout.unit);
    return [i === 0 ? first : indent + first, ...rest];
  });
  return insertBlockMember(doc, membersOf(arr), undefined, indent, lines, layout);
}

/**
 * Adds `key: value` at `path` below `obj`, creating the objects on the way that do not exist
 * (`components` / `securitySchemes`). Undefined when something on the way is not an object.
 * `before` applies where the first missing object is inserted.
 */
export function insertAtPath(doc: ParsedText, obj: ObjectNode, path: readonly string[], key: string, value: DataValue, before: readonly string[] = []): TextEdit | undefined {
  let holder = obj;
  for (let i = 0; i < path.length; i++) {
    const prop = getProperty(holder, path[i]);
    if (!prop) {
      let nested: DataValue = { [key]: value };
      for (let j = path.length - 1; j > i; j--) nested = { [path[j]]: nested };
      return insertProperty(doc, holder, path[i], nested, before);
    }
    if (prop.valueNode?.kind !== 'object') return undefined;
    holder = prop.valueNode;
  }
  return insertProperty(doc, holder, key, value, before);
}

/** Writes `text` where a scalar (or key) is, keeping the quotes it was written with. */
function requote(doc: ParsedText, node: ValueNode | KeyNode, text: string): string {
  const quote = doc.text[node.offset];
  if (doc.format === 'json' || quote === '"') return JSON.stringify(text);
  if (quote === "'") return `'${text.replace(/'/g, "''")}'`;
  return yamlScalar(text, inFlow(doc, node));
}

/** Replaces a scalar value with the string `text`. */
export function replaceScalar(doc: ParsedText, node: ValueNode, text: string): TextEdit {
  return replace(doc, node.offset, node.length, requote(doc, node, text));
}

export function renameKey(doc: ParsedText, key: KeyNode, name: string): TextEdit {
  return replace(doc, key.offset, key.length, requote(doc, key, name));
}
