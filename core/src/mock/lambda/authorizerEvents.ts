import { buildHttpApiEventV2 } from './httpApiEventV2';
import { buildHttpApiEventV1, buildRestProxyEvent } from './restProxyEvent';
import type { HttpApiEventV2, MockRequest, RestProxyEvent, RouteInfo } from './types';

/*
 * The events API Gateway sends a Lambda authorizer ("Input to an API Gateway Lambda authorizer"
 * for REST, "Working with AWS Lambda authorizers for HTTP APIs" for both payload versions).
 * REQUEST events are the proxy event of the same request without its body; empty maps are
 * `{}` in them, not null.
 */

/** REST TOKEN authorizer: the token (the identity header's value, as sent) and the method ARN. */
export interface TokenAuthorizerEvent {
  type: 'TOKEN';
  authorizationToken: string;
  methodArn: string;
}

type StringMap = Record<string, string>;

/** REST REQUEST authorizer. */
export interface RestRequestAuthorizerEvent {
  type: 'REQUEST';
  methodArn: string;
  resource: string;
  path: string;
  httpMethod: string;
  headers: StringMap;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: StringMap;
  multiValueQueryStringParameters: Record<string, string[]>;
  pathParameters: StringMap;
  stageVariables: StringMap;
  requestContext: RestProxyEvent['requestContext'];
}

/** HTTP API REQUEST authorizer, payload 1.0: the REST shape plus the identity values, comma-joined. */
export interface HttpAuthorizerEventV1 extends Omit<RestRequestAuthorizerEvent, 'type'> {
  version: '1.0';
  type: 'REQUEST';
  identitySource: string;
  authorizationToken: string;
}

/** HTTP API REQUEST authorizer, payload 2.0: the 2.0 proxy event without its body, plus the route ARN and identity values. */
export type HttpAuthorizerEventV2 = Omit<HttpApiEventV2, 'body' | 'isBase64Encoded'> & {
  type: 'REQUEST';
  routeArn: string;
  identitySource: string[];
};

export function buildTokenAuthorizerEvent(token: string, methodArn: string): TokenAuthorizerEvent {
  return { type: 'TOKEN', authorizationToken: token, methodArn };
}

function requestShape(event: RestProxyEvent, methodArn: string): RestRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn,
    resource: event.resource,
    path: event.path,
    httpMethod: event.httpMethod,
    headers: event.headers ?? {},
    multiValueHeaders: event.multiValueHeaders ?? {},
    queryStringParameters: event.queryStringParameters ?? {},
    multiValueQueryStringParameters: event.multiValueQueryStringParameters ?? {},
    pathParameters: event.pathParameters ?? {},
    stageVariables: event.stageVariables ?? {},
    requestContext: event.requestContext,
  };
}

export function buildRestRequestAuthorizerEvent(req: MockRequest, route: RouteInfo, methodArn: string): RestRequestAuthorizerEvent {
  return requestShape(buildRestProxyEvent(req, { ...route, authorizer: undefined }), methodArn);
}

export function buildHttpAuthorizerEventV1(req: MockRequest, route: RouteInfo, methodArn: string, identity: readonly string[]): HttpAuthorizerEventV1 {
  const { type, ...rest } = requestShape(buildHttpApiEventV1(req, { ...route, authorizer: undefined }), methodArn);
  const { authorizer: _none, ...requestContext } = rest.requestContext;
  const joined = identity.join(',');
  return { version: '1.0', type, ...rest, requestContext, identitySource: joined, authorizationToken: joined };
}

export function buildHttpAuthorizerEventV2(req: MockRequest, route: RouteInfo, routeArn: string, identity: readonly string[]): HttpAuthorizerEventV2 {
  const { body: _body, isBase64Encoded: _encoded, version, ...rest } = buildHttpApiEventV2(req, { ...route, authorizer: undefined });
  return { version, type: 'REQUEST', routeArn, identitySource: [...identity], ...rest };
}
