import type { DocumentFormat } from '../document/types';

/*
 * Snippets written once as data and rendered as YAML or JSON at the cursor's indentation,
 * in the LSP snippet syntax ($1, ${1:default}, ${1|a,b|}). Every line after the first
 * carries its full indentation, so editors insert the text as is.
 */

/** Text already in snippet syntax (tab stops inside a value, e.g. an ARN with a region stop). */
export class SnippetText {
  constructor(
    readonly text: string,
    /** YAML must quote it too, so that a default such as 400 stays a string. */
    readonly quotedInYaml: boolean,
  ) {}
}

export function tabStops(text: string, options: { quotedInYaml?: boolean } = {}): SnippetText {
  return new SnippetText(text, options.quotedInYaml === true);
}

export type Template = string | number | boolean | SnippetText | readonly Template[] | { readonly [key: string]: Template };

export interface Layout {
  format: DocumentFormat;
  /** Indentation of the line the rendered text starts on. */
  indent: string;
  /** One level of indentation. */
  unit: string;
}

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Choice values are separated by ',' and closed by '|', which must be escaped too. */
export function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

const YAML_INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const YAML_SPECIAL_WORD = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;
const YAML_NUMBER = /^[-+]?(?:\.?\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i;

/** Whether `text` reads back as the same string when written as a YAML plain scalar. */
function isPlainYamlSafe(text: string, inFlow = false): boolean {
  if (text === '' || YAML_INDICATOR_START.test(text) || /\s$/.test(text)) return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':') || /[\n\r\t]/.test(text)) return false;
  if (inFlow && /[,[\]{}]/.test(text)) return false;
  return !YAML_SPECIAL_WORD.test(text) && !YAML_NUMBER.test(text);
}

/** A YAML scalar for `text`: plain when that is safe, else quoted (in `quote` when given). */
export function yamlString(text: string, quote?: '"' | "'", inFlow = false): string {
  if (quote === undefined && isPlainYamlSafe(text, inFlow)) return text;
  // Single quotes read best around JSON bodies and quoted constants, and need no escapes but ''.
  const single = quote === "'" || (quote === undefined && !/[\n\r\t\\]/.test(text) && (text.includes('"') || !text.includes("'")));
  return single ? `'${text.replace(/'/g, "''")}'` : JSON.stringify(text);
}

function isObject(template: Template): template is { readonly [key: string]: Template } {
  return typeof template === 'object' && !(template instanceof SnippetText) && !Array.isArray(template);
}

function scalar(template: string | number | boolean | SnippetText, format: DocumentFormat): string {
  if (template instanceof SnippetText) return format === 'json' || template.quotedInYaml ? `"${template.text}"` : template.text;
  if (typeof template !== 'string') return String(template);
  return escapeSnippet(format === 'json' ? JSON.stringify(template) : yamlString(template));
}

function key(name: string, format: DocumentFormat): string {
  return escapeSnippet(format === 'json' ? JSON.stringify(name) : yamlString(name));
}

function deeper(layout: Layout, extra = layout.unit): Layout {
  return { ...layout, indent: layout.indent + extra };
}

/** What follows `key:` for this value: ` scalar`, or a line break and an indented block. */
export function renderValue(template: Template, layout: Layout): string {
  if (layout.format === 'json') return ` ${jsonValue(template, layout)}`;
  if (typeof template === 'string' && template.includes('\n')) {
    const inner = layout.indent + layout.unit;
    return ` |\n${template.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : inner + escapeSnippet(line))).join('\n')}`;
  }
  if (Array.isArray(template)) {
    if (template.length === 0) return ' []';
    const inner = deeper(layout);
    return `\n${template.map((item: Template) => `${inner.indent}- ${yamlItem(item, deeper(inner, '  '))}`).join('\n')}`;
  }
  if (isObject(template)) {
    if (Object.keys(template).length === 0) return ' {}';
    const inner = deeper(layout);
    return `\n${inner.indent}${renderEntries(template, inner)}`;
  }
  return ` ${scalar(template as string | number | boolean | SnippetText, 'yaml')}`;
}

function yamlItem(item: Template, layout: Layout): string {
  if (isObject(item)) return renderEntries(item, layout);
  return renderValue(item, layout).replace(/^ /, '');
}

function jsonValue(template: Template, layout: Layout): string {
  if (Array.isArray(template)) {
    if (template.length === 0) return '[]';
    if (template.every((item: Template) => !isObject(item) && !Array.isArray(item))) return `[${template.map((item: Template) => jsonValue(item, layout)).join(', ')}]`;
    const inner = deeper(layout);
    return `[\n${template.map((item: Template) => inner.indent + jsonValue(item, inner)).join(',\n')}\n${layout.indent}]`;
  }
  if (isObject(template)) {
    if (Object.keys(template).length === 0) return '{}';
    const inner = deeper(layout);
    return `{\n${inner.indent}${renderEntries(template, inner)}\n${layout.indent}}`;
  }
  return scalar(template as string | number | boolean | SnippetText, 'json');
}

/** `name: value` (YAML) or `"name": value` (JSON), starting at the cursor. */
export function renderEntry(name: string, template: Template, layout: Layout): string {
  return `${key(name, layout.format)}:${renderValue(template, layout)}`;
}

/** The entries of an object, one per line; the first starts at the cursor, the others at `layout.indent`. */
export function renderEntries(template: { readonly [key: string]: Template }, layout: Layout): string {
  const separator = layout.format === 'json' ? `,\n${layout.indent}` : `\n${layout.indent}`;
  return Object.entries(template)
    .map(([name, value]) => renderEntry(name, value, layout))
    .join(separator);
}

/**
 * The text a snippet produces when every stop keeps its default: the first choice, the
 * placeholder text, and for a mirror (`$1` after `${1:x}`) the same text again.
 */
export function expandSnippet(snippet: string): string {
  const defaults = new Map<string, string>();
  let out = '';
  let i = 0;
  while (i < snippet.length) {
    const c = snippet[i];
    // Only $, } and \ are escaped in snippet text; any other backslash is itself (as in VS Code).
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const simple = /^\$(\d+)/.exec(snippet.slice(i));
    if (simple) {
      out += defaults.get(simple[1]) ?? '';
      i += simple[0].length;
      continue;
    }
    const braced = /^\$\{(\d+)(?::((?:\\.|[^\\}])*)|\|((?:\\.|[^\\|])*)\|)?\}/.exec(snippet.slice(i));
    if (!braced) {
      out += c;
      i++;
      continue;
    }
    const [whole, stop, placeholder, choices] = braced;
    const unescape = (text: string) => text.replace(/\\([$}\\,|])/g, '$1');
    let value = defaults.get(stop) ?? '';
    if (placeholder !== undefined) value = unescape(placeholder);
    else if (choices !== undefined) value = unescape(choices.split(/(?<!\\),/)[0]);
    if (!defaults.has(stop) || placeholder !== undefined || choices !== undefined) defaults.set(stop, value);
    out += value;
    i += whole.length;
  }
  return out;
}

/** Renumbers every tab stop of `snippet` by `by`, to make room for stops placed before it. */
export function shiftTabStops(snippet: string, by: number): string {
  return snippet.replace(/(?<!\\)\$(\{?)(\d+)/g, (_, brace: string, stop: string) => `$${brace}${Number(stop) + by}`);
}
