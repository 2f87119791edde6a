import { randomUUID } from 'node:crypto';
import type { IntegrationConfig } from './definition';
import { addNote, type Exchange } from './exchange';
import { GATEWAY_ERRORS, isGatewayError, type GatewayError } from './gatewayResponses';
import { HeaderMap } from './headers';
import { integrationRequestBody } from './integrationRequest';
import { mapIntegrationResponse } from './integrationResponse';
import { functionRefFromUri } from './lambda/functionRef';
import { buildHttpApiEventV2 } from './lambda/httpApiEventV2';
import { mapProxyResult } from './lambda/proxyResult';
import { buildHttpApiEventV1, buildRestProxyEvent } from './lambda/restProxyEvent';
import type { LambdaOutcome } from './lambda/types';
import { lambdaRequest, routeInfo } from './lambdaRequest';
import { notEmulated } from './notEmulated';
import type { MockResponse } from './response';

function proxyEvent(exchange: Exchange, version: '1.0' | '2.0'): unknown {
  const req = lambdaRequest(exchange);
  if (exchange.api.kind === 'REST') return buildRestProxyEvent(req, routeInfo(exchange, 'REST'));
  return version === '2.0' ? buildHttpApiEventV2(req, routeInfo(exchange, '2.0')) : buildHttpApiEventV1(req, routeInfo(exchange, '1.0'));
}

async function invoke(exchange: Exchange, functionRef: string, event: unknown, timeoutMs: number): Promise<LambdaOutcome | undefined> {
  const runner = exchange.settings.lambda;
  if (!runner) return undefined;
  const started = Date.now();
  const outcome = await runner.invoke(functionRef, event, { awsRequestId: randomUUID() }, timeoutMs);
  exchange.integrationLatencyMs = Date.now() - started;
  return outcome;
}

const MAP_HINT = 'Map the function to a local handler in apigw.config.json: {"functions": {"<name>": "src/handler.js#handler"}}.';

/** The answer when nothing ran: no runner, no handler mapped, or running refused. */
function notRun(exchange: Exchange, functionRef: string, outcome: Extract<LambdaOutcome, { kind: 'unmapped' | 'refused' }> | undefined): MockResponse {
  return notEmulated(exchange, `Lambda function ${functionRef}`, outcome ? outcome.message : `No Lambda runner is set up. ${MAP_HINT}`);
}

async function runProxy(exchange: Exchange, integration: IntegrationConfig, functionRef: string): Promise<MockResponse | GatewayError> {
  const rest = exchange.api.kind === 'REST';
  const version = rest ? '1.0' : integration.payloadFormatVersion === '1.0' ? '1.0' : '2.0';
  const outcome = await invoke(exchange, functionRef, proxyEvent(exchange, version), integration.timeoutMs);
  if (outcome === undefined || outcome.kind === 'unmapped' || outcome.kind === 'refused') return notRun(exchange, functionRef, outcome);
  switch (outcome.kind) {
    case 'timeout':
      return GATEWAY_ERRORS.integrationTimeout();
    case 'error':
      addNote(exchange, `Lambda function ${functionRef} failed: ${outcome.errorType}: ${outcome.errorMessage}`);
      return GATEWAY_ERRORS.badProxyResponse();
    case 'crash':
      addNote(exchange, `Lambda function ${functionRef} crashed: ${outcome.message}`);
      return GATEWAY_ERRORS.badProxyResponse();
    case 'result': {
      const mapped = mapProxyResult(outcome.payload, version, rest ? { binaryMediaTypes: exchange.api.binaryMediaTypes, accept: exchange.request.headers.get('accept') } : undefined);
      if ('malformed' in mapped) {
        addNote(exchange, `Malformed Lambda proxy response: ${mapped.malformed}`);
        return GATEWAY_ERRORS.badProxyResponse();
      }
      const headers = new HeaderMap();
      for (const [name, values] of Object.entries(mapped.multiValueHeaders)) for (const value of values) headers.append(name, value);
      for (const cookie of mapped.cookies) headers.append('Set-Cookie', cookie);
      if (!rest && !headers.has('content-type')) headers.set('Content-Type', 'application/json');
      return { status: mapped.statusCode, headers, body: mapped.body };
    }
  }
}

/** REST Lambda custom integration: the request template is the event, the outcome goes through integration responses. */
async function runCustom(exchange: Exchange, integration: IntegrationConfig, functionRef: string): Promise<MockResponse | GatewayError> {
  const request = integrationRequestBody(exchange, integration);
  if (isGatewayError(request)) return request;
  let event: unknown;
  try {
    const text = request.body.toString('utf8');
    event = text.trim() === '' ? {} : JSON.parse(text);
  } catch (err) {
    addNote(exchange, `the Lambda payload is not JSON (${err instanceof Error ? err.message : String(err)}); Lambda rejects it`);
    return GATEWAY_ERRORS.configurationError();
  }
  const outcome = await invoke(exchange, functionRef, event, integration.timeoutMs);
  if (outcome === undefined || outcome.kind === 'unmapped' || outcome.kind === 'refused') return notRun(exchange, functionRef, outcome);
  const none = new HeaderMap();
  switch (outcome.kind) {
    case 'timeout':
      return GATEWAY_ERRORS.integrationTimeout();
    case 'result':
      return mapIntegrationResponse(exchange, integration, { selector: undefined, headers: none, body: Buffer.from(JSON.stringify(outcome.payload) ?? 'null') });
    case 'error': {
      const body = JSON.stringify({ errorMessage: outcome.errorMessage, errorType: outcome.errorType, stackTrace: outcome.stack ?? [] });
      return mapIntegrationResponse(exchange, integration, { selector: outcome.errorMessage, headers: none, body: Buffer.from(body) });
    }
    case 'crash': {
      addNote(exchange, `Lambda function ${functionRef} crashed: ${outcome.message}`);
      const body = JSON.stringify({ errorMessage: outcome.message, errorType: 'Runtime.ExitError' });
      return mapIntegrationResponse(exchange, integration, { selector: outcome.message, headers: none, body: Buffer.from(body) });
    }
  }
}

/**
 * Lambda integrations, proxy (`aws_proxy`) and custom (`aws` with a Lambda URI). Undefined
 * when the integration's URI names no Lambda function (an AWS service integration).
 */
export async function runLambdaIntegration(exchange: Exchange, integration: IntegrationConfig): Promise<MockResponse | GatewayError | undefined> {
  const functionRef = functionRefFromUri(integration.uri, exchange.settings.stageVariables);
  if (functionRef === undefined) return undefined;
  return integration.type === 'aws_proxy' ? runProxy(exchange, integration, functionRef) : runCustom(exchange, integration, functionRef);
}
