/*
 * Validation regexes, named as in the reference's facts, exported as ECMAScript sources:
 * `new RegExp(REGEX.x)` to match, `new RegExp(REGEX.x, 'g')` to scan. ARN and URI patterns
 * judge the text after `${stageVariables.x}` and `${AWS::...}` have been replaced by sample
 * values, because API Gateway resolves those itself.
 */

const PARTITION = 'aws[a-zA-Z-]*';
const REGION = '[a-z0-9-]+';
const ACCOUNT = '\\d{12}';
/** Function name with an optional alias or version qualifier (Lambda's FunctionArn shape). */
const FUNCTION_ARN = `arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:[A-Za-z0-9_-]+(?::(?:\\$LATEST|[A-Za-z0-9_-]+))?`;
/** A parameter name inside a REST mapping expression. */
const NAME = '[a-zA-Z0-9._$-]+';
const STAGE_VARIABLE = 'stageVariables\\.[A-Za-z0-9_]+';
const CONTEXT = 'context\\.[A-Za-z0-9_.]+';
/**
 * A static value: everything between the first and the last single quote. Deployed samples
 * write lists such as 'Content-Type', 'Authorization' this way and API Gateway accepts them.
 */
const STATIC = "'.*'";

const PATTERNS = {
  // ------------------------------------------------ ARNs and URIs
  /** Integration `uri` of Lambda (REST aws / aws_proxy, HTTP aws_proxy) and authorizer `authorizerUri`. */
  lambdaInvokeUri: new RegExp(`^arn:${PARTITION}:apigateway:${REGION}:lambda:path/2015-03-31/functions/${FUNCTION_ARN}/invocations$`),
  /** Integration `uri` of a Lambda proxy integration with `responseTransferMode: STREAM`. */
  lambdaStreamingUri: new RegExp(`^arn:${PARTITION}:apigateway:${REGION}:lambda:path/2021-11-15/functions/${FUNCTION_ARN}/response-streaming-invocations$`),
  /** A bare function ARN, which HTTP API aws_proxy integrations may use as `uri`. */
  lambdaFunctionArn: new RegExp(`^${FUNCTION_ARN}$`),
  /** Integration `uri` of a REST `aws` integration: a service path or an action with its parameters. */
  awsServiceUri: new RegExp(`^arn:${PARTITION}:apigateway:${REGION}:(?:[a-z0-9-]+\\.)?[a-z0-9-]+:(?:path|action)/.+$`),
  /** Integration `uri` of http / http_proxy integrations (and of REST VPC link V1), and the JWT issuer. */
  httpUrl: /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/,
  /** HTTP API private integration `uri`: an ALB or NLB listener. */
  elbListenerArn: new RegExp(`^arn:${PARTITION}:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/(?:app|net)/[^/]+/[0-9a-f]+/[0-9a-f]+$`),
  /** HTTP API private integration `uri`: a Cloud Map service. */
  cloudMapServiceArn: new RegExp(`^arn:${PARTITION}:servicediscovery:${REGION}:${ACCOUNT}:service/srv-[a-z0-9]+$`),
  /** Items of authorizer `providerARNs` (REST cognito_user_pools). */
  cognitoUserPoolArn: new RegExp(`^arn:${PARTITION}:cognito-idp:${REGION}:${ACCOUNT}:userpool/[\\w-]+_[0-9a-zA-Z]+$`),
  /** Integration `credentials` and authorizer `authorizerCredentials`. */
  iamRoleArn: new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:role/[\\w+=,.@/-]+$`),
  /** Integration `credentials` that make a REST AWS integration call the service as the caller. */
  callerCredentials: new RegExp(`^arn:${PARTITION}:iam::\\*:user/\\*$`),

  // ------------------------------------------------ substitutions and names
  /** `${stageVariables.NAME}` inside a uri, connectionId, credentials or Lambda function name. */
  stageVariableReference: /\$\{stageVariables\.([A-Za-z0-9_]+)\}/,
  /** `${AWS::...}` variables that API Gateway resolves on import (REST and HTTP). */
  importAwsVariableReference: /\$\{AWS::(AccountId|Partition|Region)\}/,
  /** Stage variable name (REST: at most 64 characters). */
  stageVariableName: /^[A-Za-z0-9_]{1,64}$/,
  /** Stage variable value characters (length limits are in QUOTAS). */
  stageVariableValue: /^[A-Za-z0-9\-._~:/?#&=,]+$/,
  stageName: /^[A-Za-z0-9_-]{1,128}$/,
  /** `statusCode` of integration responses and gateway responses. */
  statusCode: /^[1-5]\d\d$/,
  /** `location.statusCode` of a documentation part: a status, `*`, or blank. */
  documentationStatusCode: /^(?:[1-5]\d\d|\*|\s*)$/,
  /** Template map keys and binary media types; `*` may replace the type or the subtype. */
  mediaType: /^(?:\*|[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*)\/(?:\*|[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*)$/,
  /** One segment of a REST resource path: literal characters, `{name}`, or a greedy `{name+}`. */
  restPathSegment: /^(?:\{[A-Za-z0-9._-]+\+?\}|[A-Za-z0-9_.,:-]+)$/,
  /** HTTP API route key: `METHOD /path` or `$default`. */
  httpApiRouteKey: /^(?:\$default|(?:ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/.*)$/,

  // ------------------------------------------------ REST mapping expressions
  /** A parameter name in a REST mapping expression. */
  paramName: new RegExp(`^${NAME}$`),
  /** Keys of REST integration `requestParameters`. */
  restIntegrationRequestParameterKey: new RegExp(`^integration\\.request\\.(?:header|querystring|path)\\.${NAME}$`),
  /** Values of REST integration `requestParameters`: method request data, a stage or context variable, or a quoted constant. */
  restIntegrationRequestParameterValue: new RegExp(
    `^(?:method\\.request\\.(?:path|querystring|multivaluequerystring|header|multivalueheader)\\.${NAME}|method\\.request\\.body(?:\\..+)?|${STAGE_VARIABLE}|${CONTEXT}|${STATIC})$`,
  ),
  /** A method request parameter named by a mapping or a cache key; the operation must declare it. */
  restMethodRequestParameterKey: new RegExp(`^method\\.request\\.(?:path|querystring|header|multivaluequerystring|multivalueheader)\\.${NAME}$`),
  /** Keys of REST integration response `responseParameters`. */
  restMethodResponseParameterKey: new RegExp(`^method\\.response\\.header\\.${NAME}$`),
  /** Values of REST integration response `responseParameters`. */
  restIntegrationResponseParameterValue: new RegExp(
    `^(?:integration\\.response\\.(?:header|multivalueheader)\\.${NAME}|integration\\.response\\.body(?:\\..+)?|${STAGE_VARIABLE}|${CONTEXT}|${STATIC})$`,
  ),
  /** Keys of gateway response `responseParameters`. */
  gatewayResponseParameterKey: new RegExp(`^gatewayresponse\\.(?:header|path|querystring)\\.${NAME}$`),
  /** Values of gateway response `responseParameters`. */
  gatewayResponseParameterValue: new RegExp(`^(?:method\\.request\\.(?:header|path|querystring)\\.${NAME}|${STATIC})$`),

  // ------------------------------------------------ HTTP API parameter mapping
  /** Keys of HTTP API integration `requestParameters` (integrations without a subtype). */
  httpApiRequestParameterKey: /^(?:(?:append|overwrite|remove):(?:header|querystring)\.\S+|overwrite:path)$/,
  /** Keys inside one status entry of HTTP API `responseParameters`. */
  httpApiResponseParameterKey: /^(?:(?:append|overwrite|remove):header\.\S+|overwrite:statuscode)$/,
  /** Status keys of HTTP API `responseParameters`, 200 to 599. */
  httpApiResponseStatusKey: /^[2-5]\d\d$/,
  /** One `$request.*`, `$response.*`, `$context.*` or `$stageVariables.*` token inside an HTTP API mapping value. */
  httpApiSelectionValueToken:
    /\$\{?(?:request\.(?:header|querystring|path|body)(?:\.[^\s}]+)?|request\.path|response\.(?:header|body)(?:\.[^\s}]+)?|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)\}?/,

  // ------------------------------------------------ identity sources
  /** One item of a REST `request` authorizer's comma-separated `identitySource`; path parameters are not allowed. */
  restIdentitySourceItem: new RegExp(`^(?:method\\.request\\.(?:header|querystring)\\.${NAME}|${STAGE_VARIABLE}|${CONTEXT})$`),
  /** The single header of REST `token` and `cognito_user_pools` authorizers. */
  restHeaderIdentitySource: new RegExp(`^method\\.request\\.header\\.${NAME}$`),
  /** One item of an HTTP API Lambda authorizer's comma-separated `identitySource`. */
  httpIdentitySourceItem: /^\$(?:request\.(?:header|querystring)\.[^\s,]+|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)$/,
  /** The one identity source of an HTTP API JWT authorizer. */
  httpJwtIdentitySource: /^\$request\.(?:header|querystring)\.[^\s,]+$/,
} as const satisfies Readonly<Record<string, RegExp>>;

const UNVERIFIED_PATTERNS = {
  /** REST `requestParameters` values written with a leading `$` (`$context.x`, `$stageVariables.x`). */
  restDollarParameterValue: /^\$(?:context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)$/,
  /** Gateway response `responseParameters` values taken from stage or context variables. */
  gatewayResponseVariableValue: new RegExp(`^(?:${STAGE_VARIABLE}|${CONTEXT})$`),
} as const satisfies Readonly<Record<string, RegExp>>;

/** Written as literals so they are checked when the module loads; handed out as sources. */
function sources<T extends Readonly<Record<string, RegExp>>>(patterns: T): { readonly [K in keyof T]: string } {
  return Object.fromEntries(Object.entries(patterns).map(([name, pattern]) => [name, pattern.source])) as { readonly [K in keyof T]: string };
}

export const REGEX = sources(PATTERNS);

/** Forms the guide shows that could not be confirmed to work: warn about them, never report an error. */
export const UNVERIFIED_REGEX = sources(UNVERIFIED_PATTERNS);
