import { GATEWAY_RESPONSE_TYPES } from './gatewayResponses';
import { INTEGRATION_SUBTYPE_NAMES } from './integrationSubtypes';
import { REGEX } from './patterns';
import { QUOTAS } from './quotas';
import { SECURITY_POLICIES } from './securityPolicies';
import type { ExtensionSpec, FieldSpec } from './types';

/** A page of the API Gateway developer guide. */
export function developerGuidePage(name: string): string {
  return `https://docs.aws.amazon.com/apigateway/latest/developerguide/${name}.html`;
}

export const INTEGRATION_TYPES = ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'] as const;
export const HTTP_API_INTEGRATION_TYPES = ['aws_proxy', 'http_proxy'] as const;
export const AUTHORIZER_TYPES_REST = ['token', 'request', 'cognito_user_pools'] as const;
export const AUTHORIZER_TYPES_HTTP = ['request', 'jwt'] as const;
export const INTEGRATION_HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;
export const DOCUMENTATION_PART_TYPES = [
  'API',
  'AUTHORIZER',
  'MODEL',
  'RESOURCE',
  'METHOD',
  'PATH_PARAMETER',
  'QUERY_PARAMETER',
  'REQUEST_HEADER',
  'REQUEST_BODY',
  'RESPONSE',
  'RESPONSE_HEADER',
  'RESPONSE_BODY',
] as const;

const CONTENT_HANDLING: FieldSpec = {
  type: 'string',
  doc: 'Converts the payload between text and binary: CONVERT_TO_BINARY decodes a base64 string into bytes, CONVERT_TO_TEXT encodes binary as base64. Leave it out to pass the payload through unchanged.',
  enum: ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'],
};

const MEDIA_TYPE_KEYS = {
  keyPattern: REGEX.mediaType,
  keyDoc: 'A media type such as application/json. Only the type itself is compared, so parameters like charset do not belong in the key.',
} as const;

// ---------------------------------------------------------------- integration

const INTEGRATION_RESPONSE: FieldSpec = {
  type: 'object',
  title: 'x-amazon-apigateway-integration.response',
  page: developerGuidePage('api-gateway-swagger-extensions-integration-response'),
  doc: 'How one kind of back-end result becomes a method response: its status code, header mappings and body template.',
  additionalProperties: false,
  properties: {
    statusCode: {
      type: 'string',
      format: 'statusCode',
      doc: 'The method response status to send, a string such as "200". It should be one of the status codes listed under the operation\'s responses.',
    },
    responseTemplates: {
      type: 'map',
      title: 'x-amazon-apigateway-integration.responseTemplates',
      page: developerGuidePage('api-gateway-swagger-extensions-integration-responseTemplates'),
      doc: 'VTL templates that shape the response body, keyed by the media type the client asks for in Accept. When no key matches, the first template is used.',
      ...MEDIA_TYPE_KEYS,
      values: { type: 'string', doc: 'A VTL mapping template that produces the method response body.' },
    },
    responseParameters: {
      type: 'map',
      title: 'x-amazon-apigateway-integration.responseParameters',
      page: developerGuidePage('api-gateway-swagger-extensions-integration-responseParameters'),
      doc: 'Sets method response headers from the integration response, a stage or context variable, or a quoted constant. Declare each header on the operation response as well.',
      keyPattern: REGEX.restMethodResponseParameterKey,
      keyDoc: 'method.response.header.<name>',
      values: {
        type: 'string',
        doc: "integration.response.header.<name>, integration.response.multivalueheader.<name>, integration.response.body[.<JSONPath>], stageVariables.<name>, context.<variable>, or a constant in single quotes such as 'text'.",
      },
    },
    contentHandling: CONTENT_HANDLING,
  },
};

const INTEGRATION: FieldSpec = {
  type: 'object',
  doc: 'How the method reaches its back end. HTTP APIs may instead write {"$ref": "#/components/x-amazon-apigateway-integrations/<name>"} to reuse a shared integration.',
  additionalProperties: false,
  properties: {
    type: {
      type: 'string',
      required: true,
      doc: 'The kind of back end: aws (an AWS service action), aws_proxy (Lambda proxy, or an AWS service through integrationSubtype on HTTP APIs), http, http_proxy, or mock (answered by API Gateway itself). Either letter case works.',
      enum: INTEGRATION_TYPES,
      enumByKind: { REST: INTEGRATION_TYPES, HTTP: HTTP_API_INTEGRATION_TYPES },
      enumCaseInsensitive: true,
    },
    httpMethod: {
      type: 'string',
      doc: 'The method API Gateway uses to call the back end. Lambda is always invoked with POST; http_proxy may use ANY to forward the client method; mock integrations need none.',
      enum: INTEGRATION_HTTP_METHODS,
      enumCaseInsensitive: true,
    },
    uri: {
      type: 'string',
      format: 'integrationUri',
      doc: 'The back-end address: a Lambda invoke ARN, an AWS service ARN (…:path/… or …:action/…), an absolute http(s) URL, or for HTTP API private integrations a load balancer listener or Cloud Map service ARN. ${stageVariables.x} may appear in it.',
      byKind: { HTTP: { maxLength: QUOTAS.httpIntegrationUriChars.max } },
    },
    connectionType: {
      type: 'string',
      doc: 'VPC_LINK for a private integration through a VPC link, otherwise INTERNET.',
      enum: ['INTERNET', 'VPC_LINK'],
      default: 'INTERNET',
    },
    connectionId: {
      type: 'string',
      doc: 'The ID of the VPC link of a private integration; a REST API may write ${stageVariables.x} instead.',
    },
    integrationTarget: {
      type: 'string',
      apiKinds: ['REST'],
      verified: false,
      doc: 'For REST private integrations through a VPC link to an Application or Network Load Balancer: the ARN of the load balancer (or its listener) to send requests to.',
    },
    credentials: {
      type: 'string',
      format: 'integrationCredentials',
      doc: 'The IAM role API Gateway assumes to call the back end. For REST AWS integrations, arn:aws:iam::*:user/* calls the service with the caller\'s own identity. Without it, the back end must allow API Gateway in a resource policy.',
    },
    contentHandling: { ...CONTENT_HANDLING, apiKinds: ['REST'] },
    passthroughBehavior: {
      type: 'string',
      apiKinds: ['REST'],
      doc: 'What to do with a request body whose Content-Type has no template: when_no_match passes it through, when_no_templates passes it through only if no template is defined at all, never rejects it with 415.',
      enum: ['when_no_match', 'when_no_templates', 'never'],
      enumCaseInsensitive: true,
      default: 'when_no_match',
    },
    requestTemplates: {
      type: 'map',
      apiKinds: ['REST'],
      title: 'x-amazon-apigateway-integration.requestTemplates',
      page: developerGuidePage('api-gateway-swagger-extensions-integration-requestTemplates'),
      doc: 'VTL templates that turn the method request into the integration request body, chosen by the request Content-Type (application/json when the header is missing).',
      ...MEDIA_TYPE_KEYS,
      values: { type: 'string', doc: 'A VTL mapping template; double quotes inside it must be escaped in JSON.' },
    },
    requestParameters: {
      type: 'map',
      title: 'x-amazon-apigateway-integration.requestParameters',
      page: developerGuidePage('api-gateway-swagger-extensions-integration-requestParameters'),
      doc: 'Maps request data to the integration request. REST: integration.request.{header|querystring|path}.<name> set from method.request.*, stageVariables.*, context.* or a quoted constant. HTTP: append|overwrite|remove:header.<name> and similar keys, or the parameters of an integrationSubtype.',
      keyDoc: 'REST: integration.request.{header|querystring|path}.<name>. HTTP: append|overwrite|remove:{header|querystring}.<name>, overwrite:path, or a subtype parameter name.',
      values: {
        type: 'string',
        doc: 'REST: method.request.{path|querystring|header}.<name>, method.request.body[.<JSONPath>], stageVariables.<name>, context.<variable> or \'constant\'. HTTP: $request.*, $context.*, $stageVariables.* or static text.',
      },
    },
    responses: {
      type: 'map',
      apiKinds: ['REST'],
      title: 'x-amazon-apigateway-integration.responses',
      page: developerGuidePage('api-gateway-swagger-extensions-integration-responses'),
      doc: 'Turns back-end results into method responses. Each key is a selection pattern matched against the back-end status code (HTTP and AWS) or the Lambda error message; default catches the rest.',
      keyDoc: 'A regular expression, or default for the catch-all response.',
      values: INTEGRATION_RESPONSE,
    },
    responseParameters: {
      type: 'map',
      apiKinds: ['HTTP'],
      verified: false,
      doc: 'HTTP API response mapping, per back-end status code: keys such as overwrite:header.<name> or overwrite:statuscode, with values from $response.*, $context.*, $stageVariables.* or static text.',
      keyPattern: REGEX.httpApiResponseStatusKey,
      keyDoc: 'A back-end status code from 200 to 599.',
      values: {
        type: 'map',
        doc: 'Mappings applied when the back end returns this status.',
        keyPattern: REGEX.httpApiResponseParameterKey,
        keyDoc: 'append|overwrite|remove:header.<name>, or overwrite:statuscode.',
        values: { type: 'string', doc: '$response.header.<name>, $response.body[.<JSONPath>], $context.<variable>, $stageVariables.<name> or static text.' },
      },
    },
    timeoutInMillis: {
      type: 'integer',
      doc: 'How long API Gateway waits for the back end, in milliseconds. REST allows 50 to 29000 (Regional and private APIs can have the ceiling raised, and streaming allows up to 900000); HTTP APIs allow 50 to 30000.',
      minimum: QUOTAS.timeoutInMillisRest.min,
      byKind: {
        REST: { maximum: QUOTAS.timeoutInMillisRest.max, default: QUOTAS.timeoutInMillisRest.default },
        HTTP: { maximum: QUOTAS.timeoutInMillisHttp.max, default: QUOTAS.timeoutInMillisHttp.default },
      },
    },
    cacheKeyParameters: {
      type: 'array',
      apiKinds: ['REST'],
      doc: 'Request parameters whose values become part of the cache key, e.g. method.request.querystring.page. Each must also be declared on the operation.',
      items: { type: 'string', doc: 'A method request parameter, method.request.{path|querystring|header}.<name>.' },
    },
    cacheNamespace: {
      type: 'string',
      apiKinds: ['REST'],
      doc: 'Groups cache entries so that several methods can share them; it defaults to the resource ID.',
    },
    tlsConfig: {
      type: 'object',
      title: 'x-amazon-apigateway-integration.tlsConfig',
      page: developerGuidePage('api-gateway-extensions-integration-tls-config'),
      doc: 'TLS settings for the connection to the back end.',
      additionalProperties: false,
      properties: {
        insecureSkipVerification: {
          type: 'boolean',
          apiKinds: ['REST'],
          appliesTo: ['http', 'http_proxy'],
          default: false,
          doc: 'Accepts back-end certificates from authorities API Gateway does not trust, such as private or self-signed ones. Expiry, host name and the presence of a root CA are still checked.',
        },
        serverNameToVerify: {
          type: 'string',
          apiKinds: ['HTTP'],
          minLength: QUOTAS.tlsServerNameChars.min,
          maxLength: QUOTAS.tlsServerNameChars.max,
          doc: 'For HTTP API private integrations: the host name to check on the back-end certificate, also sent as SNI.',
        },
      },
    },
    payloadFormatVersion: {
      type: 'string',
      apiKinds: ['HTTP'],
      required: true,
      alsoAccepts: ['number'],
      enum: ['1.0', '2.0'],
      doc: 'The shape of the event sent to the back end and of the response expected from it. 2.0 exists only for Lambda proxy integrations; everything else uses 1.0.',
    },
    integrationSubtype: {
      type: 'string',
      apiKinds: ['HTTP'],
      appliesTo: ['aws_proxy'],
      minLength: QUOTAS.integrationSubtypeChars.min,
      maxLength: QUOTAS.integrationSubtypeChars.max,
      enum: INTEGRATION_SUBTYPE_NAMES,
      doc: 'Makes an aws_proxy integration call an AWS service action directly, e.g. SQS-SendMessage; requestParameters then supplies the action\'s parameters.',
    },
    responseTransferMode: {
      type: 'string',
      apiKinds: ['REST'],
      enum: ['BUFFERED', 'STREAM'],
      default: 'BUFFERED',
      doc: 'STREAM sends the response to the client as it arrives instead of waiting for all of it. Only http_proxy and aws_proxy integrations can stream, and a Lambda target needs its response-streaming URI.',
    },
  },
};

// ---------------------------------------------------------------- authorizer

const AUTHORIZER: FieldSpec = {
  type: 'object',
  doc: 'Turns the security scheme it sits in into a Lambda, Cognito user pool or JWT authorizer.',
  additionalProperties: false,
  properties: {
    type: {
      type: 'string',
      required: true,
      doc: 'REST: token (Lambda given one header), request (Lambda given request parameters) or cognito_user_pools. HTTP: request (Lambda) or jwt.',
      enum: [...AUTHORIZER_TYPES_REST, 'jwt'],
      enumByKind: { REST: AUTHORIZER_TYPES_REST, HTTP: AUTHORIZER_TYPES_HTTP },
      enumCaseInsensitive: true,
    },
    authorizerUri: {
      type: 'string',
      format: 'lambdaInvokeUri',
      appliesTo: ['token', 'request'],
      doc: 'The invoke URI of the authorizer Lambda function: arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations.',
    },
    authorizerCredentials: {
      type: 'string',
      format: 'iamRoleArn',
      appliesTo: ['token', 'request'],
      doc: 'A role API Gateway assumes to invoke the authorizer function. Leave it out when the function\'s resource policy lets API Gateway invoke it.',
    },
    authorizerPayloadFormatVersion: {
      type: 'string',
      apiKinds: ['HTTP'],
      appliesTo: ['request'],
      alsoAccepts: ['number'],
      enum: ['1.0', '2.0'],
      doc: 'The event format sent to an HTTP API Lambda authorizer and the response it returns; HTTP API Lambda authorizers need it.',
    },
    enableSimpleResponses: {
      type: 'boolean',
      apiKinds: ['HTTP'],
      appliesTo: ['request'],
      default: false,
      doc: 'Lets the Lambda authorizer answer {"isAuthorized": true|false} instead of an IAM policy. Needs authorizerPayloadFormatVersion 2.0.',
    },
    identitySource: {
      type: 'string',
      doc: 'Where the credentials are read, comma-separated. REST: method.request.header.<name>, method.request.querystring.<name>, stageVariables.<name>, context.<variable>. HTTP: $request.header.<name>, $request.querystring.<name>, $context.<variable>, $stageVariables.<name>. When one is missing the caller gets 401 without the authorizer being called.',
    },
    jwtConfiguration: {
      type: 'object',
      apiKinds: ['HTTP'],
      appliesTo: ['jwt'],
      doc: 'Which tokens a JWT authorizer accepts.',
      additionalProperties: false,
      properties: {
        issuer: {
          type: 'string',
          format: 'httpUri',
          minLength: QUOTAS.jwtIssuerChars.min,
          maxLength: QUOTAS.jwtIssuerChars.max,
          doc: 'The URL that must appear as the iss claim, e.g. https://cognito-idp.<region>.amazonaws.com/<pool ID>. It may be left out when the scheme is openIdConnect with an openIdConnectUrl.',
        },
        audience: {
          type: 'array',
          doc: 'Accepted values of the aud claim (or client_id for Cognito access tokens); at most 50.',
          items: { type: 'string', doc: 'One accepted audience.' },
        },
      },
    },
    identityValidationExpression: {
      type: 'string',
      format: 'regex',
      apiKinds: ['REST'],
      appliesTo: ['token', 'cognito_user_pools'],
      doc: 'A regular expression the token must match before the authorizer is called; a token that does not match gets 401 straight away.',
    },
    authorizerResultTtlInSeconds: {
      type: 'integer',
      alsoAccepts: ['string'],
      appliesTo: ['token', 'request', 'cognito_user_pools'],
      minimum: QUOTAS.authorizerTtlSeconds.min,
      maximum: QUOTAS.authorizerTtlSeconds.max,
      byKind: { REST: { default: QUOTAS.authorizerTtlSeconds.default } },
      doc: 'How many seconds an authorization result is cached, 0 to 3600; 0 turns caching off.',
    },
    providerARNs: {
      type: 'array',
      apiKinds: ['REST'],
      appliesTo: ['cognito_user_pools'],
      doc: 'The Cognito user pools whose tokens are accepted.',
      items: { type: 'string', format: 'cognitoUserPoolArn', doc: 'arn:aws:cognito-idp:<region>:<account>:userpool/<pool ID>' },
    },
  },
};

// ---------------------------------------------------------------- gateway responses

const GATEWAY_RESPONSE: FieldSpec = {
  type: 'object',
  title: 'x-amazon-apigateway-gateway-responses.gatewayResponse',
  page: developerGuidePage('api-gateway-swagger-extensions-gateway-responses.gatewayResponse'),
  doc: 'A customized response that API Gateway sends instead of calling the back end. All fields are optional.',
  additionalProperties: false,
  properties: {
    statusCode: {
      type: 'string',
      format: 'statusCode',
      doc: 'The status to send instead of the default one, e.g. "403".',
    },
    responseParameters: {
      type: 'map',
      title: 'x-amazon-apigateway-gateway-responses.responseParameters',
      page: developerGuidePage('api-gateway-swagger-extensions-gateway-responses.responseParameters'),
      doc: 'Headers, path or query parameters of the response, set from the method request or a quoted constant.',
      keyPattern: REGEX.gatewayResponseParameterKey,
      keyDoc: 'gatewayresponse.{header|path|querystring}.<name>',
      values: { type: 'string', doc: "method.request.{header|path|querystring}.<name>, or a constant in single quotes such as 'value'." },
    },
    responseTemplates: {
      type: 'map',
      title: 'x-amazon-apigateway-gateway-responses.responseTemplates',
      page: developerGuidePage('api-gateway-swagger-extensions-gateway-responses.responseTemplates'),
      doc: 'Response bodies by media type. They are not VTL: only $context.*, $stageVariables.* and method.request.* are substituted, e.g. $context.error.messageString.',
      ...MEDIA_TYPE_KEYS,
      values: { type: 'string', doc: 'The body, with simple variable substitution.' },
    },
  },
};

// ---------------------------------------------------------------- documentation

const AFTER_RESOURCE = DOCUMENTATION_PART_TYPES.slice(DOCUMENTATION_PART_TYPES.indexOf('RESOURCE')).map((t) => t.toLowerCase());
const AFTER_METHOD = DOCUMENTATION_PART_TYPES.slice(DOCUMENTATION_PART_TYPES.indexOf('METHOD')).map((t) => t.toLowerCase());

const DOCUMENTATION_LOCATION: FieldSpec = {
  type: 'object',
  required: true,
  doc: 'Which part of the API this documentation describes.',
  additionalProperties: false,
  properties: {
    type: {
      type: 'string',
      required: true,
      enum: DOCUMENTATION_PART_TYPES,
      doc: 'The kind of API entity documented, from API down to RESPONSE_BODY.',
    },
    path: {
      type: 'string',
      default: '/',
      appliesTo: AFTER_RESOURCE,
      doc: 'The resource path of the entity; applies to RESOURCE and the types after it.',
    },
    method: {
      type: 'string',
      default: '*',
      appliesTo: AFTER_METHOD,
      doc: 'The HTTP method of the entity, or * for all; applies to METHOD and the types after it.',
    },
    statusCode: {
      type: 'string',
      default: '*',
      pattern: REGEX.documentationStatusCode,
      appliesTo: ['response', 'response_header', 'response_body'],
      doc: 'The response status code, or * for all; applies to RESPONSE, RESPONSE_HEADER and RESPONSE_BODY.',
    },
    name: {
      type: 'string',
      appliesTo: ['authorizer', 'model', 'path_parameter', 'query_parameter', 'request_header', 'request_body', 'response_header'],
      doc: 'The name of the authorizer, model, parameter, header or body; needed for those types and invalid for the others.',
    },
  },
};

// ---------------------------------------------------------------- policy

const POLICY_STATEMENT: FieldSpec = {
  type: 'object',
  doc: 'One IAM policy statement.',
  additionalProperties: false,
  properties: {
    Sid: { type: 'string', doc: 'An optional label for the statement.' },
    Effect: { type: 'string', required: true, enum: ['Allow', 'Deny'], doc: 'Whether the statement allows or denies the actions.' },
    Principal: { type: 'any', doc: 'Who the statement applies to, e.g. "*" or {"AWS": ["arn:aws:iam::123456789012:root"]}.' },
    NotPrincipal: { type: 'any', doc: 'Everyone except these principals.' },
    Action: { type: 'any', doc: 'An action or list of actions, usually execute-api:Invoke.' },
    NotAction: { type: 'any', doc: 'Every action except these.' },
    Resource: { type: 'any', doc: 'Method ARNs, or the shorthand execute-api:/<stage>/<METHOD>/<path> which API Gateway expands on import.' },
    NotResource: { type: 'any', doc: 'Every resource except these.' },
    Condition: { type: 'object', additionalProperties: true, doc: 'Conditions such as aws:SourceIp or aws:SourceVpce.' },
  },
};

// ---------------------------------------------------------------- extensions

export const EXTENSIONS: readonly ExtensionSpec[] = [
  {
    name: 'x-amazon-apigateway-any-method',
    apiKinds: ['REST', 'HTTP'],
    placements: ['pathItem'],
    summary: 'Catch-all ANY method of a path',
    doc: 'An Operation object for the ANY method, written next to get, post and the others. It handles every method the path does not declare itself. Paired with a {proxy+} path and a proxy integration it forwards everything under a prefix.',
    page: developerGuidePage('api-gateway-swagger-extensions-any-method'),
    value: {
      type: 'object',
      doc: 'An OpenAPI Operation object, usually with an x-amazon-apigateway-integration.',
      additionalProperties: true,
      properties: {
        isDefaultRoute: {
          type: 'boolean',
          apiKinds: ['HTTP'],
          default: false,
          doc: 'true makes this the $default route of an HTTP API, the one requests that match no other route go to. The guide writes it under the path "/$default".',
        },
      },
    },
  },
  {
    name: 'x-amazon-apigateway-api-key-source',
    apiKinds: ['REST'],
    placements: ['root'],
    summary: 'Where API keys for usage plans are read from',
    doc: 'HEADER reads the key from the X-API-Key header; AUTHORIZER takes the usageIdentifierKey a Lambda authorizer returns. A method requires a key when its security lists an apiKey scheme for the x-api-key header.',
    page: developerGuidePage('api-gateway-swagger-extensions-api-key-source'),
    value: { type: 'string', doc: 'HEADER or AUTHORIZER.', enum: ['HEADER', 'AUTHORIZER'], default: 'HEADER' },
  },
  {
    name: 'x-amazon-apigateway-auth',
    apiKinds: ['REST', 'HTTP'],
    unverifiedKinds: ['HTTP'],
    placements: ['operation'],
    summary: 'Authorization type of a method (NONE or AWS_IAM)',
    doc: 'Sets the authorization of one method: NONE leaves it open, AWS_IAM requires SigV4-signed requests. Whether HTTP APIs read it is not confirmed; they usually express IAM with x-amazon-apigateway-authtype: awsSigv4.',
    page: developerGuidePage('api-gateway-swagger-extensions-auth'),
    value: {
      type: 'object',
      doc: 'An object with the authorization type.',
      additionalProperties: false,
      properties: {
        type: {
          type: 'string',
          required: true,
          enum: ['NONE', 'AWS_IAM'],
          enumCaseInsensitive: true,
          doc: 'NONE for open access, AWS_IAM for IAM (SigV4) authorization; any letter case.',
        },
      },
    },
  },
  {
    name: 'x-amazon-apigateway-authorizer',
    apiKinds: ['REST', 'HTTP'],
    placements: ['securityScheme'],
    summary: 'Lambda, Cognito or JWT authorizer behind a security scheme',
    doc: 'Turns a security scheme into an authorizer; operations use it by listing the scheme in their security. On REST APIs the scheme is type apiKey with in: header. On HTTP APIs a Lambda authorizer uses an apiKey scheme and a JWT authorizer an oauth2 or openIdConnect scheme.',
    page: developerGuidePage('api-gateway-swagger-extensions-authorizer'),
    value: AUTHORIZER,
  },
  {
    name: 'x-amazon-apigateway-authtype',
    apiKinds: ['REST', 'HTTP'],
    placements: ['securityScheme'],
    summary: 'Label of an authorizer; awsSigv4 declares IAM auth',
    doc: 'A free-form description of a Lambda authorizer on REST APIs, with no effect at run time. The value awsSigv4 is special: operations that use the scheme require IAM authorization. Values starting with aws are reserved.',
    page: developerGuidePage('api-gateway-swagger-extensions-authtype'),
    value: {
      type: 'string',
      doc: 'A label such as custom or cognito_user_pools, or awsSigv4 for IAM authorization.',
      suggestions: ['awsSigv4', 'custom', 'cognito_user_pools', 'oauth2'],
    },
  },
  {
    name: 'x-amazon-apigateway-binary-media-types',
    apiKinds: ['REST'],
    placements: ['root'],
    summary: 'Media types the API treats as binary',
    doc: 'Payloads of these media types are handled as binary rather than UTF-8 text. Wildcards such as image/* and */* are allowed. For a request, only the first media type of the Accept header counts.',
    page: developerGuidePage('api-gateway-swagger-extensions-binary-media-types'),
    value: {
      type: 'array',
      doc: 'A list of media types.',
      items: { type: 'string', format: 'mediaType', doc: 'A media type such as image/png, or a wildcard such as image/*.' },
    },
  },
  {
    name: 'x-amazon-apigateway-cors',
    apiKinds: ['HTTP'],
    placements: ['root'],
    summary: 'CORS configuration of an HTTP API',
    doc: 'With this set, API Gateway answers CORS preflight OPTIONS requests itself and ignores CORS headers returned by the back end. REST APIs have no equivalent: they need OPTIONS methods and header mappings.',
    page: developerGuidePage('api-gateway-swagger-extensions-cors-configuration'),
    value: {
      type: 'object',
      doc: 'The CORS settings.',
      additionalProperties: false,
      properties: {
        allowOrigins: { type: 'array', doc: 'Origins allowed to call the API, e.g. https://example.com, or * for any.', items: { type: 'string', doc: 'An origin.' } },
        allowCredentials: { type: 'boolean', default: false, doc: 'Whether browsers may send cookies and credentials.' },
        exposeHeaders: { type: 'array', doc: 'Response headers the browser lets scripts read.', items: { type: 'string', doc: 'A header name.' } },
        maxAge: {
          type: 'integer',
          minimum: QUOTAS.corsMaxAgeSeconds.min,
          maximum: QUOTAS.corsMaxAgeSeconds.max,
          doc: 'How many seconds browsers may cache the preflight answer, -1 to 86400.',
        },
        allowMethods: {
          type: 'array',
          doc: 'Methods allowed in cross-origin requests, or * for all.',
          items: { type: 'string', minLength: QUOTAS.corsAllowMethodChars.min, maxLength: QUOTAS.corsAllowMethodChars.max, doc: 'A method such as GET.' },
        },
        allowHeaders: { type: 'array', doc: 'Request headers allowed in cross-origin requests.', items: { type: 'string', doc: 'A header name.' } },
      },
    },
  },
  {
    name: 'x-amazon-apigateway-documentation',
    apiKinds: ['REST'],
    placements: ['root'],
    summary: 'Documentation parts of a REST API',
    doc: 'Imports documentation parts, each attached to an API entity by its location. An API may have up to 2000 parts; importing with ignore=documentation skips them.',
    page: developerGuidePage('api-gateway-swagger-extensions-documentation'),
    value: {
      type: 'object',
      doc: 'A documentation version and its parts.',
      additionalProperties: false,
      properties: {
        version: { type: 'string', doc: 'The documentation version the parts belong to.' },
        documentationParts: {
          type: 'array',
          doc: 'The documentation parts.',
          items: {
            type: 'object',
            doc: 'One documentation part: where it applies and what it says.',
            additionalProperties: false,
            properties: {
              location: DOCUMENTATION_LOCATION,
              properties: {
                type: 'object',
                required: true,
                additionalProperties: true,
                doc: 'The documentation content, with OpenAPI keys such as description or summary.',
              },
            },
          },
        },
      },
    },
  },
  {
    name: 'x-amazon-apigateway-endpoint-access-mode',
    apiKinds: ['REST'],
    placements: ['root'],
    summary: 'BASIC or STRICT endpoint access',
    doc: 'STRICT only accepts requests that arrive through the API\'s own endpoint type: the host must match the SNI for Regional and private APIs, and edge-optimized APIs are protected from domain fronting. It must be set when the security policy is one of the SecurityPolicy_ ones.',
    page: developerGuidePage('openapi-extensions-endpoint-access-mode'),
    value: { type: 'string', doc: 'BASIC or STRICT.', enum: ['BASIC', 'STRICT'] },
  },
  {
    name: 'x-amazon-apigateway-endpoint-configuration',
    apiKinds: ['REST', 'HTTP'],
    placements: ['root', 'server'],
    summary: 'Endpoint settings: default endpoint, VPC endpoints, IP address type',
    doc: 'Written at the root in OpenAPI 2.0 and inside a servers entry in OpenAPI 3.0. It does not choose the endpoint type: REST takes that from the endpointConfigurationTypes import parameter.',
    page: developerGuidePage('api-gateway-swagger-extensions-endpoint-configuration'),
    value: {
      type: 'object',
      doc: 'The endpoint settings.',
      additionalProperties: false,
      properties: {
        disableExecuteApiEndpoint: {
          type: 'boolean',
          default: false,
          doc: 'true turns off the default execute-api URL, so clients must come through a custom domain name.',
        },
        vpcEndpointIds: {
          type: 'array',
          apiKinds: ['REST'],
          doc: 'VPC endpoints that may call a private REST API.',
          items: { type: 'string', doc: 'A VPC endpoint ID such as vpce-0123456789abcdef0.' },
        },
        ipAddressType: {
          type: 'string',
          enum: ['ipv4', 'dualstack'],
          doc: 'Which IP versions clients may use: ipv4, or dualstack for IPv4 and IPv6. Private REST APIs take dualstack only.',
        },
      },
    },
  },
  {
    name: 'x-amazon-apigateway-gateway-responses',
    apiKinds: ['REST'],
    placements: ['root'],
    summary: 'Customized responses that API Gateway itself returns',
    doc: 'Changes the status, headers and body of errors API Gateway sends without reaching the back end, such as UNAUTHORIZED or THROTTLED. A type that is not customized falls back to DEFAULT_4XX or DEFAULT_5XX.',
    page: developerGuidePage('api-gateway-swagger-extensions-gateway-responses'),
    value: {
      type: 'map',
      doc: 'Gateway responses by type.',
      keyPattern: `^(?:${GATEWAY_RESPONSE_TYPES.join('|')})$`,
      keyDoc: 'A gateway response type such as DEFAULT_4XX, UNAUTHORIZED or INTEGRATION_TIMEOUT.',
      values: GATEWAY_RESPONSE,
    },
  },
  {
    name: 'x-amazon-apigateway-importexport-version',
    apiKinds: ['HTTP'],
    placements: ['root'],
    summary: 'Import/export format version of an HTTP API ("1.0")',
    doc: 'The version of the HTTP API import and export format. "1.0" is the only one.',
    page: developerGuidePage('api-gateway-extensions-importexport-version'),
    value: { type: 'string', alsoAccepts: ['number'], enum: ['1.0'], doc: 'Always "1.0".' },
  },
  {
    name: 'x-amazon-apigateway-integration',
    apiKinds: ['REST', 'HTTP'],
    placements: ['operation'],
    summary: 'Back-end integration of a method',
    doc: 'Connects the method to its back end (Lambda, an AWS service, an HTTP endpoint, a VPC link or a mock) and says how requests and responses are transformed. A method without one cannot be deployed.',
    page: developerGuidePage('api-gateway-swagger-extensions-integration'),
    value: INTEGRATION,
  },
  {
    name: 'x-amazon-apigateway-integrations',
    apiKinds: ['HTTP'],
    placements: ['components'],
    summary: 'Shared integrations of an HTTP API',
    doc: 'Named integrations under components that operations reuse with {"$ref": "#/components/x-amazon-apigateway-integrations/<name>"}. REST APIs do not support it.',
    page: developerGuidePage('api-gateway-extensions-integrations'),
    value: {
      type: 'map',
      doc: 'Integrations by name.',
      keyDoc: 'The name used in $ref.',
      values: INTEGRATION,
    },
  },
  {
    name: 'x-amazon-apigateway-minimum-compression-size',
    apiKinds: ['REST'],
    placements: ['root'],
    summary: 'Smallest payload that gets compressed, in bytes',
    doc: 'Turns on payload compression for response bodies of at least this many bytes (0 to 10485760; 0 compresses everything). Without it, compression is off.',
    page: developerGuidePage('api-gateway-openapi-minimum-compression-size'),
    value: {
      type: 'integer',
      minimum: QUOTAS.minimumCompressionSize.min,
      maximum: QUOTAS.minimumCompressionSize.max,
      doc: 'A size in bytes from 0 to 10485760.',
    },
  },
  {
    name: 'x-amazon-apigateway-policy',
    apiKinds: ['REST'],
    placements: ['root'],
    summary: 'Resource policy of a REST API',
    doc: 'An IAM policy document that decides who may invoke the API; private APIs need one. Resources may be written as execute-api:/*, which import expands to the API\'s full ARN. The policy may be at most 8192 characters.',
    page: developerGuidePage('openapi-extensions-policy'),
    value: {
      type: 'object',
      doc: 'An IAM policy document.',
      additionalProperties: false,
      properties: {
        Version: { type: 'string', enum: ['2012-10-17', '2008-10-17'], doc: 'The policy language version, normally 2012-10-17.' },
        Id: { type: 'string', doc: 'An optional identifier of the policy.' },
        Statement: { type: 'array', required: true, alsoAccepts: ['object'], doc: 'The statements of the policy (a single statement object is also accepted).', items: POLICY_STATEMENT },
      },
    },
  },
  {
    name: 'x-amazon-apigateway-request-validator',
    apiKinds: ['REST'],
    placements: ['root', 'operation'],
    summary: 'Request validator to apply',
    doc: 'Names one of the validators in x-amazon-apigateway-request-validators. At the root it is the default for every method; on an operation it overrides that default.',
    page: developerGuidePage('api-gateway-swagger-extensions-request-validator'),
    value: { type: 'string', doc: 'The name of a request validator.' },
  },
  {
    name: 'x-amazon-apigateway-request-validators',
    apiKinds: ['REST'],
    placements: ['root'],
    summary: 'Named request validators',
    doc: 'Declares validators by name; x-amazon-apigateway-request-validator picks one. Body validation uses JSON Schema draft 4 models.',
    page: developerGuidePage('api-gateway-swagger-extensions-request-validators'),
    value: {
      type: 'map',
      doc: 'Validators by name.',
      keyDoc: 'The validator name that x-amazon-apigateway-request-validator refers to.',
      values: {
        type: 'object',
        title: 'x-amazon-apigateway-request-validators.requestValidator',
        page: developerGuidePage('api-gateway-swagger-extensions-request-validators.requestValidator'),
        doc: 'What the validator checks.',
        additionalProperties: false,
        properties: {
          validateRequestBody: { type: 'boolean', default: false, doc: 'Checks the request body against the method\'s model.' },
          validateRequestParameters: { type: 'boolean', default: false, doc: 'Checks that required parameters and headers are present.' },
        },
      },
    },
  },
  {
    name: 'x-amazon-apigateway-security-policy',
    apiKinds: ['REST'],
    placements: ['root'],
    summary: 'TLS security policy of a REST API',
    doc: 'The TLS versions and cipher suites the API endpoint accepts: TLS_1_0 or TLS_1_2, or one of the enhanced SecurityPolicy_ policies, which also require x-amazon-apigateway-endpoint-access-mode. Policies ending in _EDGE are meant for edge-optimized APIs.',
    page: developerGuidePage('openapi-extensions-security-policy'),
    value: { type: 'string', enum: SECURITY_POLICIES, doc: 'A security policy name, e.g. TLS_1_2 or SecurityPolicy_TLS13_1_3_2025_09.' },
  },
  {
    name: 'x-amazon-apigateway-tag-value',
    apiKinds: ['HTTP'],
    placements: ['tag'],
    summary: 'Value of an AWS tag on an HTTP API',
    doc: 'Written in an entry of the root tags list, whose name becomes the tag key. Without it the tag value is empty.',
    page: developerGuidePage('api-gateway-openapi-extensions-x-amazon-apigateway-tag-value'),
    value: { type: 'string', maxLength: QUOTAS.httpTagValueChars, doc: 'The tag value, up to 1600 characters.' },
  },
];
