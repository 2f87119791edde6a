import { checkApiKey } from './apiKeys';
import { authorize } from './auth/authorization';
import { compressResponse, decompressRequest } from './compression';
import { answerPreflight, decorateCors } from './cors';
import type { MockApi, MockOperation } from './definition';
import { addNote, createExchange, type Exchange, type MockSettings } from './exchange';
import { GATEWAY_ERRORS, gatewayResponse, isGatewayError, type GatewayError } from './gatewayResponses';
import { runHttpIntegration } from './httpIntegration';
import { runLambdaIntegration } from './lambdaIntegration';
import { throttleMethod } from './limits/methodThrottling';
import { runMockIntegration } from './mockIntegration';
import { notEmulated } from './notEmulated';
import type { IncomingRequest } from './request';
import type { MockResponse } from './response';
import { validateRequest } from './requestValidation';
import { withStageCache } from './responseCache';
import { resolveRoute } from './routing';

/** The header that tells the client where the emulator approximated or skipped something. */
export const NOTE_HEADER = 'x-apigw-mock-note';

const SERVICE_HINT =
  'Point the method at a local endpoint to try it here (type http_proxy with a uri such as http://127.0.0.1:4000/..., or a Lambda handler mapped in apigw.config.json), or call a deployed stage.';

async function runIntegration(exchange: Exchange): Promise<MockResponse | GatewayError> {
  const op = exchange.operation;
  const integration = op?.integration;
  if (!integration) {
    addNote(exchange, "the method has no x-amazon-apigateway-integration: API Gateway refuses to deploy it ('No integration defined for method')");
    return GATEWAY_ERRORS.configurationError();
  }
  switch (integration.type) {
    case 'mock':
      return runMockIntegration(exchange, integration);
    case 'http':
    case 'http_proxy':
      if (exchange.api.kind === 'HTTP' && integration.connectionType === 'VPC_LINK') {
        return notEmulated(exchange, `private integration (${integration.uri ?? 'VPC link'})`, SERVICE_HINT);
      }
      return runHttpIntegration(exchange, integration);
    case 'aws':
    case 'aws_proxy': {
      if (integration.integrationSubtype) return notEmulated(exchange, `AWS service integration ${integration.integrationSubtype}`, SERVICE_HINT);
      const lambda = await runLambdaIntegration(exchange, integration);
      return lambda ?? notEmulated(exchange, `AWS service integration (${integration.uri ?? 'no uri'})`, SERVICE_HINT);
    }
    default:
      addNote(exchange, `unknown integration type '${integration.type}'`);
      return GATEWAY_ERRORS.configurationError();
  }
}

/** Headers API Gateway puts on every response, and the note header when there are notes. */
export function stampResponse(exchange: Exchange, response: MockResponse): void {
  const { request } = exchange;
  if (exchange.api.kind === 'HTTP') response.headers.set('Apigw-Requestid', request.extendedRequestId);
  else {
    response.headers.set('x-amzn-RequestId', request.requestId);
    response.headers.set('x-amz-apigw-id', request.extendedRequestId);
  }
  // Notes quote handlers' error messages and the like: a character a header cannot carry would make Node throw on writing it.
  if (exchange.notes.length > 0) response.headers.set(NOTE_HEADER, exchange.notes.join('; ').replace(/[^\t\x20-\x7e\x80-\xff]/g, '?'));
}

/**
 * A request that found its method, in API Gateway's order: stage throttling, authorization,
 * the API key and its usage plan, request validation, then the stage cache or the integration.
 */
async function serveMethod(exchange: Exchange, op: MockOperation): Promise<MockResponse | GatewayError> {
  decompressRequest(exchange);
  for (const { name, reason } of op.auth.ignored) addNote(exchange, `security scheme ${name} not enforced: ${reason}`);
  const refused = throttleMethod(exchange) ?? (await authorize(exchange)) ?? checkApiKey(exchange);
  if (refused) return refused;
  const invalid = exchange.api.kind === 'REST' ? validateRequest(op, exchange.request, (text) => addNote(exchange, text)) : undefined;
  return invalid ?? (await withStageCache(exchange, () => runIntegration(exchange)));
}

/** Handles one request the way API Gateway would: route, validate, integrate, map, answer. */
export async function handleRequest(api: MockApi, settings: MockSettings, request: IncomingRequest): Promise<{ exchange: Exchange; response: MockResponse }> {
  const route = resolveRoute(api, settings.stage, request.method, request.rawPath);
  const op = route.operation;
  const exchange = createExchange(api, settings, request, { operation: op, pathParams: route.match?.params ?? {}, path: route.path });
  const preflight = api.cors ? answerPreflight(exchange, api.cors) : undefined;
  const outcome = preflight ?? (op ? await serveMethod(exchange, op) : GATEWAY_ERRORS.routeNotFound());
  const response = isGatewayError(outcome) ? gatewayResponse(exchange, outcome) : outcome;
  if (api.cors && !preflight) decorateCors(exchange, api.cors, response);
  compressResponse(exchange, response);
  stampResponse(exchange, response);
  return { exchange, response };
}
