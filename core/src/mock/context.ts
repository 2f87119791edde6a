import { requestTime } from './lambda/proxyEventParts';
import type { IncomingRequest } from './request';

/** The `$context.requestOverride` / `$context.responseOverride` maps that templates may set. */
export interface ContextOverrides {
  requestOverride: { header: Record<string, unknown>; path: Record<string, unknown>; querystring: Record<string, unknown> };
  responseOverride: { header: Record<string, unknown>; status?: unknown };
}

export interface ContextError {
  /** Null where API Gateway answers `{"message": null}` (an authorizer that failed). */
  message: string | null;
  responseType: string;
  validationErrorString?: string;
}

/** What the `$context` of one request is built from. */
export interface ContextSource {
  request: IncomingRequest;
  apiId: string;
  accountId: string;
  stage: string;
  /** The path as `$context.path` shows it (REST: with the stage). */
  path: string;
  resourcePath: string;
  resourceId: string;
  /** HTTP APIs: `$context.routeKey`. */
  routeKey?: string;
}

/**
 * The `$context` object of one request, shared by its mapping templates, parameter mappings,
 * gateway responses and access log. Identity fields that need an authorizer or IAM caller
 * are empty strings, as API Gateway renders them for an anonymous caller.
 */
export function buildContext(source: ContextSource): Record<string, unknown> & ContextOverrides {
  const { request } = source;
  // A port is not part of `$context.domainName`.
  const host = (request.headers.get('host') ?? '').replace(/:\d+$/, '');
  return {
    accountId: source.accountId,
    apiId: source.apiId,
    authorizer: { claims: {}, principalId: '' },
    awsEndpointRequestId: '',
    deploymentId: source.apiId.slice(0, 6),
    domainName: host,
    domainPrefix: host.split('.')[0],
    error: { message: '', messageString: '', responseType: '', validationErrorString: '' },
    extendedRequestId: request.extendedRequestId,
    httpMethod: request.method,
    identity: {
      accountId: '',
      apiKey: '',
      apiKeyId: '',
      caller: '',
      cognitoAuthenticationProvider: '',
      cognitoAuthenticationType: '',
      cognitoIdentityId: '',
      cognitoIdentityPoolId: '',
      principalOrgId: '',
      sourceIp: request.sourceIp,
      user: '',
      userAgent: request.headers.get('user-agent') ?? '',
      userArn: '',
    },
    path: source.path,
    protocol: request.protocol,
    requestId: request.requestId,
    requestOverride: { header: {}, path: {}, querystring: {} },
    responseOverride: { header: {} },
    requestTime: requestTime(request.receivedAt),
    requestTimeEpoch: request.receivedAt,
    resourceId: source.resourceId,
    resourcePath: source.resourcePath,
    ...(source.routeKey === undefined ? {} : { routeKey: source.routeKey }),
    stage: source.stage,
    wafResponseCode: '',
    webaclArn: '',
  };
}

/** Records the error a gateway response is about, for `$context.error.*`. */
export function setContextError(context: Record<string, unknown>, error: ContextError): void {
  context.error = {
    message: error.message ?? '',
    messageString: JSON.stringify(error.message),
    responseType: error.responseType,
    validationErrorString: error.validationErrorString ?? '',
  };
}

/** A `$context` variable by dotted name (`identity.sourceIp`), as text; undefined when it does not exist. */
export function contextValue(context: Record<string, unknown>, name: string): string | undefined {
  let value: unknown = context;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  return String(value);
}
