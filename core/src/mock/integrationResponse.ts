import type { IntegrationConfig, IntegrationResponseConfig } from './definition';
import { addNote, type Exchange } from './exchange';
import { GATEWAY_ERRORS, type GatewayError } from './gatewayResponses';
import { HeaderMap } from './headers';
import { unsafeRegex } from './notEmulated';
import { renderMapping } from './mappingTemplates';
import { selectResponseTemplate } from './mediaTypes';
import { applyRestResponseParameters, type IntegrationOutput } from './parameterMapping';
import type { MockResponse } from './response';

/** What a non-proxy integration produced, before integration responses map it. */
export interface RawIntegrationResult {
  /**
   * What selection patterns are matched against: the status code for HTTP and MOCK
   * integrations, the `errorMessage` of a failed Lambda function. Undefined when a Lambda
   * function succeeded, which always takes the default response.
   */
  selector: string | undefined;
  headers: HeaderMap;
  body: Buffer;
}

/** The integration response whose selection pattern matches, else the `default` one. */
export function selectIntegrationResponse(responses: readonly IntegrationResponseConfig[], selector: string | undefined): IntegrationResponseConfig | undefined {
  const matched = selector === undefined ? undefined : responses.find((r) => r.pattern?.test(selector));
  return matched ?? responses.find((r) => r.pattern === undefined);
}

/** Applies `$context.responseOverride` set by a template: it has the last word on status and headers. */
export function applyResponseOverride(exchange: Exchange, response: MockResponse): void {
  const override = exchange.context.responseOverride;
  const status = Number(override.status);
  if (override.status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599) response.status = status;
  for (const [name, value] of Object.entries(override.header)) if (value !== undefined && value !== null) response.headers.set(name, String(value));
}

/**
 * Maps a non-proxy integration's result to the method response: selects the integration
 * response, sets its status and mapped headers, renders its template by Accept, applies
 * content handling and template overrides.
 */
export function mapIntegrationResponse(exchange: Exchange, integration: IntegrationConfig, result: RawIntegrationResult): MockResponse | GatewayError {
  const unsafe = result.selector === undefined ? undefined : integration.responses.find((r) => r.unsafe)?.unsafe;
  if (unsafe) {
    // Which response API Gateway would select depends on that pattern too, so none is picked.
    return unsafeRegex(exchange, 'the selection pattern of an integration response', unsafe);
  }
  const selected = selectIntegrationResponse(integration.responses, result.selector);
  if (!selected) {
    addNote(exchange, `no integration response matches '${result.selector ?? ''}' and there is no default: API Gateway answers 500`);
    return GATEWAY_ERRORS.configurationError();
  }
  const output: IntegrationOutput = { headers: result.headers, body: result.body.toString('utf8') };
  const headers = new HeaderMap();
  applyRestResponseParameters(exchange, selected.responseParameters, output, headers);
  // Content handling converts the integration's payload before any template reads it.
  let body = result.body;
  if (selected.contentHandling === 'CONVERT_TO_TEXT') body = Buffer.from(body.toString('base64'));
  else if (selected.contentHandling === 'CONVERT_TO_BINARY') body = Buffer.from(body.toString('utf8'), 'base64');
  const template = selected.contentHandling === 'CONVERT_TO_BINARY' ? undefined : selectResponseTemplate(selected.responseTemplates, exchange.request.headers.get('accept'));
  let contentType = 'application/json';
  if (template) {
    const rendered = renderMapping(exchange, template.template, body.toString('utf8'), 'response');
    if (rendered === undefined) return GATEWAY_ERRORS.configurationError();
    body = Buffer.from(rendered);
    contentType = template.key;
  }
  if (!headers.has('content-type')) headers.set('Content-Type', contentType);
  const response: MockResponse = { status: Number(selected.statusCode) || 200, headers, body };
  applyResponseOverride(exchange, response);
  return response;
}
