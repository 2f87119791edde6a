import assert from 'node:assert/strict';
import { allRules, type RuleCode } from '../../core/src/validate/ruleCatalog';
import type { LintOptions } from '../../core/src/lint';
import { dedent, lint } from '../support/lint';

const LAMBDA = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';
const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders';

function indent(text: string, by: number): string {
  const pad = ' '.repeat(by);
  return dedent(text)
    .split('\n')
    .map((l) => (l.trim() === '' ? l : pad + l))
    .join('\n');
}

const LAMBDA_PROXY = `
x-amazon-apigateway-integration:
  type: aws_proxy
  httpMethod: POST
  uri: ${LAMBDA}`;

/** A REST API with one operation at `path`; `op` is the operation body, `root` extra top-level YAML. */
function rest(op: string, root = '', path = '/items/{id}'): string {
  const params = path.includes('{id}') ? indent(`
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}`, 6) : '';
  return [
    'openapi: 3.0.1',
    'info: {title: Orders, version: "1"}',
    'paths:',
    `  ${path}:`,
    '    get:',
    params,
    "      responses: {'200': {description: ok, headers: {X-Request-Id: {schema: {type: string}}}}}",
    indent(op, 6),
    indent(root, 0),
  ]
    .filter((l) => l.trim() !== '')
    .join('\n');
}

/** An HTTP API (importexport-version marks it) with one route. */
function http(op: string, root = ''): string {
  return [
    'openapi: 3.0.1',
    'info: {title: Orders, version: "1"}',
    'x-amazon-apigateway-importexport-version: "1.0"',
    'paths:',
    '  /orders:',
    '    post:',
    "      responses: {'200': {description: ok}}",
    indent(op, 6),
    indent(root, 0),
  ]
    .filter((l) => l.trim() !== '')
    .join('\n');
}

const HTTP_LAMBDA = `
x-amazon-apigateway-integration:
  type: aws_proxy
  uri: ${LAMBDA_ARN}
  payloadFormatVersion: "2.0"`;

interface Case {
  code: RuleCode;
  title: string;
  bad: string;
  good: string;
  pointer?: string;
  files?: Record<string, string>;
  /** Options of the failing run only (the passing one runs with the defaults). */
  options?: LintOptions;
}

const ITEM = '/paths/~1items~1{id}/get';

const CASES: Case[] = [
  { code: 'apigw.openapi.version', title: 'OpenAPI 3.1 is not imported', bad: rest(LAMBDA_PROXY).replace('3.0.1', '3.1.0'), good: rest(LAMBDA_PROXY), pointer: '/openapi' },
  {
    code: 'apigw.openapi.schema',
    title: 'info.version is required',
    bad: rest(LAMBDA_PROXY).replace('info: {title: Orders, version: "1"}', 'info: {title: Orders}'),
    good: rest(LAMBDA_PROXY),
    pointer: '/info',
  },
  {
    code: 'apigw.integration.lambda-post',
    title: 'Lambda needs POST',
    bad: rest(LAMBDA_PROXY.replace('httpMethod: POST', 'httpMethod: GET')),
    good: rest(LAMBDA_PROXY),
    pointer: `${ITEM}/x-amazon-apigateway-integration/httpMethod`,
  },
  {
    code: 'apigw.integration.uri-required',
    title: 'aws_proxy needs a uri',
    bad: rest(LAMBDA_PROXY.replace(/\n\s+uri: .*/, '')),
    good: rest(LAMBDA_PROXY),
    pointer: `${ITEM}/x-amazon-apigateway-integration`,
  },
  {
    code: 'apigw.integration.http-method-required',
    title: 'http_proxy needs an httpMethod',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        uri: https://backend.example.com/items`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/items`),
  },
  {
    code: 'apigw.integration.rest-aws-proxy-lambda',
    title: 'REST aws_proxy is Lambda only',
    bad: rest(LAMBDA_PROXY.replace(LAMBDA, 'arn:aws:apigateway:us-east-1:s3:path/bucket/key')),
    good: rest(LAMBDA_PROXY),
    pointer: `${ITEM}/x-amazon-apigateway-integration/uri`,
  },
  {
    code: 'apigw.integration.connection-id',
    title: 'VPC_LINK needs connectionId',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        connectionType: VPC_LINK
        uri: http://internal.example.com/items`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        connectionType: VPC_LINK
        connectionId: \${stageVariables.vpcLinkId}
        uri: http://internal.example.com/items`),
  },
  {
    code: 'apigw.integration.timeout',
    title: 'REST timeout at most 29000',
    bad: rest(`${LAMBDA_PROXY}\n  timeoutInMillis: 40000`),
    good: rest(`${LAMBDA_PROXY}\n  timeoutInMillis: 29000`),
    pointer: `${ITEM}/x-amazon-apigateway-integration/timeoutInMillis`,
  },
  {
    code: 'apigw.integration.proxy-ignored',
    title: 'templates on a proxy integration do nothing',
    bad: rest(`${LAMBDA_PROXY}\n  requestTemplates: {application/json: '{}'}`),
    good: rest(LAMBDA_PROXY),
  },
  {
    code: 'apigw.regex.backtracking',
    title: 'a selection pattern whose matching can take exponential time',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          "(.*Error)+.*": {statusCode: "200"}
          default: {statusCode: "200"}`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          ".*Error.*": {statusCode: "200"}
          default: {statusCode: "200"}`),
  },
  {
    code: 'apigw.integration.selection-pattern',
    title: 'selection patterns are regexes',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          "(5\\\\d{2}": {statusCode: "200"}
          default: {statusCode: "200"}`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          "5\\\\d{2}": {statusCode: "200"}
          default: {statusCode: "200"}`),
  },
  {
    code: 'apigw.integration.response-status',
    title: 'integration response status must be a method response',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default: {statusCode: "418"}`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default: {statusCode: "200"}`),
    pointer: `${ITEM}/x-amazon-apigateway-integration/responses/default/statusCode`,
  },
  {
    code: 'apigw.mapping.request-value',
    title: 'request mapping values are expressions',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: https://backend.example.com/items/{id}
        requestParameters:
          integration.request.path.id: method.request.pathparam.id`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: https://backend.example.com/items/{id}
        requestParameters:
          integration.request.path.id: method.request.path.id`),
  },
  {
    code: 'apigw.mapping.undeclared-parameter',
    title: 'mapped method parameters must be declared',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/items/{id}
        requestParameters:
          integration.request.header.X-Tenant: method.request.header.X-Tenant`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/items/{id}
        requestParameters:
          integration.request.header.X-Tenant: "'acme'"`),
  },
  {
    code: 'apigw.mapping.request-key',
    title: 'request mapping keys name an integration parameter',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/items/{id}
        requestParameters:
          integration.request.body.id: method.request.path.id`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/items/{id}
        requestParameters:
          integration.request.path.id: method.request.path.id`),
  },
  {
    code: 'apigw.mapping.undeclared-header',
    title: 'mapped response headers must be declared',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseParameters: {method.response.header.X-Trace: "'abc'"}`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseParameters: {method.response.header.X-Request-Id: context.requestId}`),
  },
  {
    code: 'apigw.mapping.cache-key',
    title: 'cache keys must be declared parameters',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/items/{id}
        cacheKeyParameters: [method.request.querystring.page]`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://backend.example.com/items/{id}
        cacheKeyParameters: [method.request.path.id]`),
  },
  {
    code: 'apigw.integration.missing',
    title: 'every REST method needs an integration',
    bad: rest(LAMBDA_PROXY) + '\n  /health:\n    get:\n      responses: {"200": {description: ok}}',
    good: rest(LAMBDA_PROXY),
    pointer: '/paths/~1health/get',
  },
  {
    code: 'apigw.extension.unknown',
    title: 'typos in extension names',
    bad: rest(LAMBDA_PROXY, 'x-amazon-apigateway-binary-media-type: [image/png]'),
    good: rest(LAMBDA_PROXY, 'x-amazon-apigateway-binary-media-types: [image/png]'),
    pointer: '/x-amazon-apigateway-binary-media-type',
  },
  {
    code: 'apigw.extension.placement',
    title: 'extensions in the wrong object',
    bad: rest(`${LAMBDA_PROXY}\nx-amazon-apigateway-binary-media-types: [image/png]`),
    good: rest(LAMBDA_PROXY, 'x-amazon-apigateway-binary-media-types: [image/png]'),
  },
  {
    code: 'apigw.extension.api-kind',
    title: 'HTTP-only extension on a REST API',
    bad: rest(`${LAMBDA_PROXY}\n  requestTemplates: {application/json: '{}'}`.replace('aws_proxy', 'aws'), 'x-amazon-apigateway-cors: {allowOrigins: ["*"]}'),
    good: rest(`${LAMBDA_PROXY}\n  requestTemplates: {application/json: '{}'}`.replace('aws_proxy', 'aws')),
    pointer: '/x-amazon-apigateway-cors',
  },
  {
    code: 'apigw.extension.type',
    title: 'wrong value type',
    bad: rest(LAMBDA_PROXY, 'x-amazon-apigateway-binary-media-types: image/png'),
    good: rest(LAMBDA_PROXY, 'x-amazon-apigateway-binary-media-types: [image/png]'),
  },
  {
    code: 'apigw.extension.enum',
    title: 'value outside the enum',
    bad: rest(LAMBDA_PROXY.replace('aws_proxy', 'LAMBDA')),
    good: rest(LAMBDA_PROXY),
    pointer: `${ITEM}/x-amazon-apigateway-integration/type`,
  },
  {
    code: 'apigw.extension.range',
    title: 'value outside its range',
    bad: rest(LAMBDA_PROXY, 'x-amazon-apigateway-minimum-compression-size: 20000000'),
    good: rest(LAMBDA_PROXY, 'x-amazon-apigateway-minimum-compression-size: 1024'),
  },
  {
    code: 'apigw.extension.format',
    title: 'malformed ARN',
    bad: rest(LAMBDA_PROXY.replace('aws_proxy', 'aws').replace(LAMBDA, 'arn:aws:apigateway:us-east-1:dynamodb:PutItem'), '').replace('uri:', 'credentials: arn:aws:iam::123456789012:role/api\n        uri:'),
    good: rest(LAMBDA_PROXY.replace('aws_proxy', 'aws').replace(LAMBDA, 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem'), '').replace('uri:', 'credentials: arn:aws:iam::123456789012:role/api\n        uri:'),
  },
  {
    code: 'apigw.extension.unknown-property',
    title: 'misspelt property',
    bad: rest(`${LAMBDA_PROXY}\n  timeoutInMilis: 1000`),
    good: rest(`${LAMBDA_PROXY}\n  timeoutInMillis: 1000`),
  },
  {
    code: 'apigw.extension.required',
    title: 'integration without a type',
    bad: rest(LAMBDA_PROXY.replace(/\n\s+type: aws_proxy/, '')),
    good: rest(LAMBDA_PROXY),
  },
  {
    code: 'apigw.security.undefined-scheme',
    title: 'security names a defined scheme',
    bad: rest(`${LAMBDA_PROXY}\nsecurity: [{api_keys: []}]`, 'components: {securitySchemes: {api_key: {type: apiKey, name: x-api-key, in: header}}}'),
    good: rest(`${LAMBDA_PROXY}\nsecurity: [{api_key: []}]`, 'components: {securitySchemes: {api_key: {type: apiKey, name: x-api-key, in: header}}}'),
    pointer: `${ITEM}/security/0/api_keys`,
  },
  {
    code: 'apigw.security.root-ignored',
    title: 'REST ignores root security',
    bad: rest(LAMBDA_PROXY, 'security: [{api_key: []}]\ncomponents: {securitySchemes: {api_key: {type: apiKey, name: x-api-key, in: header}}}'),
    good: rest(`${LAMBDA_PROXY}\nsecurity: [{api_key: []}]`, 'components: {securitySchemes: {api_key: {type: apiKey, name: x-api-key, in: header}}}'),
  },
  {
    code: 'apigw.validator.undefined',
    title: 'request validator names a declared one',
    bad: rest(`${LAMBDA_PROXY}\nx-amazon-apigateway-request-validator: everything`, 'x-amazon-apigateway-request-validators: {all: {validateRequestBody: true, validateRequestParameters: true}}'),
    good: rest(`${LAMBDA_PROXY}\nx-amazon-apigateway-request-validator: all`, 'x-amazon-apigateway-request-validators: {all: {validateRequestBody: true, validateRequestParameters: true}}'),
    pointer: `${ITEM}/x-amazon-apigateway-request-validator`,
  },
  {
    code: 'apigw.gateway-response.unknown-type',
    title: 'gateway response types',
    bad: rest(LAMBDA_PROXY, 'x-amazon-apigateway-gateway-responses: {DEFAULT_4xx: {statusCode: "400"}}'),
    good: rest(LAMBDA_PROXY, 'x-amazon-apigateway-gateway-responses: {DEFAULT_4XX: {statusCode: "400"}}'),
    pointer: '/x-amazon-apigateway-gateway-responses/DEFAULT_4xx',
  },
  {
    code: 'apigw.path.undeclared-parameter',
    title: 'path parameters are declared',
    bad: rest(LAMBDA_PROXY, '', '/items/{itemId}'),
    good: rest(LAMBDA_PROXY, '', '/items'),
    pointer: '/paths/~1items~1{itemId}/get',
  },
  {
    code: 'apigw.path.unused-parameter',
    title: 'declared path parameters appear in the path',
    bad: rest(LAMBDA_PROXY).replace('/items/{id}:', '/items/{key}:').replace('{name: id,', '{name: key,').replace('responses:', 'parameters: [{name: key, in: path, required: true}, {name: id, in: path, required: true}]\n      responses:').replace(/\n {6}parameters:\n {8}- \{name: key.*/, ''),
    good: rest(LAMBDA_PROXY),
  },
  {
    code: 'apigw.path.greedy-not-last',
    title: '{proxy+} is the last segment',
    bad: rest(LAMBDA_PROXY, '', '/{proxy+}/items').replace('responses:', 'parameters: [{name: proxy, in: path, required: true}]\n      responses:'),
    good: rest(LAMBDA_PROXY, '', '/items/{proxy+}').replace('responses:', 'parameters: [{name: proxy, in: path, required: true}]\n      responses:'),
    pointer: '/paths/~1{proxy+}~1items',
  },
  {
    code: 'apigw.path.segment',
    title: 'a parameter fills a whole segment',
    bad: rest(LAMBDA_PROXY, '', '/items/v{id}'),
    good: rest(LAMBDA_PROXY, '', '/items/{id}'),
  },
  {
    code: 'apigw.root.access-mode-required',
    title: 'enhanced security policies need an access mode',
    bad: rest(LAMBDA_PROXY, 'x-amazon-apigateway-security-policy: SecurityPolicy_TLS13_1_3_2025_09'),
    good: rest(LAMBDA_PROXY, 'x-amazon-apigateway-security-policy: SecurityPolicy_TLS13_1_3_2025_09\nx-amazon-apigateway-endpoint-access-mode: STRICT'),
  },
  {
    code: 'apigw.authorizer.provider-arns',
    title: 'Cognito authorizers name their pools',
    bad: rest(`${LAMBDA_PROXY}\nsecurity: [{pool: []}]`, 'components: {securitySchemes: {pool: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: cognito_user_pools, x-amazon-apigateway-authorizer: {type: cognito_user_pools}}}}'),
    good: rest(`${LAMBDA_PROXY}\nsecurity: [{pool: []}]`, 'components: {securitySchemes: {pool: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: cognito_user_pools, x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"]}}}}'),
    pointer: '/components/securitySchemes/pool/x-amazon-apigateway-authorizer',
  },
  {
    code: 'apigw.authorizer.uri-required',
    title: 'Lambda authorizers need authorizerUri',
    bad: rest(`${LAMBDA_PROXY}\nsecurity: [{tok: []}]`, 'components: {securitySchemes: {tok: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: token}}}}'),
    good: rest(`${LAMBDA_PROXY}\nsecurity: [{tok: []}]`, `components: {securitySchemes: {tok: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: token, authorizerUri: "${LAMBDA}"}}}}`),
  },
  {
    code: 'apigw.authorizer.identity-source-required',
    title: 'caching REQUEST authorizers need identitySource',
    bad: rest(`${LAMBDA_PROXY}\nsecurity: [{req: []}]`, `components: {securitySchemes: {req: {type: apiKey, name: Unused, in: header, x-amazon-apigateway-authorizer: {type: request, authorizerUri: "${LAMBDA}"}}}}`),
    good: rest(`${LAMBDA_PROXY}\nsecurity: [{req: []}]`, `components: {securitySchemes: {req: {type: apiKey, name: Unused, in: header, x-amazon-apigateway-authorizer: {type: request, authorizerUri: "${LAMBDA}", identitySource: "method.request.header.X-Tenant, context.path"}}}}`),
  },
  {
    code: 'apigw.authorizer.identity-source',
    title: 'path parameters are not identity sources',
    bad: rest(`${LAMBDA_PROXY}\nsecurity: [{req: []}]`, `components: {securitySchemes: {req: {type: apiKey, name: Unused, in: header, x-amazon-apigateway-authorizer: {type: request, authorizerUri: "${LAMBDA}", identitySource: "method.request.path.id"}}}}`),
    good: rest(`${LAMBDA_PROXY}\nsecurity: [{req: []}]`, `components: {securitySchemes: {req: {type: apiKey, name: Unused, in: header, x-amazon-apigateway-authorizer: {type: request, authorizerUri: "${LAMBDA}", identitySource: "method.request.querystring.id"}}}}`),
  },
  {
    code: 'apigw.authorizer.scheme',
    title: 'REST authorizers sit in apiKey schemes',
    bad: rest(`${LAMBDA_PROXY}\nsecurity: [{tok: []}]`, `components: {securitySchemes: {tok: {type: http, scheme: bearer, x-amazon-apigateway-authorizer: {type: token, authorizerUri: "${LAMBDA}"}}}}`),
    good: rest(`${LAMBDA_PROXY}\nsecurity: [{tok: []}]`, `components: {securitySchemes: {tok: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: token, authorizerUri: "${LAMBDA}"}}}}`),
  },
  {
    code: 'apigw.integration.shared-ref',
    title: 'shared integrations are HTTP-only',
    bad: rest('x-amazon-apigateway-integration: {$ref: "#/components/x-amazon-apigateway-integrations/orders"}\nx-amazon-apigateway-request-validator: all', `x-amazon-apigateway-request-validators: {all: {validateRequestBody: true}}\ncomponents:\n  x-amazon-apigateway-integrations:\n    orders: {type: aws_proxy, httpMethod: POST, uri: "${LAMBDA}"}`),
    good: rest(`${LAMBDA_PROXY}\nx-amazon-apigateway-request-validator: all`, 'x-amazon-apigateway-request-validators: {all: {validateRequestBody: true}}'),
  },
  {
    code: 'apigw.integration.http-api-type',
    title: 'HTTP APIs take proxy integrations only',
    bad: http(`x-amazon-apigateway-integration: {type: http, httpMethod: POST, uri: "https://backend.example.com/orders", payloadFormatVersion: "1.0"}`),
    good: http(`x-amazon-apigateway-integration: {type: http_proxy, httpMethod: POST, uri: "https://backend.example.com/orders", payloadFormatVersion: "1.0"}`),
  },
  {
    code: 'apigw.integration.payload-format-required',
    title: 'HTTP API integrations need payloadFormatVersion',
    bad: http(HTTP_LAMBDA.replace(/\n\s+payloadFormatVersion.*/, '')),
    good: http(HTTP_LAMBDA),
  },
  {
    code: 'apigw.integration.payload-format-lambda',
    title: 'payload 2.0 is for Lambda only',
    bad: http(`x-amazon-apigateway-integration: {type: http_proxy, httpMethod: POST, uri: "https://backend.example.com/orders", payloadFormatVersion: "2.0"}`),
    good: http(`x-amazon-apigateway-integration: {type: http_proxy, httpMethod: POST, uri: "https://backend.example.com/orders", payloadFormatVersion: "1.0"}`),
  },
  {
    code: 'apigw.integration.subtype-parameters',
    title: 'SQS-SendMessage needs QueueUrl and MessageBody',
    bad: http(`
      x-amazon-apigateway-integration:
        type: aws_proxy
        integrationSubtype: SQS-SendMessage
        credentials: arn:aws:iam::123456789012:role/api-sqs
        payloadFormatVersion: "1.0"
        requestParameters: {QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/orders}`),
    good: http(`
      x-amazon-apigateway-integration:
        type: aws_proxy
        integrationSubtype: SQS-SendMessage
        credentials: arn:aws:iam::123456789012:role/api-sqs
        payloadFormatVersion: "1.0"
        requestParameters: {QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/orders, MessageBody: $request.body}`),
  },
  {
    code: 'apigw.mapping.reserved-header',
    title: 'reserved headers cannot be mapped',
    bad: http(`x-amazon-apigateway-integration: {type: http_proxy, httpMethod: POST, uri: "https://backend.example.com/orders", payloadFormatVersion: "1.0", requestParameters: {"overwrite:header.Authorization": "$request.header.X-Token"}}`),
    good: http(`x-amazon-apigateway-integration: {type: http_proxy, httpMethod: POST, uri: "https://backend.example.com/orders", payloadFormatVersion: "1.0", requestParameters: {"overwrite:header.X-Token": "$request.header.X-Token"}}`),
  },
  {
    code: 'apigw.security.multiple-auth',
    title: 'one authorization type per HTTP route',
    bad: http(`${HTTP_LAMBDA}\nsecurity: [{jwt: []}, {iam: []}]`, 'components: {securitySchemes: {iam: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}, jwt: {type: oauth2, flows: {}, x-amazon-apigateway-authorizer: {type: jwt, identitySource: $request.header.Authorization, jwtConfiguration: {issuer: "https://issuer.example.com", audience: [api]}}}}}'),
    good: http(`${HTTP_LAMBDA}\nsecurity: [{jwt: []}]`, 'components: {securitySchemes: {iam: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}, jwt: {type: oauth2, flows: {}, x-amazon-apigateway-authorizer: {type: jwt, identitySource: $request.header.Authorization, jwtConfiguration: {issuer: "https://issuer.example.com", audience: [api]}}}}}'),
  },
  {
    code: 'apigw.authorizer.jwt-issuer',
    title: 'JWT authorizers need an issuer',
    bad: http(`${HTTP_LAMBDA}\nsecurity: [{jwt: []}]`, 'components: {securitySchemes: {jwt: {type: oauth2, flows: {}, x-amazon-apigateway-authorizer: {type: jwt, identitySource: $request.header.Authorization, jwtConfiguration: {audience: [api]}}}}}'),
    good: http(`${HTTP_LAMBDA}\nsecurity: [{jwt: []}]`, 'components: {securitySchemes: {jwt: {type: oauth2, flows: {}, x-amazon-apigateway-authorizer: {type: jwt, identitySource: $request.header.Authorization, jwtConfiguration: {issuer: "https://issuer.example.com", audience: [api]}}}}}'),
  },
  {
    code: 'apigw.authorizer.payload-format',
    title: 'HTTP Lambda authorizers name their payload version',
    bad: http(`${HTTP_LAMBDA}\nsecurity: [{fn: []}]`, `components: {securitySchemes: {fn: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: request, authorizerUri: "${LAMBDA}", identitySource: $request.header.Authorization}}}}`),
    good: http(`${HTTP_LAMBDA}\nsecurity: [{fn: []}]`, `components: {securitySchemes: {fn: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: request, authorizerUri: "${LAMBDA}", identitySource: $request.header.Authorization, authorizerPayloadFormatVersion: "2.0"}}}}`),
  },
  {
    code: 'apigw.authorizer.simple-responses',
    title: 'simple responses need payload 2.0',
    bad: http(`${HTTP_LAMBDA}\nsecurity: [{fn: []}]`, `components: {securitySchemes: {fn: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: request, authorizerUri: "${LAMBDA}", identitySource: $request.header.Authorization, authorizerPayloadFormatVersion: "1.0", enableSimpleResponses: true}}}}`),
    good: http(`${HTTP_LAMBDA}\nsecurity: [{fn: []}]`, `components: {securitySchemes: {fn: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: request, authorizerUri: "${LAMBDA}", identitySource: $request.header.Authorization, authorizerPayloadFormatVersion: "2.0", enableSimpleResponses: true}}}}`),
  },
  {
    code: 'apigw.extension.not-applicable',
    title: 'fields that the chosen type ignores',
    bad: rest(`${LAMBDA_PROXY}\nsecurity: [{pool: []}]`, `components: {securitySchemes: {pool: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: cognito_user_pools, authorizerUri: "${LAMBDA}", providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"]}}}}`),
    good: rest(`${LAMBDA_PROXY}\nsecurity: [{pool: []}]`, 'components: {securitySchemes: {pool: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"]}}}}'),
    pointer: '/components/securitySchemes/pool/x-amazon-apigateway-authorizer/authorizerUri',
  },
  {
    code: 'apigw.integration.subtype-type',
    title: 'AWS service subtypes need aws_proxy',
    bad: http(`
      x-amazon-apigateway-integration:
        type: http_proxy
        integrationSubtype: SQS-SendMessage
        credentials: arn:aws:iam::123456789012:role/api-sqs
        payloadFormatVersion: "1.0"
        uri: https://backend.example.com/orders
        httpMethod: POST
        requestParameters: {QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/orders, MessageBody: $request.body}`),
    good: http(`
      x-amazon-apigateway-integration:
        type: aws_proxy
        integrationSubtype: SQS-SendMessage
        credentials: arn:aws:iam::123456789012:role/api-sqs
        payloadFormatVersion: "1.0"
        requestParameters: {QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/orders, MessageBody: $request.body}`),
  },
  {
    code: 'apigw.integration.stream',
    title: 'streaming needs a proxy integration and the streaming Lambda URI',
    bad: rest(`${LAMBDA_PROXY}\n  responseTransferMode: STREAM`),
    good: rest(`${LAMBDA_PROXY.replace(LAMBDA, LAMBDA.replace('2015-03-31', '2021-11-15').replace('/invocations', '/response-streaming-invocations'))}\n  responseTransferMode: STREAM\n  timeoutInMillis: 600000`),
    pointer: `${ITEM}/x-amazon-apigateway-integration/uri`,
  },
  {
    code: 'apigw.mapping.response-key',
    title: 'response mapping keys name a method response header',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseParameters: {method.response.body.id: "'1'"}`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseParameters: {method.response.header.X-Request-Id: "'1'"}`),
  },
  {
    code: 'apigw.mapping.response-value',
    title: 'response mapping values are expressions',
    bad: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseParameters: {method.response.header.X-Request-Id: integration.response.statuscode}`),
    good: rest(`
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseParameters: {method.response.header.X-Request-Id: context.requestId}`),
  },
  {
    code: 'apigw.ref.unresolved',
    title: '$refs reach their target',
    bad: rest(LAMBDA_PROXY).replace("{'200': {description: ok, headers: {X-Request-Id: {schema: {type: string}}}}}", "{'200': {$ref: '#/components/responses/Missing'}}"),
    good: rest(LAMBDA_PROXY).replace("{'200': {description: ok, headers: {X-Request-Id: {schema: {type: string}}}}}", "{'200': {$ref: './shared.yaml#/Ok'}}"),
    files: { 'shared.yaml': 'Ok: {description: ok}\n' },
    pointer: `${ITEM}/responses/200/$ref`,
  },
  {
    code: 'apigw.ref.remote-not-fetched',
    title: 'remote $refs are not fetched by default',
    bad: rest(LAMBDA_PROXY).replace("{'200': {description: ok, headers: {X-Request-Id: {schema: {type: string}}}}}", "{'200': {$ref: 'https://example.com/responses.yaml#/Ok'}}"),
    good: rest(LAMBDA_PROXY),
  },
  {
    code: 'apigw.document.duplicate-key',
    title: 'duplicate keys',
    bad: rest(`${LAMBDA_PROXY}\nsummary: a\nsummary: b`),
    good: rest(`${LAMBDA_PROXY}\nsummary: a`),
  },
  {
    code: 'apigw.document.alias-expansion',
    title: 'YAML alias bombs (billion laughs)',
    bad: `${rest(LAMBDA_PROXY)}\nx-laughs:\n  l0: &l0 [lol, lol]\n${Array.from({ length: 20 }, (_, i) => `  l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`).join('\n')}\n`,
    good: `${rest(LAMBDA_PROXY)}\nx-laughs:\n  l0: &l0 [lol, lol]\n  l1: [*l0, *l0]\n`,
  },
  {
    code: 'apigw.document.too-large',
    title: 'files over the size limit are not read',
    bad: rest(LAMBDA_PROXY),
    good: rest(LAMBDA_PROXY),
    options: { maxFileBytes: 200 },
  },
  {
    code: 'apigw.document.binary',
    title: 'binary files',
    bad: `openapi: 3.0.1\n${'\u0000\u0001\u0002\u0003'.repeat(20)}`,
    good: rest(LAMBDA_PROXY),
  },
  {
    code: 'apigw.document.syntax',
    title: 'YAML syntax errors',
    bad: rest(`${LAMBDA_PROXY}\nsummary: "unterminated`),
    good: rest(`${LAMBDA_PROXY}\nsummary: "terminated"`),
  },
];

describe('rules: one failing and one passing document per rule', () => {
  for (const c of CASES) {
    it(`${c.code}: ${c.title}`, async () => {
      const bad = await lint(c.bad, { ...c.options, files: c.files });
      const hits = bad.filter((d) => d.code === c.code);
      assert.ok(hits.length > 0, `expected ${c.code}, got:\n${bad.map((d) => `${d.code} ${d.pointer} ${d.message}`).join('\n')}`);
      if (c.pointer) assert.ok(hits.some((d) => d.pointer === c.pointer), `expected ${c.code} at ${c.pointer}, got ${hits.map((d) => d.pointer).join(', ')}`);
      for (const d of hits) {
        assert.ok(d.message.length > 20, 'a message that says what to do');
        assert.match(d.link ?? '', /^https:\/\/docs\.aws\.amazon\.com\//);
      }
      const good = await lint(c.good, { files: c.files });
      const left = good.filter((d) => d.code === c.code || d.severity === 'error');
      assert.deepEqual(left.map((d) => `${d.code} ${d.pointer} ${d.message}`), [], 'the corrected document is clean');
    });
  }

  it('covers every rule code with a case', () => {
    const covered = new Set(CASES.map((c) => c.code));
    assert.deepEqual(
      allRules()
        .map(([code]) => code)
        .filter((code) => !covered.has(code)),
      [],
    );
  });
});
