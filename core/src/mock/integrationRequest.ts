import type { IntegrationConfig } from './definition';
import type { Exchange } from './exchange';
import { GATEWAY_ERRORS, type GatewayError } from './gatewayResponses';
import { renderMapping } from './mappingTemplates';
import { isBinaryMediaType, selectRequestTemplate } from './mediaTypes';
import { bareMediaType } from './request';

/** The body sent to a non-proxy integration, after templates and content handling. */
export interface IntegrationRequestBody {
  body: Buffer;
  /** The media type of the body: the template's key, or the client's Content-Type when passed through. */
  contentType: string | undefined;
}

/**
 * The integration request body of a non-proxy REST integration: the request template chosen
 * by Content-Type, or the body passed through as `passthroughBehavior` allows (otherwise
 * 415). Binary media types and `contentHandling` convert between binary and base64 text.
 */
export function integrationRequestBody(exchange: Exchange, integration: IntegrationConfig): IntegrationRequestBody | GatewayError {
  const { request, api } = exchange;
  const contentType = request.headers.get('content-type');
  const binary = isBinaryMediaType(bareMediaType(contentType), api.binaryMediaTypes);
  if (binary && integration.contentHandling !== 'CONVERT_TO_TEXT') return { body: request.body, contentType };
  const templates = integration.requestTemplates;
  const selected = selectRequestTemplate(templates, contentType);
  const payload = binary ? request.body.toString('base64') : request.body.toString('utf8');
  let body: Buffer;
  let outType = contentType;
  if (selected) {
    const rendered = renderMapping(exchange, selected.template, payload, 'request');
    if (rendered === undefined) return GATEWAY_ERRORS.configurationError();
    body = Buffer.from(rendered);
    outType = selected.key;
  } else {
    const passes =
      integration.passthroughBehavior === 'when_no_match' || (integration.passthroughBehavior === 'when_no_templates' && Object.keys(templates).length === 0);
    if (!passes) return GATEWAY_ERRORS.unsupportedMediaType();
    body = binary ? Buffer.from(payload) : request.body;
  }
  if (integration.contentHandling === 'CONVERT_TO_BINARY' && !binary) body = Buffer.from(body.toString('utf8'), 'base64');
  return { body, contentType: outType };
}
