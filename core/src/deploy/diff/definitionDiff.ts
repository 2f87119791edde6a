import type { NormalizedApi } from './normalizedApi';

export interface Changes {
  added: string[];
  removed: string[];
  changed: string[];
}

/** What deploying the local definition would change on the stage, by kind of thing. */
export interface DefinitionDiff {
  resources: Changes;
  /** `GET /users/{id}`: parameters, security or responses differ (integrations are counted apart). */
  methods: Changes;
  integrations: Changes;
  authorizers: Changes;
  models: Changes;
}

/** JSON with every object's keys sorted, so equal values print equal. */
export function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v as object).sort()) out[k] = sort((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) + '\n';
}

function compareMaps(local: Record<string, unknown>, remote: Record<string, unknown>): Changes {
  const c: Changes = { added: [], removed: [], changed: [] };
  for (const k of Object.keys(local)) {
    if (!(k in remote)) c.added.push(k);
    else if (sortedJson(local[k]) !== sortedJson(remote[k])) c.changed.push(k);
  }
  for (const k of Object.keys(remote)) if (!(k in local)) c.removed.push(k);
  for (const list of [c.added, c.removed, c.changed]) list.sort();
  return c;
}

function methodsOf(api: NormalizedApi): { shape: Record<string, unknown>; integrations: Record<string, unknown> } {
  const shape: Record<string, unknown> = {};
  const integrations: Record<string, unknown> = {};
  for (const [path, methods] of Object.entries(api.paths)) {
    for (const [method, m] of Object.entries(methods)) {
      const { integration, ...rest } = m;
      shape[`${method} ${path}`] = rest;
      if (integration !== undefined) integrations[`${method} ${path}`] = integration;
    }
  }
  return { shape, integrations };
}

/** Compares the local definition (`local`) with what the stage serves (`remote`). */
export function diffDefinitions(local: NormalizedApi, remote: NormalizedApi): DefinitionDiff {
  const l = methodsOf(local);
  const r = methodsOf(remote);
  const resources = compareMaps(
    Object.fromEntries(Object.keys(local.paths).map((p) => [p, true])),
    Object.fromEntries(Object.keys(remote.paths).map((p) => [p, true])),
  );
  return {
    resources,
    methods: compareMaps(l.shape, r.shape),
    integrations: compareMaps(l.integrations, r.integrations),
    authorizers: compareMaps(local.authorizers, remote.authorizers),
    models: compareMaps(local.models, remote.models),
  };
}

export function hasChanges(diff: DefinitionDiff): boolean {
  return Object.values(diff).some((c: Changes) => c.added.length + c.removed.length + c.changed.length > 0);
}

function list(names: string[]): string {
  const shown = names.slice(0, 8).join(', ');
  return names.length > 8 ? `${shown}, and ${names.length - 8} more` : shown;
}

/**
 * One line per kind of thing, e.g. `methods: 1 added (GET /a), 1 changed (POST /b)`. Under
 * merge mode a removal is only what the stage has and the file does not: PutRestApi keeps it.
 */
export function summarizeDiff(diff: DefinitionDiff, mode: 'overwrite' | 'merge' | undefined): string[] {
  const lines: string[] = [];
  for (const [label, c] of Object.entries(diff) as Array<[string, Changes]>) {
    const parts: string[] = [];
    if (c.added.length) parts.push(`${c.added.length} added (${list(c.added)})`);
    if (c.removed.length) parts.push(`${c.removed.length} ${mode === 'overwrite' ? 'removed' : 'only on the stage'} (${list(c.removed)})`);
    if (c.changed.length) parts.push(`${c.changed.length} changed (${list(c.changed)})`);
    lines.push(`${label}: ${parts.length > 0 ? parts.join(', ') : 'no changes'}`);
  }
  if (mode !== 'overwrite' && Object.values(diff).some((c: Changes) => c.removed.length > 0)) {
    lines.push('In merge mode (the default) what is only on the stage stays; deploy with --mode overwrite to remove it.');
  }
  return lines;
}
