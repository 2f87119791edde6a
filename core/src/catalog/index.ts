import { EXTENSIONS } from './extensions';
import type { ApiKind, ExtensionSpec, FieldSpec } from './types';

export * from './types';
export * from './extensions';
export * from './patterns';
export * from './reservedHeaders';
export * from './gatewayResponses';
export * from './integrationSubtypes';
export * from './contextVariables';
export * from './securityPolicies';
export * from './quotas';
export * from './importErrors';

export const EXTENSION_NAMES: readonly string[] = EXTENSIONS.map((extension) => extension.name);

const BY_NAME: ReadonlyMap<string, ExtensionSpec> = new Map(EXTENSIONS.map((extension) => [extension.name, extension]));

export function findExtension(name: string): ExtensionSpec | undefined {
  return BY_NAME.get(name);
}

/**
 * The spec of the value at `path` inside an extension's value: property names step into
 * objects, and any segment steps into an array item or a map value.
 */
export function fieldAt(extension: ExtensionSpec, path: readonly string[]): FieldSpec | undefined {
  let spec: FieldSpec | undefined = extension.value;
  for (const segment of path) {
    if (!spec) return undefined;
    if (spec.type === 'object') spec = spec.properties?.[segment];
    else if (spec.type === 'array') spec = spec.items;
    else if (spec.type === 'map') spec = spec.values;
    else return undefined;
  }
  return spec;
}

/** The field as one kind of API sees it: its enum narrowed and its ranges and defaults resolved. */
export function specForKind(spec: FieldSpec, kind: ApiKind): FieldSpec {
  const kindEnum = spec.enumByKind?.[kind];
  const override = spec.byKind?.[kind];
  if (!kindEnum && !override) return spec;
  // Made once per field and kind: the extension rule asks for every field of every integration.
  let byKind = kindSpecs.get(spec);
  if (!byKind) kindSpecs.set(spec, (byKind = {}));
  return (byKind[kind] ??= { ...spec, ...(kindEnum ? { enum: kindEnum } : {}), ...override });
}

const kindSpecs = new WeakMap<FieldSpec, Partial<Record<ApiKind, FieldSpec>>>();

/** Whether the kind honours the field (fields without `apiKinds` apply to both). */
export function appliesToKind(spec: FieldSpec, kind: ApiKind): boolean {
  return !spec.apiKinds || spec.apiKinds.includes(kind);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate `name` was most likely meant to be, for "did you mean". Letter case is
 * ignored, so a case slip is always found; otherwise the candidate must be within
 * max(2, 20% of the name's length) edits. Ties go to the earlier candidate.
 */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length * 0.2));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The lengths' difference is a lower bound of the distance: a megabyte-long key costs nothing.
    if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export interface SubObjectPage {
  /** The page title: the extension name, or e.g. 'x-amazon-apigateway-integration.responses'. */
  title: string;
  page: string;
  spec: FieldSpec;
}

function collectPages(spec: FieldSpec, into: Map<string, SubObjectPage>): void {
  if (spec.page && spec.title && !into.has(spec.title)) into.set(spec.title, { title: spec.title, page: spec.page, spec });
  for (const child of Object.values(spec.properties ?? {})) collectPages(child, into);
  if (spec.items) collectPages(spec.items, into);
  if (spec.values) collectPages(spec.values, into);
}

/** Every extension and every sub-object with a page of its own, once each (the guide's index). */
export function subObjectPages(): readonly SubObjectPage[] {
  const pages = new Map<string, SubObjectPage>();
  for (const extension of EXTENSIONS) {
    pages.set(extension.name, { title: extension.name, page: extension.page, spec: extension.value });
    collectPages(extension.value, pages);
  }
  return [...pages.values()];
}
