import { contextValue } from './context';
import type { Exchange } from './exchange';
import { HeaderMap } from './headers';
import { evaluateJsonPath } from './vtl/jsonPath';

/** A static value `'text'` written in a mapping. */
function staticValue(expr: string): string | undefined {
  return expr.length >= 2 && expr.startsWith("'") && expr.endsWith("'") ? expr.slice(1, -1) : undefined;
}

function jsonPathOf(body: string, path: string): string | undefined {
  try {
    const value = evaluateJsonPath(body.trim() === '' ? {} : (JSON.parse(body) as unknown), `$.${path}`);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function headerOrQuery(exchange: Exchange, where: string, name: string): string | undefined {
  const { request } = exchange;
  switch (where) {
    case 'path':
      return exchange.pathParams[name];
    case 'querystring':
      return request.query.multi[name]?.at(-1);
    case 'multivaluequerystring':
      return request.query.multi[name]?.join(',');
    case 'header':
      return request.headers.get(name);
    case 'multivalueheader':
      return request.headers.has(name) ? request.headers.getAll(name).join(',') : undefined;
    default:
      return undefined;
  }
}

/** `stageVariables.x`, `context.x` or a static value: the sources every REST mapping accepts. */
function commonValue(exchange: Exchange, expr: string): { value: string | undefined } | undefined {
  const fixed = staticValue(expr);
  if (fixed !== undefined) return { value: fixed };
  const stageVar = /^\$?stageVariables\.(.+)$/.exec(expr);
  if (stageVar) return { value: exchange.settings.stageVariables[stageVar[1]] };
  const context = /^\$?context\.(.+)$/.exec(expr);
  if (context) return { value: contextValue(exchange.context, context[1]) };
  return undefined;
}

/** The value of a REST request mapping expression (`method.request.header.X`, `context.requestId`, `'static'`...). */
export function methodRequestValue(exchange: Exchange, expr: string): string | undefined {
  const common = commonValue(exchange, expr);
  if (common) return common.value;
  if (expr === 'method.request.body') return exchange.request.body.toString('utf8');
  const body = /^method\.request\.body\.(.+)$/.exec(expr);
  if (body) return jsonPathOf(exchange.request.body.toString('utf8'), body[1]);
  const param = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.(.+)$/.exec(expr);
  return param ? headerOrQuery(exchange, param[1], param[2]) : undefined;
}

/** What an integration answered, for response mappings. */
export interface IntegrationOutput {
  headers: HeaderMap;
  body: string;
}

/** The value of a REST response mapping expression (`integration.response.header.X`, `integration.response.body.a`...). */
export function integrationResponseValue(exchange: Exchange, expr: string, output: IntegrationOutput): string | undefined {
  const common = commonValue(exchange, expr);
  if (common) return common.value;
  if (expr === 'integration.response.body') return output.body;
  const body = /^integration\.response\.body\.(.+)$/.exec(expr);
  if (body) return jsonPathOf(output.body, body[1]);
  const header = /^integration\.response\.(header|multivalueheader)\.(.+)$/.exec(expr);
  if (!header) return undefined;
  if (!output.headers.has(header[2])) return undefined;
  return header[1] === 'header' ? output.headers.get(header[2]) : output.headers.getAll(header[2]).join(',');
}

/** The integration request's parameters after REST `requestParameters` (`integration.request.*`). */
export interface IntegrationRequestParams {
  path: Record<string, string>;
  query: Array<[string, string]>;
  headers: HeaderMap;
}

export function applyRestRequestParameters(exchange: Exchange, mapping: Record<string, string>, into: IntegrationRequestParams): void {
  for (const [target, expr] of Object.entries(mapping)) {
    const match = /^integration\.request\.(path|querystring|header)\.(.+)$/.exec(target);
    if (!match) continue;
    const value = methodRequestValue(exchange, expr);
    if (value === undefined) continue;
    const [, where, name] = match;
    if (where === 'path') into.path[name] = value;
    else if (where === 'header') into.headers.set(name, value);
    else {
      // A multi-value source fans out into repeated query parameters.
      const multi = /^method\.request\.multivaluequerystring\.(.+)$/.exec(expr);
      const values = multi ? (exchange.request.query.multi[multi[1]] ?? [value]) : [value];
      into.query = into.query.filter(([n]) => n !== name).concat(values.map((v): [string, string] => [name, v]));
    }
  }
}

/** Sets the method response headers of a REST `responseParameters` map (`method.response.header.X`). */
export function applyRestResponseParameters(exchange: Exchange, mapping: Record<string, string>, output: IntegrationOutput, headers: HeaderMap): void {
  for (const [target, expr] of Object.entries(mapping)) {
    const match = /^method\.response\.header\.(.+)$/.exec(target);
    if (!match) continue;
    const value = integrationResponseValue(exchange, expr, output);
    if (value !== undefined) headers.set(match[1], value);
  }
}

/** HTTP API mapping sources: `$request.*`, `$response.*`, `$context.*`, `$stageVariables.*`. */
function httpApiVariable(exchange: Exchange, name: string, output: IntegrationOutput | undefined): string | undefined {
  const { request } = exchange;
  let m: RegExpExecArray | null;
  if ((m = /^request\.header\.(.+)$/.exec(name))) return request.headers.has(m[1]) ? request.headers.getAll(m[1]).join(',') : undefined;
  if ((m = /^request\.querystring\.(.+)$/.exec(name))) return request.query.multi[m[1]]?.join(',');
  if (name === 'request.path') return exchange.path;
  if ((m = /^request\.path\.(.+)$/.exec(name))) return exchange.pathParams[m[1]];
  if (name === 'request.body') return request.body.toString('utf8');
  // HTTP APIs read at most the first 100 KB of a body for a JSONPath.
  if ((m = /^request\.body\.(.+)$/.exec(name))) return jsonPathOf(request.body.subarray(0, 100 * 1024).toString('utf8'), m[1]);
  if (output && (m = /^response\.header\.(.+)$/.exec(name))) return output.headers.has(m[1]) ? output.headers.getAll(m[1]).join(',') : undefined;
  if (output && name === 'response.body') return output.body;
  if (output && (m = /^response\.body\.(.+)$/.exec(name))) return jsonPathOf(output.body.slice(0, 100 * 1024), m[1]);
  if ((m = /^context\.(.+)$/.exec(name))) return contextValue(exchange.context, m[1]);
  if ((m = /^stageVariables\.(.+)$/.exec(name))) return exchange.settings.stageVariables[m[1]];
  return undefined;
}

/** An HTTP API mapping value: one `$variable`, or text with `${variable}` parts. */
export function httpApiValue(exchange: Exchange, expr: string, output?: IntegrationOutput): string | undefined {
  const whole = /^\$([A-Za-z][\w.\-]*)$/.exec(expr);
  if (whole) return httpApiVariable(exchange, whole[1], output);
  return expr.replace(/\$\{([^}]+)\}/g, (_m, name: string) => httpApiVariable(exchange, name, output) ?? '');
}

/** What an HTTP API mapping may change on the way to the integration. */
export interface HttpApiRequestTarget {
  headers: HeaderMap;
  query: Array<[string, string]>;
  /** Replaced by `overwrite:path`. */
  path: string;
}

export function applyHttpApiRequestMapping(exchange: Exchange, mapping: Record<string, string>, target: HttpApiRequestTarget): void {
  for (const [key, expr] of Object.entries(mapping)) {
    const match = /^(append|overwrite|remove):(header\.(.+)|querystring\.(.+)|path)$/.exec(key);
    if (!match) continue;
    const [, op, , header, query] = match;
    const value = op === 'remove' ? '' : httpApiValue(exchange, expr);
    if (value === undefined) continue;
    if (header !== undefined) {
      if (op === 'remove') target.headers.delete(header);
      else if (op === 'append') target.headers.append(header, value);
      else target.headers.set(header, value);
    } else if (query !== undefined) {
      if (op !== 'append') target.query = target.query.filter(([n]) => n !== query);
      if (op !== 'remove') target.query.push([query, value]);
    } else if (op === 'overwrite') target.path = value;
  }
}

/** Applies an HTTP API response mapping (`overwrite:statuscode`, `append|overwrite|remove:header.X`). */
export function applyHttpApiResponseMapping(exchange: Exchange, mapping: Record<string, string>, output: IntegrationOutput, response: { status: number; headers: HeaderMap }): void {
  for (const [key, expr] of Object.entries(mapping)) {
    const match = /^(append|overwrite|remove):(header\.(.+)|statuscode)$/.exec(key);
    if (!match) continue;
    const [, op, , header] = match;
    const value = op === 'remove' ? '' : httpApiValue(exchange, expr, output);
    if (value === undefined) continue;
    if (header === undefined) {
      const status = Number(value);
      if (op === 'overwrite' && Number.isInteger(status) && status >= 100 && status <= 599) response.status = status;
    } else if (op === 'remove') response.headers.delete(header);
    else if (op === 'append') response.headers.append(header, value);
    else response.headers.set(header, value);
  }
}
