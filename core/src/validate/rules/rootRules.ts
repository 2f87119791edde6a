import type { ValidationContext } from '../context';
import { getProperty } from '../../document/pointer';
import { scalarText } from '../../model/scalars';

/** Root-level extensions that depend on each other. */
export function checkRootExtensions(ctx: ValidationContext): void {
  const root = ctx.model.root;
  if (!root || ctx.model.kind !== 'REST') return;
  const policy = getProperty(root, 'x-amazon-apigateway-security-policy');
  const value = scalarText(policy?.valueNode);
  if (policy?.valueNode && value?.startsWith('SecurityPolicy_') && !getProperty(root, 'x-amazon-apigateway-endpoint-access-mode')) {
    ctx.report(
      'apigw.root.access-mode-required',
      policy.keyNode,
      `The enhanced security policy ${value} needs x-amazon-apigateway-endpoint-access-mode (BASIC or STRICT) at the top level.`,
    );
  }
}
