import { LOCAL_ACCOUNT_ID } from './localAccount';
import { bodyText, domainOf, groupValues, headerValue, httpApiBodyIsBinary, PROTOCOL, queryPairs, recordOf, requestTime, stagePath } from './proxyEventParts';
import type { HttpApiEventV2, MockRequest, RouteInfo } from './types';

/**
 * The payload 2.0 event of an HTTP API: header names lower-cased and repeated values joined with
 * commas, Cookie headers moved to `cookies`, repeated query values comma-joined, and maps that
 * would be empty left out instead of null. `rawPath` carries a named stage.
 */
export function buildHttpApiEventV2(req: MockRequest, route: RouteInfo): HttpApiEventV2 {
  const lowerCased = req.headers.map(([name, value]) => [name.toLowerCase(), value] as const);
  const cookies = lowerCased
    .filter(([name]) => name === 'cookie')
    .flatMap(([, value]) => value.split(';').map((c) => c.trim()))
    .filter((c) => c !== '');
  const headers = joined(lowerCased.filter(([name]) => name !== 'cookie'));
  const query = joined(queryPairs(req.query));
  const rawPath = stagePath(req.stage, req.path);
  const binary = httpApiBodyIsBinary(req);
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString: req.query,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: route.apiId,
      ...(route.authorizer === undefined ? {} : { authorizer: route.authorizer }),
      ...domainOf(req, route),
      http: { method: req.method, path: rawPath, protocol: PROTOCOL, sourceIp: req.sourceIp, userAgent: headerValue(req, 'user-agent') ?? '' },
      requestId: req.requestId,
      routeKey: route.routeKey,
      stage: req.stage,
      time: requestTime(req.requestTimeEpoch),
      timeEpoch: req.requestTimeEpoch,
    },
    ...(req.body.length > 0 ? { body: bodyText(req.body, binary) } : {}),
    ...(Object.keys(route.pathParameters).length > 0 ? { pathParameters: { ...route.pathParameters } } : {}),
    isBase64Encoded: req.body.length > 0 && binary,
    ...(Object.keys(req.stageVariables).length > 0 ? { stageVariables: { ...req.stageVariables } } : {}),
  };
}

function joined(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  return recordOf([...groupValues(pairs)].map(([name, values]) => [name, values.join(',')]));
}
