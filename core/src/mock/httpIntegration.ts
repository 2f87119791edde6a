import type { IntegrationConfig } from './definition';
import { addNote, type Exchange } from './exchange';
import { GATEWAY_ERRORS, isGatewayError, type GatewayError } from './gatewayResponses';
import { HeaderMap } from './headers';
import { integrationRequestBody } from './integrationRequest';
import { mapIntegrationResponse } from './integrationResponse';
import { applyHttpApiRequestMapping, applyHttpApiResponseMapping, applyRestRequestParameters, type IntegrationRequestParams } from './parameterMapping';
import type { MockResponse } from './response';
import { substituteStageVariables } from './stageVariables';
import { callUpstream, HOP_BY_HOP } from './upstream';

function encodePathValue(value: string, greedy: boolean): string {
  return greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
}

/** Fills `{name}` and `{name+}` in the endpoint URI's path. */
function fillPath(exchange: Exchange, uri: string, values: Record<string, string>, fallback: Record<string, string>): string {
  return uri.replace(/\{([^}/]+?)(\+?)\}/g, (whole, name: string, plus: string) => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return encodePathValue(values[name], plus === '+');
    if (Object.prototype.hasOwnProperty.call(fallback, name)) {
      addNote(exchange, `{${name}} in the integration URI has no integration.request.path.${name} mapping; filled from the method's path parameter of that name`);
      return encodePathValue(fallback[name], plus === '+');
    }
    return whole;
  });
}

function endpointUrl(exchange: Exchange, integration: IntegrationConfig, pathValues: Record<string, string>, fallback: Record<string, string>, query: Array<[string, string]>): URL | undefined {
  const missing: string[] = [];
  const uri = substituteStageVariables(integration.uri ?? '', exchange.settings.stageVariables, missing);
  for (const name of missing) addNote(exchange, `stage variable ${name} is not set (use --stage-var ${name}=...)`);
  let url: URL;
  try {
    url = new URL(fillPath(exchange, uri, pathValues, fallback));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  for (const [name, value] of query) url.searchParams.append(name, value);
  return url;
}

function proxiedHeaders(exchange: Exchange, url: URL): HeaderMap {
  const headers = exchange.request.headers.clone();
  headers.set('Host', url.host);
  headers.append('X-Forwarded-For', exchange.request.sourceIp);
  return headers;
}

function queryPairs(multi: Record<string, string[]>): Array<[string, string]> {
  return Object.entries(multi).flatMap(([name, values]) => values.map((v): [string, string] => [name, v]));
}

/** `$context.requestOverride` set by the request template, applied last. */
function applyRequestOverride(exchange: Exchange, params: IntegrationRequestParams): void {
  const override = exchange.context.requestOverride;
  for (const [name, value] of Object.entries(override.header)) params.headers.set(name, String(value));
  for (const [name, value] of Object.entries(override.path)) params.path[name] = String(value);
  for (const [name, value] of Object.entries(override.querystring)) params.query = params.query.filter(([n]) => n !== name).concat([[name, String(value)]]);
}

/**
 * HTTP and HTTP_PROXY integrations, REST and HTTP API: the request goes to the endpoint URI
 * with path parameters, parameter mappings and stage variables filled in. A proxy passes
 * the request and response through; a REST HTTP integration maps both with templates.
 */
export async function runHttpIntegration(exchange: Exchange, integration: IntegrationConfig): Promise<MockResponse | GatewayError> {
  const { request, api } = exchange;
  const proxy = integration.type === 'http_proxy';
  const method = integration.httpMethod && integration.httpMethod !== 'ANY' ? integration.httpMethod : request.method;
  if (integration.connectionType === 'VPC_LINK') addNote(exchange, 'VPC link not emulated: the request goes straight to the integration URI');
  let body = request.body;
  let headers: HeaderMap;
  let url: URL | undefined;
  if (api.kind === 'HTTP') {
    const target = { headers: request.headers.clone(), query: queryPairs(request.query.multi), path: '' };
    applyHttpApiRequestMapping(exchange, integration.requestParameters, target);
    url = endpointUrl(exchange, integration, exchange.pathParams, {}, target.query);
    if (url && target.path !== '') url.pathname = target.path;
    headers = target.headers;
    if (url) headers.set('Host', url.host);
  } else {
    const params: IntegrationRequestParams = { path: {}, query: proxy ? queryPairs(request.query.multi) : [], headers: new HeaderMap() };
    if (!proxy) {
      const mapped = integrationRequestBody(exchange, integration);
      if (isGatewayError(mapped)) return mapped;
      body = mapped.body;
      if (mapped.contentType) params.headers.set('Content-Type', mapped.contentType);
    }
    applyRestRequestParameters(exchange, integration.requestParameters, params);
    applyRequestOverride(exchange, params);
    url = endpointUrl(exchange, integration, params.path, exchange.pathParams, params.query);
    headers = proxy && url ? proxiedHeaders(exchange, url) : new HeaderMap();
    for (const [name, values] of params.headers.entries()) headers.set(name, values[values.length - 1]);
    if (url) headers.set('Host', url.host);
  }
  if (!url) {
    addNote(exchange, `the integration URI '${integration.uri ?? ''}' is not an http(s) URL`);
    return GATEWAY_ERRORS.configurationError();
  }
  const started = Date.now();
  const outcome = await callUpstream({ method, url, headers, body, timeoutMs: integration.timeoutMs });
  exchange.integrationLatencyMs = Date.now() - started;
  if (outcome.kind === 'timeout') return GATEWAY_ERRORS.integrationTimeout();
  if (outcome.kind === 'error') {
    addNote(exchange, `integration endpoint ${url.origin} ${outcome.message}`);
    return GATEWAY_ERRORS.integrationFailure();
  }
  if (!proxy) return mapIntegrationResponse(exchange, integration, { selector: String(outcome.status), headers: outcome.headers, body: outcome.body });
  const responseHeaders = new HeaderMap();
  for (const [name, values] of outcome.headers.entries()) {
    if (!HOP_BY_HOP.has(name.toLowerCase())) for (const v of values) responseHeaders.append(name, v);
  }
  const response: MockResponse = { status: outcome.status, headers: responseHeaders, body: outcome.body };
  const mapping = integration.responseParameters[String(outcome.status)];
  if (api.kind === 'HTTP' && mapping) applyHttpApiResponseMapping(exchange, mapping, { headers: outcome.headers, body: outcome.body.toString('utf8') }, response);
  return response;
}
