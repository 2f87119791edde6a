import { findExtension, HTTP_CONTEXT, INTEGRATION_SUBTYPES, isContextVariable, REST_CONTEXT_ACCESS_LOG_ONLY, REST_CONTEXT_DATA_TRANSFORM, VTL_INPUT, VTL_UTIL } from '../catalog';
import type { ApiKind } from '../catalog/types';
import type { DocumentSet, LoadedFile } from '../document/documentSet';
import { getProperty, nodeAtOffset, nodeAtPointer, joinPointer, pointerOf, splitPointer } from '../document/pointer';
import type { KeyNode, StringNode, ValueNode } from '../document/types';
import type { ApiModel } from '../model/apiModel';
import { scalarText } from '../model/scalars';
import { EXTENSION_PREFIX, integrationInner, locate, matches, placementOf } from './apiLocation';
import { catalogPlace } from './catalogPath';
import { entryPathOf } from './entryPath';
import { extensionMarkdown, fieldMarkdown, gatewayResponseMarkdown, placementName } from './fieldDocs';
import { refPreview } from './refPreview';

export interface HoverInput {
  set: DocumentSet;
  model: ApiModel;
  uri: string;
  offset: number;
}

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  /** The hovered key, value or token. */
  start: number;
  end: number;
}

function subtypeParameterDoc(file: LoadedFile, localPath: readonly string[], name: string): string | undefined {
  const integration = nodeAtPointer(file.parsed.root, joinPointer(localPath.slice(0, -2)));
  const subtype = integration?.kind === 'object' ? scalarText(getProperty(integration, 'integrationSubtype')?.valueNode) : undefined;
  const params = subtype !== undefined ? INTEGRATION_SUBTYPES[subtype] : undefined;
  if (subtype === undefined || !params) return undefined;
  const required = params.required.includes(name);
  if (!required && !params.optional.includes(name)) return `**${name}** is not a parameter of ${subtype}.\n\nRequired: ${params.required.join(', ')}. Optional: ${params.optional.join(', ')}.`;
  return `**${name}** · ${required ? 'required' : 'optional'} parameter of \`${subtype}\``;
}

/** What the catalog says about the key or value at `path` (a path in the entry document). */
function describe(path: readonly string[], file: LoadedFile, localPath: readonly string[], kind: ApiKind): string | undefined {
  const location = locate(path);
  const ext = location.extension;
  if (!ext) {
    const name = path[path.length - 1];
    const misplaced = name?.startsWith(EXTENSION_PREFIX) ? findExtension(name) : undefined;
    if (!misplaced) return undefined;
    const here = placementOf(path.slice(0, -1));
    const where = here ? placementName(here) : 'this place';
    return `${extensionMarkdown(misplaced, kind)}\n\n**Has no effect in ${where}**: API Gateway reads it only in ${misplaced.placements.map(placementName).join(' or ')}.`;
  }
  if (ext.inner.length === 0) {
    const misplaced = ext.placement && !ext.spec.placements.includes(ext.placement);
    const note = misplaced && ext.placement ? `\n\n**Has no effect in ${placementName(ext.placement)}**: API Gateway reads it only in ${ext.spec.placements.map(placementName).join(' or ')}.` : '';
    return extensionMarkdown(ext.spec, kind) + note;
  }
  const place = catalogPlace(ext);
  if (ext.spec.name === 'x-amazon-apigateway-gateway-responses' && ext.inner.length === 1) return gatewayResponseMarkdown(ext.inner[0]);
  if (matches(integrationInner(ext), ['requestParameters', '*'])) {
    const subtype = subtypeParameterDoc(file, localPath, place.name);
    if (subtype) return subtype;
  }
  if (!place.spec) return undefined;
  if (place.inMap) {
    const keyDoc = place.parent?.keyDoc ? `\n\nKeys: ${place.parent.keyDoc}` : '';
    return `**\`${place.name}\`** · key of \`${place.owner}\`${keyDoc}\n\nValue: ${place.spec.doc}\n\n[AWS documentation: ${place.page.title}](${place.page.url})`;
  }
  return fieldMarkdown({ name: place.name, spec: place.spec, owner: place.owner, page: place.page }, kind);
}

function contextVariableDoc(variable: string): string {
  const places: string[] = [];
  if (isContextVariable(REST_CONTEXT_DATA_TRANSFORM, variable)) places.push('REST APIs: mapping templates, parameter mappings and access logs');
  else if (isContextVariable(REST_CONTEXT_ACCESS_LOG_ONLY, variable)) places.push('REST APIs: access logs only (not templates or mappings)');
  if (isContextVariable(HTTP_CONTEXT, variable)) places.push('HTTP APIs: parameter mapping and access logs');
  if (places.length === 0) return `**\`$context.${variable}\`** is not a documented $context variable (it may be newer than this list).`;
  return `**\`$context.${variable}\`** · context variable\n\n${places.map((p) => `- ${p}`).join('\n')}`;
}

/** `$context.x`, `context.x`, `$input.x`, `$util.x` under the cursor in a string. */
function tokenHover(text: string, node: StringNode, offset: number): HoverResult | undefined {
  const isWord = (c: string | undefined) => c !== undefined && /[\w.$]/.test(c);
  let start = offset;
  let end = offset;
  const limit = node.offset + node.length;
  while (start > node.offset && isWord(text[start - 1])) start--;
  while (end < limit && isWord(text[end])) end++;
  // A `$` inside the word starts the variable the cursor is on, e.g. `x$context.y`.
  const dollar = text.lastIndexOf('$', offset);
  if (dollar > start && dollar < end) start = dollar;
  const token = text.slice(start, end).replace(/\.$/, '');
  const context = /^\$?context\.([\w.]+)$/.exec(token);
  if (context) return { markdown: contextVariableDoc(context[1]), start, end };
  const member = [...VTL_INPUT, ...VTL_UTIL].find((m) => m.form.replace(/\(.*$/, '') === token);
  if (member) return { markdown: `**\`${member.form}\`** · mapping template\n\n${member.doc}`, start, end };
  return undefined;
}

function refHover(set: DocumentSet, file: LoadedFile, node: StringNode): HoverResult | undefined {
  const target = set.resolve(file, node.value);
  const range = { start: node.offset, end: node.offset + node.length };
  if (!('node' in target)) return { markdown: target.message, ...range };
  return { markdown: refPreview(file, target.file, target.node), ...range };
}

/**
 * Hover at `offset`: the catalog's documentation of an extension key or of any field inside
 * one (type, values for this API kind, default, range, applicability, AWS page), a preview of
 * a `$ref` target, the default status of a gateway response type, or what a `$context`
 * variable is usable for.
 */
export function hover(input: HoverInput): HoverResult | undefined {
  const file = input.set.file(input.uri);
  if (!file) return undefined;
  const found = nodeAtOffset(file.parsed.root, input.offset);
  if (!found) return undefined;
  const kind = input.model.kind;
  const node: KeyNode | ValueNode = found;
  const localPath = splitPointer(pointerOf(node));
  const path = entryPathOf(input.set, file, localPath) ?? localPath;
  if (node.kind === 'key') {
    const markdown = describe(path, file, localPath, kind);
    return markdown ? { markdown, start: node.offset, end: node.offset + node.length } : undefined;
  }
  if (node.kind === 'string') {
    if (node.parent?.kind === 'property' && node.parent.keyNode.value === '$ref') return refHover(input.set, file, node);
    const token = tokenHover(file.parsed.text, node, input.offset);
    if (token) return token;
  }
  if (node.kind === 'object' || node.kind === 'array') return undefined;
  const markdown = describe(path, file, localPath, kind);
  return markdown ? { markdown, start: node.offset, end: node.offset + node.length } : undefined;
}
