import { suggestName } from '../../catalog';
import type { DataObject } from '../../edit/renderValue';
import { insertAtPath, renameKey, replaceScalar } from '../../edit/structuralEdits';
import { workspaceEdit, type Fix, type FixContext } from './fixContext';

/** What a validator checks, guessed from its name (`params-only`, `body`), both by default. */
function validatorFlags(name: string): DataObject {
  const body = /body/i.test(name);
  const params = /param/i.test(name);
  return { validateRequestBody: body || !params, validateRequestParameters: params || !body };
}

/** A request validator name that is not declared: the declared one it was meant to be, or declare it. */
export function fixUndefinedValidator(ctx: FixContext): Fix[] {
  const { set, model } = ctx.result;
  const node = ctx.node;
  if (node?.kind !== 'string' || !model.root) return [];
  const fixes: Fix[] = [];
  const meant = suggestName(node.value, [...model.requestValidators.keys()]);
  if (meant) fixes.push({ title: `Change to '${meant}'`, isPreferred: true, edit: workspaceEdit({ file: ctx.file, edit: replaceScalar(ctx.file.parsed, node, meant) }) });
  const create = insertAtPath(set.entry.parsed, model.root, ['x-amazon-apigateway-request-validators'], node.value, validatorFlags(node.value), ['paths']);
  if (create) fixes.push({ title: `Create request validator '${node.value}'`, isPreferred: !meant, edit: workspaceEdit({ file: set.entry, edit: create }) });
  return fixes;
}

/** A security requirement naming no scheme: the scheme it was meant to be, or an API key scheme stub. */
export function fixUndefinedScheme(ctx: FixContext): Fix[] {
  const { set, model } = ctx.result;
  const key = ctx.property?.keyNode;
  if (!key || !model.root) return [];
  const fixes: Fix[] = [];
  const meant = suggestName(key.value, [...model.securitySchemes.keys()]);
  if (meant) fixes.push({ title: `Change to '${meant}'`, isPreferred: true, edit: workspaceEdit({ file: ctx.file, edit: renameKey(ctx.file.parsed, key, meant) }) });
  const path = model.version?.major === '2.0' ? ['securityDefinitions'] : ['components', 'securitySchemes'];
  const stub = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  const create = insertAtPath(set.entry.parsed, model.root, path, key.value, stub);
  if (create) {
    fixes.push({ title: `Define '${key.value}' as an API key scheme in ${path.join('/')}`, isPreferred: !meant, edit: workspaceEdit({ file: set.entry, edit: create }) });
  }
  return fixes;
}
