import type { ValidationContext } from '../context';
import type { StringNode } from '../../document/types';
import { getProperty } from '../../document/pointer';
import { suggestName } from '../../catalog';

/** x-amazon-apigateway-request-validator values name a declared validator. */
export function checkRequestValidators(ctx: ValidationContext): void {
  const { model } = ctx;
  const seen = new Set<StringNode>();
  const rootDefault = model.root && getProperty(model.root, 'x-amazon-apigateway-request-validator')?.valueNode;
  // The document's default is checked once, with the document; an operation checks its own.
  if (ctx.whole && rootDefault?.kind === 'string') checkName(ctx, rootDefault, seen);
  ctx.forEachOperation((op) => {
    const node = op.validator?.node;
    if (node && node !== rootDefault) checkName(ctx, node, seen);
  });
}

function checkName(ctx: ValidationContext, node: StringNode, seen: Set<StringNode>): void {
  const { model } = ctx;
  if (seen.has(node)) return;
  seen.add(node);
  if (model.requestValidators.has(node.value)) return;
  const names = [...model.requestValidators.keys()];
  const guess = suggestName(node.value, names);
  const known = names.length > 0 ? ` Declared validators: ${names.join(', ')}.` : ' The document declares none: add x-amazon-apigateway-request-validators at the top level.';
  ctx.report(
    'apigw.validator.undefined',
    node,
    `Request validator '${node.value}' is not defined in x-amazon-apigateway-request-validators; the import fails.${guess ? ` Did you mean '${guess}'?` : known}`,
  );
}
