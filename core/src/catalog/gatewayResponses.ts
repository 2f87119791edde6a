export type GatewayResponseFallback = 'DEFAULT_4XX' | 'DEFAULT_5XX';

export interface GatewayResponseType {
  type: string;
  /** Status sent when nothing overrides it; `null` for the two DEFAULT_* types, which have none of their own. */
  defaultStatusCode: string | null;
  /** The type whose customization applies when this one is not customized. */
  fallsBackTo: GatewayResponseFallback | null;
  doc: string;
  /** Set when the fallback is not documented. */
  verified?: false;
  /** The guide once said customizing this type is not supported. */
  customizable?: false;
}

/** The 21 REST gateway response types (the keys of `x-amazon-apigateway-gateway-responses`). */
export const GATEWAY_RESPONSES: readonly GatewayResponseType[] = [
  { type: 'ACCESS_DENIED', defaultStatusCode: '403', fallsBackTo: 'DEFAULT_4XX', doc: 'Authorization failed, for example a Lambda authorizer returned a Deny policy.' },
  { type: 'API_CONFIGURATION_ERROR', defaultStatusCode: '500', fallsBackTo: 'DEFAULT_5XX', doc: 'The API is set up wrongly, for example an invalid integration address or a failed binary conversion.' },
  { type: 'AUTHORIZER_CONFIGURATION_ERROR', defaultStatusCode: '500', fallsBackTo: 'DEFAULT_5XX', doc: 'API Gateway could not reach or use the authorizer.' },
  { type: 'AUTHORIZER_FAILURE', defaultStatusCode: '500', fallsBackTo: 'DEFAULT_5XX', doc: 'The authorizer failed to authenticate the caller.' },
  { type: 'BAD_REQUEST_BODY', defaultStatusCode: '400', fallsBackTo: 'DEFAULT_4XX', doc: 'The request body failed validation against the method model.' },
  { type: 'BAD_REQUEST_PARAMETERS', defaultStatusCode: '400', fallsBackTo: 'DEFAULT_4XX', doc: 'A required request parameter is missing or invalid.' },
  { type: 'DEFAULT_4XX', defaultStatusCode: null, fallsBackTo: null, doc: 'Applies to every 4XX response type that is not customized; a statusCode here changes the status of all of them.' },
  { type: 'DEFAULT_5XX', defaultStatusCode: null, fallsBackTo: null, doc: 'Applies to every 5XX response type that is not customized; a statusCode here changes the status of all of them.' },
  { type: 'EXPIRED_TOKEN', defaultStatusCode: '403', fallsBackTo: 'DEFAULT_4XX', doc: 'The AWS credentials or token of the request have expired.' },
  { type: 'INTEGRATION_FAILURE', defaultStatusCode: '504', fallsBackTo: 'DEFAULT_5XX', doc: 'The integration failed.' },
  { type: 'INTEGRATION_TIMEOUT', defaultStatusCode: '504', fallsBackTo: 'DEFAULT_5XX', doc: 'The integration did not answer within its timeout.' },
  { type: 'INVALID_API_KEY', defaultStatusCode: '403', fallsBackTo: 'DEFAULT_4XX', doc: 'The method requires an API key and the one sent is not valid.' },
  { type: 'INVALID_SIGNATURE', defaultStatusCode: '403', fallsBackTo: 'DEFAULT_4XX', doc: 'The SigV4 signature of an IAM-authorized request does not match.' },
  { type: 'MISSING_AUTHENTICATION_TOKEN', defaultStatusCode: '403', fallsBackTo: 'DEFAULT_4XX', doc: 'No authentication token was sent; also what an unknown path or method returns.' },
  { type: 'QUOTA_EXCEEDED', defaultStatusCode: '429', fallsBackTo: 'DEFAULT_4XX', doc: 'The usage plan quota of the API key is used up.' },
  {
    type: 'REQUEST_TOO_LARGE',
    defaultStatusCode: '413',
    fallsBackTo: 'DEFAULT_4XX',
    doc: 'The request is larger than API Gateway accepts.',
    customizable: false,
  },
  { type: 'RESOURCE_NOT_FOUND', defaultStatusCode: '404', fallsBackTo: 'DEFAULT_4XX', doc: 'The request was authenticated but API Gateway found no resource for it.' },
  { type: 'THROTTLED', defaultStatusCode: '429', fallsBackTo: 'DEFAULT_4XX', doc: 'A usage plan, method or account throttling limit was exceeded.' },
  { type: 'UNAUTHORIZED', defaultStatusCode: '401', fallsBackTo: null, doc: 'The custom or Cognito authorizer could not authenticate the caller.', verified: false },
  { type: 'UNSUPPORTED_MEDIA_TYPE', defaultStatusCode: '415', fallsBackTo: 'DEFAULT_4XX', doc: 'No request template matches the Content-Type and passthrough is off.' },
  { type: 'WAF_FILTERED', defaultStatusCode: '403', fallsBackTo: 'DEFAULT_4XX', doc: 'AWS WAF blocked the request; WAF custom responses take precedence over this one.' },
];

export const GATEWAY_RESPONSE_TYPES: readonly string[] = GATEWAY_RESPONSES.map((response) => response.type);

export function findGatewayResponse(type: string): GatewayResponseType | undefined {
  return GATEWAY_RESPONSES.find((response) => response.type === type);
}
