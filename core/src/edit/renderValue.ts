/**
 * Plain data rendered as YAML or JSON source text, for edits that add whole structures
 * (a parameter, an integration, an OPTIONS method). Multi-line results are arrays of
 * lines: the first line starts wherever the caller puts it, the others carry their
 * full indentation.
 */

export type DataValue = string | number | boolean | readonly DataValue[] | DataObject;
export interface DataObject {
  readonly [key: string]: DataValue;
}

type Collection = readonly DataValue[] | DataObject;

function isCollection(value: DataValue): value is Collection {
  return typeof value === 'object';
}

function isEmpty(value: Collection): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** Words YAML 1.1 or 1.2 would read as something other than a string. */
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/**
 * Whether `text` can be written without quotes and still be read back as the same string.
 * Deliberately narrow: anything doubtful gets quoted, which is never wrong.
 */
function plainIsSafe(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim() || RESERVED.test(text)) return false;
  // Starting with a letter, '_' or '/' rules out numbers, indicators and quotes.
  if (!/^[A-Za-z_/]/.test(text)) return false;
  if (/[\u0000-\u001f\u007f]|: |:$| #/.test(text)) return false;
  return !(flow && /[,[\]{}:]/.test(text));
}

/** A string as a YAML scalar: plain when safe, else double quotes, else single quotes. */
export function yamlScalar(value: string | number | boolean, flow: boolean): string {
  if (typeof value !== 'string') return String(value);
  if (plainIsSafe(value, flow)) return value;
  const control = /[\u0000-\u001f\u007f]/.test(value);
  if (!control && !/["\\]/.test(value)) return `"${value}"`;
  if (!control && !value.includes("'")) return `'${value}'`;
  // JSON's escapes are all valid in a YAML double-quoted scalar.
  return JSON.stringify(value);
}

/** One line of YAML flow style or compact JSON: `{a: b, c: [d]}` or `{"a": "b", "c": ["d"]}`. */
export function flowText(value: DataValue, json: boolean): string {
  if (!isCollection(value)) return json ? JSON.stringify(value) : yamlScalar(value, true);
  if (Array.isArray(value)) return `[${value.map((v) => flowText(v, json)).join(', ')}]`;
  const members = Object.entries(value).map(([k, v]) => flowMemberText(k, v, json));
  return `{${members.join(', ')}}`;
}

export function flowMemberText(key: string, value: DataValue, json: boolean): string {
  return `${json ? JSON.stringify(key) : yamlScalar(key, true)}: ${flowText(value, json)}`;
}

/** `key: value` in block style, with nested collections indented by `unit` below `indent`. */
export function yamlPropertyLines(key: string, value: DataValue, indent: string, unit: string): string[] {
  const head = `${yamlScalar(key, false)}:`;
  if (!isCollection(value)) return [`${head} ${yamlScalar(value, false)}`];
  if (isEmpty(value)) return [`${head} ${flowText(value, false)}`];
  return [head, ...yamlBlockLines(value, indent + unit, unit)];
}

/** `- item` in block style; an object's first property shares the dash's line. */
export function yamlItemLines(value: DataValue, indent: string, unit: string): string[] {
  if (!isCollection(value)) return [`- ${yamlScalar(value, false)}`];
  if (isEmpty(value)) return [`- ${flowText(value, false)}`];
  // The item's content sits two columns right of the dash, whatever the file's step is.
  const inner = indent + '  ';
  const lines = yamlBlockLines(value, inner, unit);
  return [`- ${lines[0].slice(inner.length)}`, ...lines.slice(1)];
}

/** A non-empty collection as block lines, every line indented by `indent`. */
function yamlBlockLines(value: Collection, indent: string, unit: string): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value as readonly DataValue[]) {
      const [first, ...rest] = yamlItemLines(item, indent, unit);
      out.push(indent + first, ...rest);
    }
    return out;
  }
  for (const [k, v] of Object.entries(value as DataObject)) {
    const [first, ...rest] = yamlPropertyLines(k, v, indent, unit);
    out.push(indent + first, ...rest);
  }
  return out;
}

/** Pretty JSON as JSON.stringify writes it, nested below `indent`. */
export function jsonLines(value: DataValue, indent: string, unit: string): string[] {
  const [first, ...rest] = JSON.stringify(value, null, unit).split('\n');
  return [first, ...rest.map((line) => indent + line)];
}

export function jsonPropertyLines(key: string, value: DataValue, indent: string, unit: string): string[] {
  const [first, ...rest] = jsonLines(value, indent, unit);
  return [`${JSON.stringify(key)}: ${first}`, ...rest];
}
