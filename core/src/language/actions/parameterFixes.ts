import { getProperty } from '../../document/pointer';
import type { DataValue } from '../../edit/renderValue';
import { appendItems, insertProperty } from '../../edit/structuralEdits';
import type { Operation } from '../../model/apiModel';
import { templateParams } from '../../validate/rules/pathRules';
import { operationAt, stringType, workspaceEdit, type Fix, type FixContext } from './fixContext';

const METHOD_REQUEST_PARAM = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.(.+)$/;

function declare(ctx: FixContext, op: Operation, params: ReadonlyArray<{ name: string; in: string }>): Fix['edit'] | undefined {
  const file = ctx.result.set.fileOf(op.node);
  const values: DataValue[] = params.map((p) => ({ name: p.name, in: p.in, ...(p.in === 'path' ? { required: true } : {}), ...stringType(ctx.result.model) }));
  if (op.parametersNode) return workspaceEdit({ file, edit: appendItems(file.parsed, op.parametersNode, values) });
  if (getProperty(op.node, 'parameters')) return undefined; // written, but not as a list: nothing sane to add to
  return workspaceEdit({ file, edit: insertProperty(file.parsed, op.node, 'parameters', values, ['requestBody', 'responses']) });
}

/**
 * `method.request.querystring.page` in a mapping or cache key names a parameter the
 * operation lacks: declare it. A path parameter cannot be declared into existence (it
 * must be in the path template), so none is offered for those.
 */
export function declareMappedParameter(ctx: FixContext): Fix[] {
  const text = ctx.node?.kind === 'string' ? ctx.node.value : undefined;
  const m = text === undefined ? null : METHOD_REQUEST_PARAM.exec(text);
  const op = ctx.node && operationAt(ctx.result.model, ctx.node);
  if (!m || !op || m[1] === 'path') return [];
  const location = m[1].endsWith('querystring') ? 'query' : 'header';
  const edit = declare(ctx, op, [{ name: m[2], in: location }]);
  return edit ? [{ title: `Declare ${location} parameter '${m[2]}' on ${op.method} ${op.path}`, isPreferred: true, edit }] : [];
}

/** Declares the path template's parameters that the operation does not. */
export function declarePathParameters(ctx: FixContext): Fix[] {
  const at = ctx.node ?? ctx.property;
  const op = at && operationAt(ctx.result.model, at);
  if (!op) return [];
  const declared = new Set(op.parameters.filter((p) => p.in === 'path').map((p) => p.name.replace(/\+$/, '')));
  const missing = [...new Set(templateParams(op.path))].filter((name) => !declared.has(name));
  if (missing.length === 0) return [];
  const edit = declare(ctx, op, missing.map((name) => ({ name, in: 'path' })));
  const list = missing.map((name) => `{${name}}`).join(', ');
  return edit ? [{ title: `Declare path parameter${missing.length > 1 ? 's' : ''} ${list} on ${op.method} ${op.path}`, isPreferred: true, edit }] : [];
}
