import type { ValidationContext } from '../context';
import type { ArrayNode } from '../../document/types';
import { getProperty } from '../../document/pointer';
import { suggestName } from '../../catalog';

/** Security requirements name defined schemes; REST ignores the root list; HTTP routes take one authorization type. */
export function checkSecurity(ctx: ValidationContext): void {
  const { model } = ctx;
  const rootSecurity = ctx.whole && model.root ? getProperty(model.root, 'security') : undefined;
  if (rootSecurity?.valueNode?.kind === 'array') {
    checkRequirements(ctx, rootSecurity.valueNode);
    if (model.kind === 'REST' && rootSecurity.valueNode.items.length > 0) {
      ctx.report(
        'apigw.security.root-ignored',
        rootSecurity.keyNode,
        'REST APIs ignore security at the top level of the document: every method stays open. Add `security` to each operation that needs it.',
      );
    }
  }
  ctx.forEachOperation((op) => {
    if (!op.security) return;
    checkRequirements(ctx, op.security);
    if (model.kind !== 'HTTP') return;
    const names = new Set(op.security.items.flatMap((item) => (item.kind === 'object' ? item.properties.map((p) => p.keyNode.value) : [])));
    if (names.size > 1) {
      ctx.report(
        'apigw.security.multiple-auth',
        op.security,
        `${op.method} ${op.path} lists ${names.size} security schemes (${[...names].join(', ')}); an HTTP API route can use only one of IAM, a Lambda authorizer or a JWT authorizer, and the import fails. Keep one.`,
      );
    }
  });
}

function checkRequirements(ctx: ValidationContext, list: ArrayNode): void {
  const names = [...ctx.model.securitySchemes.keys()];
  for (const item of list.items) {
    if (item.kind !== 'object') continue;
    for (const prop of item.properties) {
      const name = prop.keyNode.value;
      if (ctx.model.securitySchemes.has(name)) continue;
      const guess = suggestName(name, names);
      const where = ctx.model.version?.major === '2.0' ? 'securityDefinitions' : 'components/securitySchemes';
      ctx.report(
        'apigw.security.undefined-scheme',
        prop.keyNode,
        `Security scheme '${name}' is not defined in ${where}, so API Gateway attaches no authorizer or API key check for it and the method may stay open.${guess ? ` Did you mean '${guess}'?` : ' Define it or fix the name.'}`,
      );
    }
  }
}
