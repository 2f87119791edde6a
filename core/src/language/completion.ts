import { specForKind } from '../catalog';
import type { DocumentSet } from '../document/documentSet';
import { joinPointer, nodeAtOffset, nodeAtPointer, pointerOf } from '../document/pointer';
import type { ApiModel } from '../model/apiModel';
import { locate, operationAt } from './apiLocation';
import { catalogPlace } from './catalogPath';
import type { CompletionEntry, CompletionEnv } from './completionEnv';
import { cursorContext, type CursorContext } from './cursorContext';
import { entryPathOf } from './entryPath';
import { keyCompletions } from './keyCompletion';
import { valueCompletions } from './valueCompletion';

export type { CompletionEntry } from './completionEnv';

export interface CompletionInput {
  /** The analysis of the open document (its document set and API model). */
  set: DocumentSet;
  model: ApiModel;
  /** The file the cursor is in: the entry document or one it references. */
  uri: string;
  offset: number;
}

function existingKeys(env: Pick<CompletionEnv, 'file'>, ctx: CursorContext): Set<string> {
  const root = env.file.parsed.root;
  const pointer = joinPointer(ctx.path);
  // With duplicate keys a pointer names the last object; a key under the cursor names its own.
  const here = nodeAtOffset(root, ctx.replaceStart);
  const own = here?.kind === 'key' ? here.parent.parent : undefined;
  const node = own && pointerOf(own) === pointer ? own : nodeAtPointer(root, pointer);
  const keys = new Set<string>();
  if (node?.kind !== 'object') return keys;
  for (const prop of node.properties) {
    const key = prop.keyNode;
    // The key being typed is in the tree already; it must not hide itself.
    if (key.offset + key.length >= ctx.replaceStart && key.offset <= ctx.replaceEnd) continue;
    keys.add(key.value);
  }
  return keys;
}

/** In YAML a bare word under `key:` types a key, unless the catalog says the value there is a scalar. */
function typesScalar(env: CompletionEnv): boolean {
  const ext = env.location.extension;
  if (env.ctx.position !== 'key' || env.ctx.flow || !ext) return false;
  const spec = catalogPlace(ext).spec;
  return spec !== undefined && spec.type !== 'object' && spec.type !== 'map' && specForKind(spec, env.kind).type !== 'object';
}

/**
 * Completions at `offset`: extension keys allowed there, catalog properties and values,
 * whole integrations and authorizers, and references to what the document declares.
 * Never throws on a broken document: it completes what it can read.
 */
export function complete(input: CompletionInput): CompletionEntry[] {
  const file = input.set.file(input.uri);
  if (!file) return [];
  const ctx = cursorContext(file.parsed, input.offset);
  if (!ctx) return [];
  const path = entryPathOf(input.set, file, ctx.path) ?? ctx.path;
  const location = locate(path);
  const env: CompletionEnv = {
    ctx,
    offset: input.offset,
    set: input.set,
    file,
    model: input.model,
    path,
    location,
    kind: input.model.kind,
    kindOpen: input.model.kindDetection.source === 'default',
    operation: operationAt(input.model, location.operationKey),
    existing: ctx.position === 'key' ? existingKeys({ file }, ctx) : new Set(),
  };
  return ctx.position === 'value' || typesScalar(env) ? valueCompletions(env) : keyCompletions(env);
}
