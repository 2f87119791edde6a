import { LOCAL_ACCOUNT_ID } from './localAccount';
import {
  bodyText,
  domainOf,
  headerValue,
  httpApiBodyIsBinary,
  multiMaps,
  nullIfEmpty,
  PROTOCOL,
  queryPairs,
  requestTime,
  restBodyIsBinary,
  stagePath,
} from './proxyEventParts';
import type { MockRequest, RestIdentity, RestProxyEvent, RouteInfo } from './types';

/**
 * The event of a REST API Lambda proxy integration (AWS_PROXY), as API Gateway sends it: absent
 * maps are null, not missing; single-value maps keep the last of repeated names; `path` leaves the
 * stage out while `requestContext.path` keeps it.
 */
export function buildRestProxyEvent(req: MockRequest, route: RouteInfo): RestProxyEvent {
  const binary = restBodyIsBinary(req, route.binaryMediaTypes ?? []);
  return payloadV1(req, route, {
    path: req.path,
    resourceId: route.resourceId ?? null,
    binary,
    authorizer: route.authorizer,
  });
}

/**
 * The payload 1.0 event of an HTTP API: the REST shape with `version: '1.0'`, where `path`
 * carries the stage, `resourceId` is the route key, and text-or-base64 follows the HTTP API rule.
 */
export function buildHttpApiEventV1(req: MockRequest, route: RouteInfo): RestProxyEvent {
  return {
    version: '1.0',
    ...payloadV1(req, route, {
      path: stagePath(req.stage, req.path),
      resourceId: route.routeKey,
      binary: httpApiBodyIsBinary(req),
      // The documented 1.0 event of a route without an authorizer.
      authorizer: route.authorizer ?? { claims: null, scopes: null },
    }),
  };
}

interface Variant {
  path: string;
  resourceId: string | null;
  binary: boolean;
  authorizer: RouteInfo['authorizer'];
}

function payloadV1(req: MockRequest, route: RouteInfo, variant: Variant): RestProxyEvent {
  const headers = multiMaps(req.headers);
  const query = multiMaps(queryPairs(req.query));
  const identity: RestIdentity = {
    accessKey: route.callerAccessKey ?? null,
    accountId: null,
    ...(route.apiKey === undefined ? {} : { apiKey: route.apiKey.value, apiKeyId: route.apiKey.id }),
    caller: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp: req.sourceIp,
    user: null,
    userAgent: headerValue(req, 'user-agent') ?? null,
    userArn: null,
  };
  return {
    resource: route.resourcePath,
    path: variant.path,
    httpMethod: req.method,
    headers: headers?.last ?? null,
    multiValueHeaders: headers?.all ?? null,
    queryStringParameters: query?.last ?? null,
    multiValueQueryStringParameters: query?.all ?? null,
    pathParameters: nullIfEmpty(route.pathParameters),
    stageVariables: nullIfEmpty(req.stageVariables),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: route.apiId,
      ...(variant.authorizer === undefined ? {} : { authorizer: variant.authorizer }),
      ...domainOf(req, route),
      extendedRequestId: req.extendedRequestId,
      httpMethod: req.method,
      identity,
      path: stagePath(req.stage, req.path),
      protocol: PROTOCOL,
      requestId: req.requestId,
      requestTime: requestTime(req.requestTimeEpoch),
      requestTimeEpoch: req.requestTimeEpoch,
      resourceId: variant.resourceId,
      resourcePath: route.resourcePath,
      stage: req.stage,
    },
    body: req.body.length === 0 ? null : bodyText(req.body, variant.binary),
    isBase64Encoded: req.body.length > 0 && variant.binary,
  };
}
