import type { ValidationContext } from '../context';
import type { StringNode } from '../../document/types';
import { getProperty } from '../../document/pointer';
import { suggestName } from '../../catalog';

/** x-amazon-apigateway-request-validator values name a declared validator. */
export function checkRequestValidators(ctx: ValidationContext): void {
  const { model } = ctx;
  const seen = new Set<StringNode>();
  const rootDefault = model.root && getProperty(model.root, 'x-amazon-apigateway-request-validator')?.valueNode;
  const candidates = [rootDefault, ...model.operations.map((op) => op.validator?.node)];
  for (const node of candidates) {
    if (node?.kind !== 'string' || seen.has(node)) continue;
    seen.add(node);
    if (model.requestValidators.has(node.value)) continue;
    const names = [...model.requestValidators.keys()];
    const guess = suggestName(node.value, names);
    const known = names.length > 0 ? ` Declared validators: ${names.join(', ')}.` : ' The document declares none: add x-amazon-apigateway-request-validators at the top level.';
    ctx.report(
      'apigw.validator.undefined',
      node,
      `Request validator '${node.value}' is not defined in x-amazon-apigateway-request-validators; the import fails.${guess ? ` Did you mean '${guess}'?` : known}`,
    );
  }
}
