/*
 * `$context` variables, written without the `$context.` prefix. A `*` segment stands for a
 * name the API chooses (a claim, a header, a key returned by a Lambda authorizer).
 */

/** REST: usable in mapping templates, parameter mappings and access logs. */
export const REST_CONTEXT_DATA_TRANSFORM: readonly string[] = [
  'accountId',
  'apiId',
  'authorizer.claims.*',
  'authorizer.principalId',
  'authorizer.*',
  'awsEndpointRequestId',
  'deploymentId',
  'domainName',
  'domainPrefix',
  'error.message',
  'error.messageString',
  'error.responseType',
  'error.validationErrorString',
  'extendedRequestId',
  'httpMethod',
  'identity.accountId',
  'identity.apiKey',
  'identity.apiKeyId',
  'identity.caller',
  'identity.cognitoAuthenticationProvider',
  'identity.cognitoAuthenticationType',
  'identity.cognitoIdentityId',
  'identity.cognitoIdentityPoolId',
  'identity.principalOrgId',
  'identity.sourceIp',
  'identity.clientCert.clientCertPem',
  'identity.clientCert.subjectDN',
  'identity.clientCert.issuerDN',
  'identity.clientCert.serialNumber',
  'identity.clientCert.validity.notBefore',
  'identity.clientCert.validity.notAfter',
  'identity.user',
  'identity.userAgent',
  'identity.userArn',
  'path',
  'protocol',
  'requestId',
  'requestOverride.header.*',
  'requestOverride.path.*',
  'requestOverride.querystring.*',
  'responseOverride.header.*',
  'responseOverride.status',
  'requestTime',
  'requestTimeEpoch',
  'resourceId',
  'resourcePath',
  'stage',
  'wafResponseCode',
  'webaclArn',
];

/** REST: only access-log formats can use these; templates and mappings cannot. */
export const REST_CONTEXT_ACCESS_LOG_ONLY: readonly string[] = [
  'authorize.error',
  'authorize.latency',
  'authorize.status',
  'authorizer.error',
  'authorizer.integrationLatency',
  'authorizer.integrationStatus',
  'authorizer.latency',
  'authorizer.requestId',
  'authorizer.status',
  'authenticate.error',
  'authenticate.latency',
  'authenticate.status',
  'customDomain.basePathMatched',
  'integration.error',
  'integration.integrationStatus',
  'integration.latency',
  'integration.requestId',
  'integration.status',
  'integrationErrorMessage',
  'integrationLatency',
  'integrationStatus',
  'responseLatency',
  'responseLength',
  'status',
  'waf.error',
  'waf.latency',
  'waf.status',
  'xrayTraceId',
  'tlsVersion',
  'cipherSuite',
];

/** HTTP APIs: usable in access logs and parameter mapping. */
export const HTTP_CONTEXT: readonly string[] = [
  'accountId',
  'apiId',
  'authorizer.claims.*',
  'authorizer.error',
  'authorizer.principalId',
  'authorizer.*',
  'awsEndpointRequestId',
  'awsEndpointRequestId2',
  'customDomain.basePathMatched',
  'dataProcessed',
  'domainName',
  'domainPrefix',
  'error.message',
  'error.messageString',
  'error.responseType',
  'extendedRequestId',
  'httpMethod',
  'identity.accountId',
  'identity.caller',
  'identity.cognitoAuthenticationProvider',
  'identity.cognitoAuthenticationType',
  'identity.cognitoIdentityId',
  'identity.cognitoIdentityPoolId',
  'identity.principalOrgId',
  'identity.clientCert.clientCertPem',
  'identity.clientCert.subjectDN',
  'identity.clientCert.issuerDN',
  'identity.clientCert.serialNumber',
  'identity.clientCert.validity.notBefore',
  'identity.clientCert.validity.notAfter',
  'identity.sourceIp',
  'identity.user',
  'identity.userAgent',
  'identity.userArn',
  'integration.error',
  'integration.integrationStatus',
  'integration.latency',
  'integration.requestId',
  'integration.status',
  'integrationErrorMessage',
  'integrationLatency',
  'integrationStatus',
  'path',
  'protocol',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'responseLatency',
  'responseLength',
  'routeKey',
  'stage',
  'status',
];

/**
 * Whether `variable` (without `$context.`) is one of `list`. The lists are the 2023 guide plus a
 * few later additions; a miss may be a newer variable, so report it as a warning at most.
 */
export function isContextVariable(list: readonly string[], variable: string): boolean {
  const segments = variable.split('.');
  return list.some((entry) => {
    const pattern = entry.split('.');
    return pattern.length === segments.length && pattern.every((part, i) => part === '*' || part === segments[i]);
  });
}

export interface VtlMember {
  /** How it is written, e.g. `$input.json(x)`. */
  form: string;
  doc: string;
}

/** `$input` in REST mapping templates. */
export const VTL_INPUT: readonly VtlMember[] = [
  { form: '$input.body', doc: 'The raw request (or response) payload as a string.' },
  { form: '$input.json(x)', doc: 'Evaluates the JSONPath x against the payload and returns the result as a JSON string.' },
  { form: '$input.params()', doc: 'A map with the path, querystring and header parameters of the request, each a map of its own.' },
  { form: '$input.params(x)', doc: 'The value of parameter x, looked up in the path first, then the query string, then the headers.' },
  { form: '$input.path(x)', doc: 'Evaluates the JSONPath x against the payload and returns the result as an object to use in VTL.' },
];

/** `$util` in REST mapping templates. */
export const VTL_UTIL: readonly VtlMember[] = [
  { form: '$util.escapeJavaScript()', doc: 'Escapes the string with JavaScript string rules, e.g. to embed it inside JSON.' },
  { form: '$util.parseJson()', doc: 'Turns a JSON string into an object that the template can navigate.' },
  { form: '$util.urlEncode()', doc: 'Encodes the string for use in a URL (application/x-www-form-urlencoded).' },
  { form: '$util.urlDecode()', doc: 'Decodes an application/x-www-form-urlencoded string.' },
  { form: '$util.base64Encode()', doc: 'Encodes the string in base64.' },
  { form: '$util.base64Decode()', doc: 'Decodes a base64 string.' },
];

/** Ways to read a stage variable in a REST mapping template. */
export const VTL_STAGE_VARIABLE_FORMS: readonly string[] = ['$stageVariables.NAME', "$stageVariables['NAME']", "${stageVariables['NAME']}", '${stageVariables.NAME}'];
