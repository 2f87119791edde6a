import type { DocumentSet, LoadedFile } from '../document/documentSet';
import { escapeSegment, getProperty } from '../document/pointer';
import type { ObjectNode, ValueNode } from '../document/types';

/*
 * What a `$ref` at a given place may point to: the components of the matching section in
 * the same file and in every other file of the document set, and the top-level entries of
 * files that are plain collections of definitions (a `schemas.yaml` beside the API).
 */

export interface RefCandidate {
  ref: string;
  /** The section or file the target lives in, for the completion detail. */
  where: string;
}

const SCHEMA_HOLDERS = new Set(['schema', 'items', 'additionalProperties', 'not']);
const SCHEMA_LISTS = new Set(['properties', 'allOf', 'oneOf', 'anyOf', 'schemas', 'definitions', 'patternProperties']);
const NAMED_SECTIONS = new Set(['responses', 'headers', 'examples', 'links', 'callbacks', 'securitySchemes']);

/** The components section a `$ref` written at `refPath` (ending in '$ref') should point into. */
function expectedSection(refPath: readonly string[]): string | undefined {
  const owner = refPath.slice(0, -1);
  const last = owner[owner.length - 1];
  const before = owner[owner.length - 2];
  if (last === undefined) return undefined;
  if (last === 'x-amazon-apigateway-integration') return 'x-amazon-apigateway-integrations';
  if (SCHEMA_HOLDERS.has(last) || (before !== undefined && SCHEMA_LISTS.has(before))) return 'schemas';
  if (last === 'requestBody') return 'requestBodies';
  if (before === 'parameters') return 'parameters';
  if (before !== undefined && NAMED_SECTIONS.has(before)) return before;
  return undefined;
}

function objectAt(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

/** OpenAPI 2.0 keeps three of the sections at the top level, under other names. */
const SWAGGER_SECTIONS: Readonly<Record<string, string>> = { schemas: 'definitions', parameters: 'parameters', responses: 'responses', securitySchemes: 'securityDefinitions' };

function sectionsOf(root: ObjectNode, section: string | undefined): Array<{ pointer: string[]; node: ObjectNode }> {
  const out: Array<{ pointer: string[]; node: ObjectNode }> = [];
  if (getProperty(root, 'swagger')) {
    for (const [name, key] of Object.entries(SWAGGER_SECTIONS)) {
      const node = objectAt(getProperty(root, key)?.valueNode);
      if (node && (section === undefined || section === name)) out.push({ pointer: [key], node });
    }
    return out;
  }
  const components = objectAt(getProperty(root, 'components')?.valueNode);
  for (const prop of components?.properties ?? []) {
    const node = objectAt(prop.valueNode);
    if (node && (section === undefined || section === prop.keyNode.value)) out.push({ pointer: ['components', prop.keyNode.value], node });
  }
  return out;
}

/** `to` written relative to the folder of `from`, as a `$ref` would. */
function relativeRef(from: string, to: string): string {
  try {
    const a = new URL(from);
    const b = new URL(to);
    if (a.protocol !== b.protocol || a.host !== b.host) return to;
    const fromDir = a.pathname.split('/').slice(0, -1);
    const toParts = b.pathname.split('/');
    let common = 0;
    while (common < fromDir.length && common < toParts.length - 1 && fromDir[common] === toParts[common]) common++;
    const rest = toParts.slice(common).join('/');
    const ups = fromDir.length - common;
    return ups === 0 ? `./${rest}` : `${'../'.repeat(ups)}${rest}`;
  } catch {
    return to;
  }
}

function fileName(uri: string): string {
  return uri.split('/').pop() ?? uri;
}

function isApiDocument(root: ObjectNode): boolean {
  return ['openapi', 'swagger', 'components', 'paths'].some((key) => getProperty(root, key) !== undefined);
}

export function refCandidates(set: DocumentSet, file: LoadedFile, refPath: readonly string[]): RefCandidate[] {
  const section = expectedSection(refPath);
  const out: RefCandidate[] = [];
  const add = (target: LoadedFile, base: string) => {
    const root = objectAt(target.parsed.root);
    if (!root) return;
    if (!isApiDocument(root)) {
      // A plain file of definitions: each top-level entry is a target.
      for (const prop of root.properties) out.push({ ref: `${base}#/${escapeSegment(prop.keyNode.value)}`, where: fileName(target.uri) });
      return;
    }
    for (const { pointer, node } of sectionsOf(root, section)) {
      const prefix = pointer.map(escapeSegment).join('/');
      const where = target === file ? pointer.join('/') : `${fileName(target.uri)} ${pointer.join('/')}`;
      for (const prop of node.properties) out.push({ ref: `${base}#/${prefix}/${escapeSegment(prop.keyNode.value)}`, where });
    }
  };
  add(file, '');
  for (const other of set.files) if (other !== file) add(other, relativeRef(file.uri, other.uri));
  return out;
}
