import { findGatewayResponse } from '../catalog/gatewayResponses';
import { contextValue, setContextError } from './context';
import type { GatewayResponseConfig } from './definition';
import type { Exchange } from './exchange';
import { HeaderMap } from './headers';
import { selectResponseTemplate } from './mediaTypes';
import { methodRequestValue } from './parameterMapping';
import type { MockResponse } from './response';

/** An error the emulator answers itself, as API Gateway would, instead of the integration. */
export interface GatewayError {
  /** REST gateway response type, e.g. `MISSING_AUTHENTICATION_TOKEN`. */
  type: string;
  /** `$context.error.message`; null where API Gateway answers `{"message": null}`. */
  message: string | null;
  /** The status when the type has no fixed default (or API Gateway uses another one for this case). */
  status?: number;
  validationErrorString?: string;
  /** REST: the `x-amzn-ErrorType` header API Gateway sends with this error. */
  errorType?: string;
  /** REST: the key of the default body, `Message` where API Gateway capitalizes it (a denying IAM policy). */
  bodyKey?: 'Message';
  /** What an HTTP API answers in this case, which has no gateway responses. */
  http: { status: number; message: string; headers?: Record<string, string> };
}

/**
 * Gateway response templates are not Velocity: API Gateway only substitutes `$context.*` and
 * `$stageVariables.*` variables in them.
 */
function substitute(exchange: Exchange, template: string): string {
  return template.replace(/\$(?:\{(context|stageVariables)\.([\w.]+)\}|(context|stageVariables)\.([\w.]*\w))/g, (whole, b1: string | undefined, n1: string | undefined, b2: string | undefined, n2: string | undefined) => {
    const base = b1 ?? b2;
    const name = n1 ?? n2 ?? '';
    const value = base === 'context' ? contextValue(exchange.context, name) : exchange.settings.stageVariables[name];
    return value ?? (base === 'context' ? whole : '');
  });
}

/** The configuration in force for a type: its own, else DEFAULT_4XX/5XX's, else none. */
function configFor(exchange: Exchange, type: string, family: 'DEFAULT_4XX' | 'DEFAULT_5XX'): { own: GatewayResponseConfig | undefined; family: GatewayResponseConfig | undefined } {
  // API Gateway ignores customizations of REQUEST_TOO_LARGE.
  if (type === 'REQUEST_TOO_LARGE') return { own: undefined, family: undefined };
  return { own: exchange.api.gatewayResponses.get(type), family: exchange.api.gatewayResponses.get(family) };
}

/** The response API Gateway sends for an error it detects itself: the gateway response in force, or the HTTP API's fixed answer. */
export function gatewayResponse(exchange: Exchange, error: GatewayError): MockResponse {
  setContextError(exchange.context, { message: error.message, responseType: error.type, validationErrorString: error.validationErrorString });
  const headers = new HeaderMap();
  if (exchange.api.kind === 'HTTP') {
    headers.set('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(error.http.headers ?? {})) headers.set(name, value);
    return { status: error.http.status, headers, body: Buffer.from(JSON.stringify({ message: error.http.message })) };
  }
  if (error.errorType) headers.set('x-amzn-ErrorType', error.errorType);
  const defaultStatus = error.status ?? Number(findGatewayResponse(error.type)?.defaultStatusCode ?? 500);
  const { own, family } = configFor(exchange, error.type, defaultStatus >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX');
  const status = Number(own?.statusCode ?? family?.statusCode ?? defaultStatus);
  const parameters = own ? own.responseParameters : (family?.responseParameters ?? {});
  const ownTemplates = own && Object.keys(own.responseTemplates).length > 0 ? own.responseTemplates : undefined;
  const familyTemplates = family && Object.keys(family.responseTemplates).length > 0 ? family.responseTemplates : undefined;
  const templates = ownTemplates ?? familyTemplates ?? { 'application/json': `{"${error.bodyKey ?? 'message'}":$context.error.messageString}` };
  for (const [target, expr] of Object.entries(parameters)) {
    const match = /^gatewayresponse\.header\.(.+)$/.exec(target);
    const value = match ? methodRequestValue(exchange, expr) : undefined;
    if (match && value !== undefined) headers.set(match[1], value);
  }
  const selected = selectResponseTemplate(templates, exchange.request.headers.get('accept'));
  const body = selected ? substitute(exchange, selected.template) : '';
  if (selected && !headers.has('content-type')) headers.set('Content-Type', selected.key);
  return { status: Number.isInteger(status) ? status : defaultStatus, headers, body: Buffer.from(body) };
}

/** The gateway errors the emulator raises, worded as API Gateway words them. */
export const GATEWAY_ERRORS = {
  routeNotFound: (): GatewayError => ({ type: 'MISSING_AUTHENTICATION_TOKEN', message: 'Missing Authentication Token', http: { status: 404, message: 'Not Found' } }),
  badRequestBody: (validationErrorString: string): GatewayError => ({
    type: 'BAD_REQUEST_BODY',
    message: 'Invalid request body',
    validationErrorString,
    http: { status: 400, message: 'Bad Request' },
  }),
  missingParameters: (names: readonly string[]): GatewayError => ({
    type: 'BAD_REQUEST_PARAMETERS',
    message: `Missing required request parameters: [${names.join(', ')}]`,
    http: { status: 400, message: 'Bad Request' },
  }),
  unsupportedMediaType: (): GatewayError => ({ type: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Media Type', http: { status: 415, message: 'Unsupported Media Type' } }),
  requestTooLarge: (): GatewayError => ({ type: 'REQUEST_TOO_LARGE', message: 'Request Too Long', http: { status: 413, message: 'Request Entity Too Large' } }),
  /** Headers over API Gateway's quota. It has no gateway response type of its own; DEFAULT_4XX's settings apply. */
  headersTooLarge: (): GatewayError => ({ type: 'DEFAULT_4XX', message: 'Request Header Fields Too Large', status: 431, http: { status: 431, message: 'Request Header Fields Too Large' } }),
  integrationTimeout: (): GatewayError => ({ type: 'INTEGRATION_TIMEOUT', message: 'Endpoint request timed out', http: { status: 503, message: 'Service Unavailable' } }),
  /** The integration endpoint could not be reached. */
  integrationFailure: (): GatewayError => ({ type: 'INTEGRATION_FAILURE', message: 'Internal server error', status: 502, http: { status: 502, message: 'Internal Server Error' } }),
  /** A Lambda proxy integration failed or answered in a shape API Gateway cannot read. */
  badProxyResponse: (): GatewayError => ({ type: 'DEFAULT_5XX', message: 'Internal server error', status: 502, http: { status: 500, message: 'Internal Server Error' } }),
  /** The API's own setup fails the request (a template error, no integration response matches...). */
  configurationError: (): GatewayError => ({ type: 'API_CONFIGURATION_ERROR', message: 'Internal server error', http: { status: 500, message: 'Internal Server Error' } }),
  /** Stage, method or usage-plan rate limit. */
  throttled: (): GatewayError => ({ type: 'THROTTLED', message: 'Too Many Requests', errorType: 'TooManyRequestsException', http: { status: 429, message: 'Too Many Requests' } }),
  /** The API key's usage-plan quota for the period is used up. */
  quotaExceeded: (): GatewayError => ({ type: 'QUOTA_EXCEEDED', message: 'Limit Exceeded', errorType: 'LimitExceededException', http: { status: 429, message: 'Too Many Requests' } }),
  /** No credentials, or ones the authorizer or the token check turned down. */
  unauthorized: (message = 'Unauthorized', httpHeaders?: Record<string, string>): GatewayError => ({
    type: 'UNAUTHORIZED',
    message,
    errorType: 'UnauthorizedException',
    http: { status: 401, message: 'Unauthorized', headers: httpHeaders },
  }),
  /** An authorizer's policy does not allow the method (REST words this one with a capital M). */
  accessDenied: (explicit: boolean): GatewayError => ({
    type: 'ACCESS_DENIED',
    message: explicit ? 'User is not authorized to access this resource with an explicit deny' : 'User is not authorized to access this resource',
    bodyKey: 'Message',
    errorType: 'AccessDeniedException',
    http: { status: 403, message: 'Forbidden' },
  }),
  /** HTTP APIs: an authenticated caller the route does not admit (a simple response's false, missing scopes). */
  forbidden: (httpHeaders?: Record<string, string>): GatewayError => ({ type: 'ACCESS_DENIED', message: 'Forbidden', http: { status: 403, message: 'Forbidden', headers: httpHeaders } }),
  /** A Lambda authorizer that failed or answered in a shape API Gateway cannot read: `{"message": null}`. */
  authorizerConfigurationError: (): GatewayError => ({
    type: 'AUTHORIZER_CONFIGURATION_ERROR',
    message: null,
    errorType: 'AuthorizerConfigurationException',
    http: { status: 500, message: 'Internal Server Error' },
  }),
  /** A Lambda authorizer that did not answer in time. */
  authorizerFailure: (): GatewayError => ({ type: 'AUTHORIZER_FAILURE', message: null, http: { status: 500, message: 'Internal Server Error' } }),
  /** An IAM method called without a SigV4 signature. */
  missingSignature: (): GatewayError => ({ type: 'MISSING_AUTHENTICATION_TOKEN', message: 'Missing Authentication Token', errorType: 'MissingAuthenticationTokenException', http: { status: 403, message: 'Forbidden' } }),
  /** An IAM method called with a signature that does not check out. */
  invalidSignature: (message: string, errorType: string): GatewayError => ({ type: 'INVALID_SIGNATURE', message, errorType, http: { status: 403, message: 'Forbidden' } }),
  /** A method that requires an API key got none, or one that no usage plan of the stage holds. */
  invalidApiKey: (): GatewayError => ({ type: 'INVALID_API_KEY', message: 'Forbidden', errorType: 'ForbiddenException', http: { status: 403, message: 'Forbidden' } }),
};

export function isGatewayError(value: object): value is GatewayError {
  return 'type' in value && 'http' in value;
}
