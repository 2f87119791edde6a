import { EXTENSION_NAMES, INTEGRATION_SUBTYPES, fieldAt, findExtension, specForKind, suggestName } from '../../catalog';
import type { ExtensionSpec, FieldSpec } from '../../catalog/types';
import { getProperty } from '../../document/pointer';
import type { ValueNode } from '../../document/types';
import { renameKey, replaceScalar } from '../../edit/structuralEdits';
import { scalarText } from '../../model/scalars';
import { workspaceEdit, type Fix, type FixContext } from './fixContext';

/** The catalog entry for a node inside an extension's value: which extension, and the path to the node. */
function specOf(node: ValueNode): { ext: ExtensionSpec; spec: FieldSpec | undefined } | undefined {
  const path: string[] = [];
  let n: ValueNode = node;
  for (;;) {
    const holder = n.parent;
    if (!holder) return undefined;
    if (holder.kind === 'array') {
      path.push(String(holder.items.indexOf(n)));
      n = holder;
      continue;
    }
    const ext = findExtension(holder.keyNode.value);
    if (ext) return { ext, spec: fieldAt(ext, path.reverse()) };
    path.push(holder.keyNode.value);
    n = holder.parent;
  }
}

/** Renames the diagnostic's key, unless its object already has the new name (that would make a duplicate). */
function rename(ctx: FixContext, to: string): Fix[] {
  const key = ctx.property?.keyNode;
  if (!key || getProperty(key.parent.parent, to)) return [];
  return [{ title: `Rename to '${to}'`, isPreferred: true, edit: workspaceEdit({ file: ctx.file, edit: renameKey(ctx.file.parsed, key, to) }) }];
}

/** An enum value in the wrong letter case or misspelt: the allowed value it was meant to be. */
export function fixEnumValue(ctx: FixContext): Fix[] {
  const node = ctx.node;
  const text = scalarText(node);
  const found = node && specOf(node);
  if (!node || text === undefined || !found?.spec) return [];
  const allowed = specForKind(found.spec, ctx.result.model.kind).enum ?? [];
  const meant = allowed.find((v) => v.toLowerCase() === text.toLowerCase()) ?? suggestName(text, allowed);
  if (meant === undefined) return [];
  return [{ title: `Change to '${meant}'`, isPreferred: true, edit: workspaceEdit({ file: ctx.file, edit: replaceScalar(ctx.file.parsed, node, meant) }) }];
}

/** A misspelt x-amazon-apigateway-* name. */
export function fixUnknownExtension(ctx: FixContext): Fix[] {
  const name = ctx.property?.keyNode.value;
  if (name === undefined) return [];
  const meant = suggestName(name, EXTENSION_NAMES) ?? EXTENSION_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
  return meant ? rename(ctx, meant) : [];
}

/**
 * A misspelt property of an extension object, or of an AWS service integration's
 * requestParameters (whose names depend on the integrationSubtype).
 */
export function fixUnknownProperty(ctx: FixContext): Fix[] {
  const prop = ctx.property;
  if (!prop) return [];
  const holder = prop.parent;
  let names = Object.keys(specOf(holder)?.spec?.properties ?? {});
  const owner = holder.parent;
  if (owner?.kind === 'property' && owner.keyNode.value === 'requestParameters') {
    const subtype = scalarText(getProperty(owner.parent, 'integrationSubtype')?.valueNode);
    const params = subtype === undefined ? undefined : INTEGRATION_SUBTYPES[subtype];
    if (params) names = [...params.required, ...params.optional];
  }
  const meant = suggestName(prop.keyNode.value, names);
  return meant ? rename(ctx, meant) : [];
}
