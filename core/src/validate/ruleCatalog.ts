import type { Severity } from './diagnostic';

const DG = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/';

export interface RuleInfo {
  severity: Severity;
  /** What the rule checks, one line (SARIF rule descriptions, docs). */
  title: string;
  page: string;
}

/**
 * Every rule code, its default severity and the AWS page it links to. Severity follows
 * API Gateway: what an import or deployment rejects is an error, what it ignores or
 * only warns about is a warning.
 */
const RULES = {
  'apigw.document.syntax': { severity: 'error', title: 'The file is not valid YAML or JSON', page: `${DG}import-edge-optimized-api.html` },
  'apigw.document.duplicate-key': { severity: 'warning', title: 'A key is written twice in the same object; only the last value counts', page: `${DG}import-edge-optimized-api.html` },
  'apigw.document.alias-expansion': { severity: 'error', title: 'YAML aliases expand the document by millions of nodes (a "billion laughs")', page: `${DG}import-edge-optimized-api.html` },
  'apigw.document.too-large': { severity: 'warning', title: 'The file is larger than apigw reads (apigw.maxFileSizeMB); it is not checked', page: `${DG}import-edge-optimized-api.html` },
  'apigw.document.binary': { severity: 'error', title: 'The file is binary, not YAML or JSON text', page: `${DG}import-edge-optimized-api.html` },
  'apigw.ref.unresolved': { severity: 'error', title: 'A $ref points to a file or node that does not exist', page: `${DG}api-gateway-known-issues.html` },
  'apigw.ref.remote-not-fetched': { severity: 'warning', title: 'A $ref points to a remote URL, which is not fetched', page: `${DG}api-gateway-known-issues.html` },
  'apigw.openapi.version': { severity: 'error', title: 'API Gateway imports OpenAPI 2.0 and 3.0 only (HTTP APIs: 3.0 only)', page: `${DG}import-edge-optimized-api.html` },
  'apigw.openapi.schema': { severity: 'warning', title: 'The document does not match the OpenAPI schema of its version', page: `${DG}api-gateway-known-issues.html` },
  'apigw.extension.unknown': { severity: 'warning', title: 'Unknown x-amazon-apigateway-* extension (ignored by API Gateway)', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.extension.placement': { severity: 'warning', title: 'Extension written where API Gateway does not read it', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.extension.api-kind': { severity: 'warning', title: 'Extension or field that this kind of API (REST or HTTP) ignores', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.extension.type': { severity: 'error', title: 'Extension value of the wrong type', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.extension.enum': { severity: 'error', title: 'Extension value outside its allowed set', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.extension.range': { severity: 'error', title: 'Extension value outside its allowed range or length', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.extension.format': { severity: 'error', title: 'Extension value not in the required format (ARN, URI, regex, status code)', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.extension.unknown-property': { severity: 'warning', title: 'Property that the extension does not have (ignored)', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.extension.required': { severity: 'error', title: 'Required property missing from an extension object', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.extension.not-applicable': { severity: 'warning', title: 'Property that has no effect with the chosen type', page: `${DG}api-gateway-swagger-extensions.html` },
  'apigw.integration.missing': { severity: 'error', title: 'Method without an integration: deployment fails with "No integration defined for method"', page: `${DG}api-gateway-swagger-extensions-integration.html` },
  'apigw.integration.uri-required': { severity: 'error', title: 'Integration type needs a uri', page: `${DG}api-gateway-swagger-extensions-integration.html` },
  'apigw.integration.http-method-required': { severity: 'error', title: 'Integration type needs an httpMethod', page: `${DG}api-gateway-swagger-extensions-integration.html` },
  'apigw.integration.lambda-post': { severity: 'error', title: 'Lambda is invoked with POST whatever the client method', page: `${DG}set-up-lambda-proxy-integrations.html` },
  'apigw.integration.rest-aws-proxy-lambda': { severity: 'error', title: 'REST aws_proxy integrations must target a Lambda invoke URI', page: `${DG}set-up-lambda-proxy-integrations.html` },
  'apigw.integration.connection-id': { severity: 'error', title: 'VPC_LINK integrations need a connectionId', page: `${DG}set-up-private-integration.html` },
  'apigw.integration.http-api-type': { severity: 'warning', title: 'HTTP APIs support only aws_proxy and http_proxy integrations', page: `${DG}http-api-open-api.html` },
  'apigw.integration.payload-format-required': { severity: 'error', title: 'HTTP API integrations need payloadFormatVersion', page: `${DG}http-api-develop-integrations-lambda.html` },
  'apigw.integration.payload-format-lambda': { severity: 'error', title: 'payloadFormatVersion 2.0 is for Lambda proxy integrations only', page: `${DG}http-api-develop-integrations-lambda.html` },
  'apigw.integration.subtype-type': { severity: 'error', title: 'integrationSubtype needs type aws_proxy', page: `${DG}http-api-develop-integrations-aws-services-reference.html` },
  'apigw.integration.subtype-parameters': { severity: 'error', title: 'AWS service integration missing a required parameter', page: `${DG}http-api-develop-integrations-aws-services-reference.html` },
  'apigw.integration.stream': { severity: 'error', title: 'Response streaming needs a proxy integration and the streaming Lambda URI', page: `${DG}response-transfer-mode.html` },
  'apigw.integration.timeout': { severity: 'error', title: 'timeoutInMillis outside what API Gateway allows', page: `${DG}limits.html` },
  'apigw.integration.proxy-ignored': { severity: 'warning', title: 'Templates and integration responses are ignored by proxy integrations', page: `${DG}set-up-lambda-proxy-integrations.html` },
  'apigw.integration.selection-pattern': { severity: 'error', title: 'Integration response selection pattern is not a valid regular expression', page: `${DG}api-gateway-swagger-extensions-integration-responses.html` },
  'apigw.regex.backtracking': { severity: 'warning', title: 'Regular expression whose matching can take exponential time (nested or overlapping repetition)', page: `${DG}api-gateway-swagger-extensions-integration-responses.html` },
  'apigw.integration.response-status': { severity: 'error', title: 'Integration response maps to a status code the method does not declare', page: `${DG}api-gateway-swagger-extensions-integration-response.html` },
  'apigw.integration.shared-ref': { severity: 'error', title: 'Shared integrations ($ref to components/x-amazon-apigateway-integrations) are for HTTP APIs only', page: `${DG}api-gateway-extensions-integrations.html` },
  'apigw.mapping.request-key': { severity: 'error', title: 'Invalid request parameter mapping key', page: `${DG}request-response-data-mappings.html` },
  'apigw.mapping.request-value': { severity: 'error', title: 'Invalid request parameter mapping expression', page: `${DG}request-response-data-mappings.html` },
  'apigw.mapping.response-key': { severity: 'error', title: 'Invalid response parameter mapping key', page: `${DG}request-response-data-mappings.html` },
  'apigw.mapping.response-value': { severity: 'error', title: 'Invalid response parameter mapping expression', page: `${DG}request-response-data-mappings.html` },
  'apigw.mapping.undeclared-parameter': { severity: 'error', title: 'Mapping uses a method request parameter the operation does not declare', page: `${DG}request-response-data-mappings.html` },
  'apigw.mapping.undeclared-header': { severity: 'error', title: 'Mapping sets a response header the method response does not declare', page: `${DG}request-response-data-mappings.html` },
  'apigw.mapping.reserved-header': { severity: 'error', title: 'HTTP API parameter mapping cannot change a reserved header', page: `${DG}http-api-parameter-mapping.html` },
  'apigw.mapping.cache-key': { severity: 'error', title: 'cacheKeyParameters names a parameter the operation does not declare', page: `${DG}api-gateway-caching.html` },
  'apigw.authorizer.uri-required': { severity: 'error', title: 'Lambda authorizer without authorizerUri', page: `${DG}api-gateway-swagger-extensions-authorizer.html` },
  'apigw.authorizer.provider-arns': { severity: 'error', title: 'Cognito user pool authorizer without providerARNs', page: `${DG}apigateway-enable-cognito-user-pool.html` },
  'apigw.authorizer.jwt-issuer': { severity: 'error', title: 'JWT authorizer without jwtConfiguration.issuer', page: `${DG}http-api-jwt-authorizer.html` },
  'apigw.authorizer.identity-source-required': { severity: 'error', title: 'Authorizer needs an identity source', page: `${DG}api-gateway-lambda-authorizer-input.html` },
  'apigw.authorizer.identity-source': { severity: 'error', title: 'Identity source is not a valid mapping expression', page: `${DG}api-gateway-lambda-authorizer-input.html` },
  'apigw.authorizer.simple-responses': { severity: 'error', title: 'enableSimpleResponses needs authorizerPayloadFormatVersion 2.0', page: `${DG}http-api-lambda-authorizer.html` },
  'apigw.authorizer.payload-format': { severity: 'error', title: 'HTTP API Lambda authorizer needs authorizerPayloadFormatVersion', page: `${DG}http-api-lambda-authorizer.html` },
  'apigw.authorizer.scheme': { severity: 'error', title: 'Security scheme shape that API Gateway does not accept for this authorizer', page: `${DG}api-gateway-swagger-extensions-authorizer.html` },
  'apigw.security.undefined-scheme': { severity: 'warning', title: 'Security requirement names a scheme that is not defined', page: `${DG}api-gateway-swagger-extensions-authorizer.html` },
  'apigw.security.root-ignored': { severity: 'warning', title: 'REST APIs ignore root-level security', page: `${DG}api-gateway-known-issues.html` },
  'apigw.security.multiple-auth': { severity: 'error', title: 'An HTTP API route can use only one authorization type', page: `${DG}http-api-open-api.html` },
  'apigw.validator.undefined': { severity: 'error', title: 'Request validator name not defined in x-amazon-apigateway-request-validators', page: `${DG}api-gateway-swagger-extensions-request-validator.html` },
  'apigw.gateway-response.unknown-type': { severity: 'error', title: 'Unknown gateway response type', page: `${DG}supported-gateway-response-types.html` },
  'apigw.path.undeclared-parameter': { severity: 'warning', title: 'Path template parameter not declared in parameters', page: `${DG}api-gateway-method-settings-method-request.html` },
  'apigw.path.unused-parameter': { severity: 'warning', title: 'Path parameter declared but not in the path template', page: `${DG}api-gateway-method-settings-method-request.html` },
  'apigw.path.greedy-not-last': { severity: 'error', title: 'A greedy path variable such as {proxy+} must be the last segment', page: `${DG}api-gateway-set-up-simple-proxy.html` },
  'apigw.path.segment': { severity: 'error', title: 'Path segment that API Gateway does not accept', page: `${DG}api-gateway-method-settings-method-request.html` },
  'apigw.root.access-mode-required': { severity: 'error', title: 'An enhanced security policy needs x-amazon-apigateway-endpoint-access-mode', page: `${DG}apigateway-security-policies.html` },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export function ruleInfo(code: RuleCode): RuleInfo {
  return RULES[code];
}

export function allRules(): ReadonlyArray<[RuleCode, RuleInfo]> {
  return Object.entries(RULES) as Array<[RuleCode, RuleInfo]>;
}
