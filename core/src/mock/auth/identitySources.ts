import { contextValue } from '../context';
import type { Exchange } from '../exchange';
import { methodRequestValue } from '../parameterMapping';

/** The value of an HTTP API identity source: `$request.header.X`, `$request.querystring.X`, `$context.X`, `$stageVariables.X`. */
function httpApiValue(exchange: Exchange, expr: string): string | undefined {
  const m = /^\$(request\.header|request\.querystring|context|stageVariables)\.(.+)$/.exec(expr);
  if (!m) return undefined;
  switch (m[1]) {
    case 'request.header':
      return exchange.request.headers.has(m[2]) ? exchange.request.headers.getAll(m[2]).join(',') : undefined;
    case 'request.querystring':
      return exchange.request.query.multi[m[2]]?.join(',');
    case 'context':
      return contextValue(exchange.context, m[2]);
    default:
      return exchange.settings.stageVariables[m[2]];
  }
}

/**
 * The value an identity source expression selects from the request (REST:
 * `method.request.header.X`, `method.request.querystring.X`, `stageVariables.X`, `context.X`);
 * undefined when it is missing or empty, which API Gateway answers with 401 without calling
 * the authorizer.
 */
export function identityValue(exchange: Exchange, expr: string): string | undefined {
  const value = exchange.api.kind === 'HTTP' ? httpApiValue(exchange, expr) : methodRequestValue(exchange, expr);
  return value === '' ? undefined : value;
}
