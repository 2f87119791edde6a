import type { IntegrationConfig } from './definition';
import { addNote, type Exchange } from './exchange';
import { GATEWAY_ERRORS, isGatewayError, type GatewayError } from './gatewayResponses';
import { HeaderMap } from './headers';
import { integrationRequestBody } from './integrationRequest';
import { mapIntegrationResponse } from './integrationResponse';
import type { MockResponse } from './response';

/** The integer `statusCode` of a MOCK integration request, which is all the MOCK "backend" reads. */
function mockStatus(body: Buffer): number | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    const status = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>).statusCode : undefined;
    return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A MOCK integration: the request template picks the status code (`{"statusCode": 200}`),
 * which selects the integration response; its template writes the body.
 */
export function runMockIntegration(exchange: Exchange, integration: IntegrationConfig): MockResponse | GatewayError {
  const request = integrationRequestBody(exchange, integration);
  if (isGatewayError(request)) return request;
  const status = mockStatus(request.body);
  if (status === undefined) {
    addNote(exchange, 'MOCK integration: the integration request has no integer statusCode (the request template should produce {"statusCode": 200}); API Gateway answers 500');
    return GATEWAY_ERRORS.configurationError();
  }
  return mapIntegrationResponse(exchange, integration, { selector: String(status), headers: new HeaderMap(), body: Buffer.alloc(0) });
}
