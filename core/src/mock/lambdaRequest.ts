import { eventAuthorizer } from './auth/callerContext';
import { routeKeyOf, type Exchange } from './exchange';
import type { MockRequest, RouteInfo } from './lambda/types';

/** The request as the Lambda event builders (integrations and authorizers) take it, with the headers API Gateway adds. */
export function lambdaRequest(exchange: Exchange): MockRequest {
  const { request, settings } = exchange;
  const headers: Array<[string, string]> = [];
  for (const [name, values] of request.headers.entries()) for (const value of values) headers.push([name, value]);
  const forwarded = request.headers.get('x-forwarded-for');
  headers.push(['X-Forwarded-For', forwarded ? `${forwarded}, ${request.sourceIp}` : request.sourceIp], ['X-Forwarded-Proto', 'http']);
  return {
    method: request.method,
    path: exchange.path,
    headers,
    query: request.query.raw,
    body: request.body,
    sourceIp: request.sourceIp,
    stage: settings.stage,
    stageVariables: settings.stageVariables,
    requestId: request.requestId,
    extendedRequestId: request.extendedRequestId,
    requestTimeEpoch: request.receivedAt,
  };
}

/** What the router and the authorizer found, for the event of the given payload (`REST` for REST APIs). */
export function routeInfo(exchange: Exchange, payload: 'REST' | '1.0' | '2.0'): RouteInfo {
  const op = exchange.operation;
  const caller = exchange.caller;
  return {
    resourcePath: op?.resourcePath ?? exchange.path,
    pathParameters: exchange.pathParams,
    routeKey: routeKeyOf(exchange.operation),
    apiId: exchange.api.apiId,
    resourceId: op?.resourceId,
    binaryMediaTypes: exchange.api.binaryMediaTypes,
    apiKey: exchange.apiKey,
    authorizer: eventAuthorizer(exchange, payload),
    callerAccessKey: caller?.kind === 'iam' ? caller.accessKey : undefined,
  };
}
