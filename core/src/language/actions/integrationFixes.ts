import type { DataObject } from '../../edit/renderValue';
import { insertProperty, replaceScalar } from '../../edit/structuralEdits';
import type { Operation } from '../../model/apiModel';
import { templateParams } from '../../validate/rules/pathRules';
import { operationAt, workspaceEdit, type Fix, type FixContext } from './fixContext';

/** API Gateway invokes Lambda with POST, whatever the client's method. */
export function lambdaPost(ctx: FixContext): Fix[] {
  const node = ctx.node;
  if (!node) return [];
  return [{ title: "Change the integration's httpMethod to POST", isPreferred: true, edit: workspaceEdit({ file: ctx.file, edit: replaceScalar(ctx.file.parsed, node, 'POST') }) }];
}

/** A placeholder that passes the invoke-URI format check and is obviously to be replaced. */
const PLACEHOLDER_LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:my-function/invocations';

/** The status the stub answers with: one the method declares, else 200. */
function stubStatus(op: Operation): string {
  const codes = [...op.responses.keys()];
  return codes.find((c) => /^2\d\d$/.test(c)) ?? codes.find((c) => /^\d{3}$/.test(c)) ?? '200';
}

function mock(op: Operation): DataObject {
  const status = stubStatus(op);
  return {
    type: 'mock',
    requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
    responses: { default: { statusCode: status } },
  };
}

function lambdaProxy(): DataObject {
  return { type: 'aws_proxy', httpMethod: 'POST', uri: PLACEHOLDER_LAMBDA_URI };
}

/** An HTTP proxy to a placeholder host, passing every path parameter through. */
function httpProxy(op: Operation): DataObject {
  const names = templateParams(op.path);
  const path = op.path.replace(/\{([^}]+)\+\}/g, '{$1}');
  const mapping: Record<string, string> = {};
  for (const name of names) mapping[`integration.request.path.${name}`] = `method.request.path.${name}`;
  return {
    type: 'http_proxy',
    httpMethod: op.method,
    uri: `https://backend.example.com${path}`,
    ...(names.length > 0 ? { requestParameters: mapping } : {}),
  };
}

const KINDS: ReadonlyArray<{ label: string; build: (op: Operation) => DataObject; preferred: boolean }> = [
  { label: 'a MOCK integration (stub)', build: mock, preferred: true },
  { label: 'a Lambda proxy integration (placeholder function ARN)', build: lambdaProxy, preferred: false },
  { label: 'an HTTP proxy integration (placeholder URL)', build: httpProxy, preferred: false },
];

/**
 * "No integration defined for method": one action per kind of integration, for the method
 * under the diagnostic, or for every method when the diagnostic is the one on `paths`.
 */
export function addIntegration(ctx: FixContext): Fix[] {
  const { set, model } = ctx.result;
  const onPaths = ctx.property !== undefined && ctx.property.parent === model.root && ctx.property.keyNode.value === 'paths';
  const single = ctx.property && !onPaths ? operationAt(model, ctx.property) : undefined;
  const targets = onPaths ? model.operations.filter((op) => !op.integration) : single ? [single] : [];
  // Two paths may `$ref` one path item: its operations get one integration each, not two.
  const unique = [...new Map(targets.map((op) => [op.node, op])).values()];
  if (unique.length === 0) return [];
  const where = unique.length === 1 ? `to ${unique[0].method} ${unique[0].path}` : `to all ${unique.length} methods`;
  return KINDS.map((kind) => ({
    title: `Add ${kind.label} ${where}`,
    isPreferred: kind.preferred,
    edit: workspaceEdit(
      ...unique.map((op) => {
        const file = set.fileOf(op.node);
        return { file, edit: insertProperty(file.parsed, op.node, 'x-amazon-apigateway-integration', kind.build(op)) };
      }),
    ),
  }));
}
