import { specForKind } from '../catalog';
import type { ApiKind, FieldSpec } from '../catalog/types';
import type { CursorContext } from './cursorContext';
import { escapeChoice, escapeSnippet, renderEntries, renderEntry, renderValue, yamlString, type Layout, type Template } from './templateRender';

/*
 * The text a completion inserts, in the document's own syntax: YAML keys with `key: ` and
 * a block below for objects, JSON keys quoted with `": "` and the commas the neighbours
 * need, values quoted only where the syntax requires it.
 */

/** A value offered for completion: a string, or a number or boolean written bare. */
export type Scalar = string | number | boolean;

function isYamlBlock(ctx: CursorContext): boolean {
  return ctx.format === 'yaml' && !ctx.flow;
}

/** How `value` is written at the cursor, in the quote the user opened if any. */
export function scalarText(value: Scalar, ctx: CursorContext): string {
  if (typeof value !== 'string') return String(value);
  if (ctx.format === 'json') return JSON.stringify(value);
  return yamlString(value, ctx.quote, ctx.flow);
}

/** Indentation for lines below a YAML key at the cursor's column, or below the cursor's JSON line. */
function baseIndent(ctx: CursorContext): string {
  return isYamlBlock(ctx) ? ' '.repeat(ctx.column) : ctx.lineIndent;
}

function layoutAt(ctx: CursorContext): Layout {
  return { format: ctx.format, indent: baseIndent(ctx), unit: ctx.indentUnit };
}

/** Closing comma when another entry follows (JSON and YAML flow). */
function withComma(text: string, ctx: CursorContext): string {
  return ctx.commaAfter ? `${text},` : text;
}

function keyText(name: string, ctx: CursorContext): string {
  return escapeSnippet(ctx.format === 'json' ? JSON.stringify(name) : yamlString(name, ctx.quote, ctx.flow));
}

/** The snippet for a field's value: a choice of its values, its default, or an empty stop. */
function valuePlaceholder(spec: FieldSpec, ctx: CursorContext, kind: ApiKind | undefined): string {
  const resolved = kind ? specForKind(spec, kind) : spec;
  const render = (value: Scalar) => escapeChoice(ctx.format === 'json' ? JSON.stringify(value) : yamlString(String(value), undefined, ctx.flow));
  if (resolved.type === 'boolean') {
    const order = resolved.default === true ? ['true', 'false'] : ['false', 'true'];
    return `\${1|${order.join(',')}|}`;
  }
  if (resolved.enum?.length) {
    const values = resolved.default !== undefined ? [String(resolved.default), ...resolved.enum.filter((v) => v !== resolved.default)] : [...resolved.enum];
    return `\${1|${values.map(render).join(',')}|}`;
  }
  if (resolved.type === 'integer' || resolved.type === 'number') return resolved.default !== undefined ? `\${1:${resolved.default}}` : '$1';
  const fallback = resolved.default !== undefined ? `\${1:${escapeSnippet(String(resolved.default))}}` : '$1';
  return ctx.format === 'json' && resolved.type === 'string' ? `"${fallback}"` : fallback;
}

/** `key: value-placeholder`, or `key:` and an indented block for objects, maps and arrays. */
export function propertyInsert(name: string, spec: FieldSpec | undefined, ctx: CursorContext, kind: ApiKind | undefined): string {
  const key = keyText(name, ctx);
  if (ctx.colonFollows) return key;
  const type = spec?.type ?? 'any';
  const inner = baseIndent(ctx) + ctx.indentUnit;
  if (type === 'object' || type === 'map') {
    if (isYamlBlock(ctx)) return `${key}:\n${inner}$1`;
    if (ctx.format === 'json') return withComma(`${key}: {\n${inner}$1\n${baseIndent(ctx)}}`, ctx);
    return withComma(`${key}: {$1}`, ctx);
  }
  if (type === 'array') {
    if (isYamlBlock(ctx)) return `${key}:\n${inner}- $1`;
    return withComma(`${key}: [$1]`, ctx);
  }
  return withComma(`${key}: ${spec ? valuePlaceholder(spec, ctx, kind) : '$1'}`, ctx);
}

/** A whole entry, `key:` and its value rendered from a template. */
export function entryInsert(name: string, template: Template, ctx: CursorContext): string {
  if (ctx.colonFollows) return keyText(name, ctx);
  return withComma(renderEntry(name, template, layoutAt(ctx)), ctx);
}

/** An entry whose key is a tab stop, e.g. a new security scheme named by the user. */
export function namedEntryInsert(nameSnippet: string, template: Template, ctx: CursorContext): string {
  const layout = layoutAt(ctx);
  const key = ctx.format === 'json' ? `"${nameSnippet}"` : nameSnippet;
  return withComma(`${key}:${renderValue(template, layout)}`, ctx);
}

/** The entries of an object template, inserted into an object that is still empty. */
export function entriesInsert(template: { readonly [key: string]: Template }, ctx: CursorContext): string {
  return withComma(renderEntries(template, layoutAt(ctx)), ctx);
}

/**
 * An object template as the value of the key before the cursor. In block YAML the text
 * starts with the line break (the edit begins right after the colon).
 */
export function objectValueInsert(template: Template, ctx: CursorContext): string {
  const rendered = renderValue(template, layoutAt(ctx));
  return withComma(isYamlBlock(ctx) ? rendered : rendered.replace(/^ /, ''), ctx);
}

/** A plain value at the cursor. */
export function valueInsert(value: Scalar, ctx: CursorContext): string {
  return withComma(escapeSnippet(scalarText(value, ctx)), ctx);
}

/** A value whose text is already in snippet syntax (tab stops inside), quoted for JSON. */
export function snippetValueInsert(snippet: string, ctx: CursorContext): string {
  return withComma(ctx.format === 'json' ? `"${snippet}"` : snippet, ctx);
}

/** Stands for the final cursor while a partial text is quoted and escaped. */
const CURSOR = '\uE000';

/**
 * A key or value the user goes on typing, such as `method.request.header.`: inserted
 * without `: ` and with the cursor left before the closing quote, if there is one.
 */
export function partialInsert(text: string, ctx: CursorContext, isKey: boolean): string {
  const rendered = isKey ? keyText(text + CURSOR, ctx) : withComma(escapeSnippet(scalarText(text + CURSOR, ctx)), ctx);
  return rendered.replace(CURSOR, '$0');
}
