import type { ArrayNode } from '../document/types';
import { getProperty } from '../document/pointer';
import type { ApiModel, Operation, SecurityScheme } from './apiModel';
import { scalarText } from './scalars';

export interface AuthorizationSummary {
  /** The security scheme that authorizes callers, if any. */
  authorizer: { scheme: string; label: string } | undefined;
  /** The method checks an API key (a usage plan's key in the `x-api-key` header). */
  apiKeyRequired: boolean;
}

const AUTHORIZER_LABELS: Readonly<Record<string, string>> = {
  token: 'Lambda authorizer (token)',
  request: 'Lambda authorizer (request)',
  cognito_user_pools: 'Cognito user pool',
  jwt: 'JWT authorizer',
};

function isApiKey(scheme: SecurityScheme): boolean {
  const name = scalarText(getProperty(scheme.node, 'name')?.valueNode);
  return scheme.type === 'apiKey' && !scheme.authorizer && scheme.authtype === undefined && name?.toLowerCase() === 'x-api-key';
}

function authorizerLabel(scheme: SecurityScheme): string {
  if (scheme.authorizer) {
    const type = scalarText(getProperty(scheme.authorizer, 'type')?.valueNode)?.toLowerCase();
    return (type && AUTHORIZER_LABELS[type]) ?? `authorizer (${type ?? 'no type'})`;
  }
  if (scheme.authtype === 'awssigv4') return 'IAM (SigV4)';
  return scheme.type ? `${scheme.type} (no API Gateway authorizer)` : 'scheme without a type';
}

/**
 * The security in force on a method: its own `security`, else, on HTTP APIs only, the
 * document's (REST APIs ignore the top-level list).
 */
function securityInForce(op: Operation, model: ApiModel): ArrayNode | undefined {
  if (op.security) return op.security;
  if (model.kind !== 'HTTP' || !model.root) return undefined;
  const root = getProperty(model.root, 'security')?.valueNode;
  return root?.kind === 'array' ? root : undefined;
}

export function summarizeAuthorization(op: Operation, model: ApiModel): AuthorizationSummary {
  let authorizer: AuthorizationSummary['authorizer'];
  let apiKeyRequired = false;
  for (const requirement of securityInForce(op, model)?.items ?? []) {
    if (requirement.kind !== 'object') continue;
    for (const prop of requirement.properties) {
      const name = prop.keyNode.value;
      const scheme = model.securitySchemes.get(name);
      if (scheme && isApiKey(scheme)) apiKeyRequired = true;
      else authorizer ??= { scheme: name, label: scheme ? authorizerLabel(scheme) : 'undefined scheme' };
    }
  }
  return { authorizer, apiKeyRequired };
}
