import { INTEGRATION_SUBTYPES, SUBTYPE_PAYLOAD_FORMAT_VERSION } from '../catalog';
import type { ApiKind } from '../catalog/types';
import { escapeSnippet, tabStops, type Template } from './templateRender';

/** A whole `x-amazon-apigateway-integration` value, offered as one snippet. */
export interface IntegrationTemplate {
  label: string;
  description: string;
  kind: ApiKind;
  body: { readonly [key: string]: Template };
}

const LAMBDA_URI = tabStops(
  'arn:aws:apigateway:${1:us-east-1}:lambda:path/2015-03-31/functions/arn:aws:lambda:${1}:${2:123456789012}:function:${3:my-function}/invocations',
);
const HTTP_METHODS = tabStops('${1|ANY,GET,POST,PUT,PATCH,DELETE|}');
const BACKEND_URL = tabStops('https://${2:backend.example.com}/${3:path}');
const OK_RESPONSE = { default: { statusCode: '200' } };

const LAMBDA_REQUEST_TEMPLATE = `{
  "body": $input.json('$'),
  "headers": {
    #foreach($header in $input.params().header.keySet())
    "$header": "$util.escapeJavaScript($input.params().header.get($header))"#if($foreach.hasNext),#end
    #end
  },
  "requestId": "$context.requestId"
}
`;

const DYNAMODB_REQUEST_TEMPLATE = `{
  "TableName": "items",
  "Item": {
    "id": {"S": "$context.requestId"},
    "body": {"S": "$util.escapeJavaScript($input.body)"}
  }
}
`;

const STEP_FUNCTIONS_REQUEST_TEMPLATE = `{
  "input": "$util.escapeJavaScript($input.json('$'))",
  "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:my-state-machine"
}
`;

const REST: IntegrationTemplate[] = [
  {
    label: 'Lambda proxy',
    description: 'Passes the whole request to a Lambda function and returns what it answers (AWS_PROXY).',
    kind: 'REST',
    body: { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI },
  },
  {
    label: 'Lambda non-proxy with templates',
    description: 'Calls a Lambda function with a body shaped by a mapping template, and maps its result and errors to method responses (AWS).',
    kind: 'REST',
    body: {
      type: 'aws',
      httpMethod: 'POST',
      uri: LAMBDA_URI,
      passthroughBehavior: 'when_no_templates',
      requestTemplates: { 'application/json': LAMBDA_REQUEST_TEMPLATE },
      responses: {
        default: { statusCode: '200', responseTemplates: { 'application/json': "$input.json('$')" } },
        '.*\\[BadRequest\\].*': { statusCode: tabStops('${4:400}', { quotedInYaml: true }), responseTemplates: { 'application/json': '{"message": "$input.path(\'$.errorMessage\')"}' } },
      },
    },
  },
  {
    label: 'HTTP proxy',
    description: 'Forwards the request to an HTTP endpoint as is and returns its response (HTTP_PROXY).',
    kind: 'REST',
    body: { type: 'http_proxy', httpMethod: HTTP_METHODS, uri: BACKEND_URL },
  },
  {
    label: 'HTTP with mappings',
    description: 'Calls an HTTP endpoint with mapped parameters and templates (HTTP).',
    kind: 'REST',
    body: {
      type: 'http',
      httpMethod: tabStops('${1|GET,POST,PUT,PATCH,DELETE|}'),
      uri: BACKEND_URL,
      requestParameters: { 'integration.request.header.X-Request-Id': 'context.requestId' },
      passthroughBehavior: 'when_no_templates',
      requestTemplates: { 'application/json': "$input.json('$')" },
      responses: { default: { statusCode: '200', responseTemplates: { 'application/json': "$input.json('$')" } } },
    },
  },
  {
    label: 'MOCK with templates',
    description: 'Answered by API Gateway itself: the request template picks the status, the response template writes the body (MOCK).',
    kind: 'REST',
    body: {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"message": "ok", "requestId": "$context.requestId"}' } } },
    },
  },
  {
    label: 'VPC link (private HTTP proxy)',
    description: 'Forwards the request through a VPC link to a Network Load Balancer in a VPC.',
    kind: 'REST',
    body: {
      type: 'http_proxy',
      httpMethod: HTTP_METHODS,
      uri: tabStops('http://${2:my-nlb-0123456789.elb.us-east-1.amazonaws.com}/${3:path}'),
      connectionType: 'VPC_LINK',
      connectionId: tabStops('${4:abc123}'),
    },
  },
  {
    label: 'AWS service: S3 GetObject',
    description: 'Reads an object from an S3 bucket with the key taken from a path parameter.',
    kind: 'REST',
    body: {
      type: 'aws',
      httpMethod: 'GET',
      uri: tabStops('arn:aws:apigateway:${1:us-east-1}:s3:path/${2:my-bucket}/{key\\}'),
      credentials: tabStops('arn:aws:iam::${3:123456789012}:role/${4:apigateway-s3-read}'),
      requestParameters: { 'integration.request.path.key': tabStops('method.request.path.${5:key}') },
      responses: OK_RESPONSE,
    },
  },
  {
    label: 'AWS service: DynamoDB',
    description: 'Calls a DynamoDB action with a request shaped by a mapping template.',
    kind: 'REST',
    body: {
      type: 'aws',
      httpMethod: 'POST',
      uri: tabStops('arn:aws:apigateway:${1:us-east-1}:dynamodb:action/${2|PutItem,GetItem,Query,UpdateItem,DeleteItem|}'),
      credentials: tabStops('arn:aws:iam::${3:123456789012}:role/${4:apigateway-dynamodb}'),
      requestTemplates: { 'application/json': DYNAMODB_REQUEST_TEMPLATE },
      responses: OK_RESPONSE,
    },
  },
  {
    label: 'AWS service: SQS SendMessage',
    description: 'Sends the request body to an SQS queue.',
    kind: 'REST',
    body: {
      type: 'aws',
      httpMethod: 'POST',
      uri: tabStops('arn:aws:apigateway:${1:us-east-1}:sqs:path/${2:123456789012}/${3:my-queue}'),
      credentials: tabStops('arn:aws:iam::${2}:role/${4:apigateway-sqs-send}'),
      requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
      passthroughBehavior: 'never',
      responses: OK_RESPONSE,
    },
  },
  {
    label: 'AWS service: Step Functions StartExecution',
    description: 'Starts a state machine execution with the request body as its input.',
    kind: 'REST',
    body: {
      type: 'aws',
      httpMethod: 'POST',
      uri: tabStops('arn:aws:apigateway:${1:us-east-1}:states:action/StartExecution'),
      credentials: tabStops('arn:aws:iam::${2:123456789012}:role/${3:apigateway-stepfunctions}'),
      requestTemplates: { 'application/json': STEP_FUNCTIONS_REQUEST_TEMPLATE },
      responses: OK_RESPONSE,
    },
  },
];

const HTTP: IntegrationTemplate[] = [
  {
    label: 'Lambda (payload 2.0)',
    description: 'Invokes a Lambda function with the version 2.0 event and response format.',
    kind: 'HTTP',
    body: { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI, payloadFormatVersion: '2.0' },
  },
  {
    label: 'HTTP proxy',
    description: 'Forwards the request to an HTTP endpoint and returns its response.',
    kind: 'HTTP',
    body: { type: 'http_proxy', httpMethod: HTTP_METHODS, uri: BACKEND_URL, payloadFormatVersion: '1.0' },
  },
  {
    label: 'VPC link (private integration)',
    description: 'Sends the request through a VPC link to a load balancer listener.',
    kind: 'HTTP',
    body: {
      type: 'http_proxy',
      httpMethod: HTTP_METHODS,
      uri: tabStops('arn:aws:elasticloadbalancing:${2:us-east-1}:${3:123456789012}:listener/app/${4:my-alb}/${5:50dc6c495c0c9188}/${6:0467ef3c8400ae65}'),
      connectionType: 'VPC_LINK',
      connectionId: tabStops('${7:abc123}'),
      payloadFormatVersion: '1.0',
    },
  },
];

/** Sensible first values for subtype parameters; the others read the request body. */
const PARAMETER_EXAMPLES: Readonly<Record<string, string>> = {
  QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/my-queue',
  MessageBody: '$request.body',
  Detail: '$request.body',
  DetailType: 'my-detail-type',
  Source: 'my.application',
  StreamName: 'my-stream',
  Data: '$request.body',
  PartitionKey: '$context.requestId',
  StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:my-state-machine',
  ExecutionArn: '$request.body.executionArn',
  ReceiptHandle: '$request.body.receiptHandle',
  Application: 'my-application',
  Environment: 'my-environment',
  Configuration: 'my-configuration',
  ClientId: '$context.requestId',
};

function subtypeTemplate(subtype: string): IntegrationTemplate {
  const requestParameters: Record<string, Template> = {};
  INTEGRATION_SUBTYPES[subtype].required.forEach((name, i) => {
    const example = PARAMETER_EXAMPLES[name] ?? `$request.body.${name}`;
    requestParameters[name] = tabStops(`\${${i + 3}:${escapeSnippet(example)}}`);
  });
  return {
    label: subtype,
    description: `Calls ${subtype.replace('-', ' ')} directly; the required parameters are tab stops.`,
    kind: 'HTTP',
    body: {
      type: 'aws_proxy',
      integrationSubtype: subtype,
      credentials: tabStops('arn:aws:iam::${1:123456789012}:role/${2:apigateway-service-role}'),
      requestParameters,
      payloadFormatVersion: SUBTYPE_PAYLOAD_FORMAT_VERSION,
    },
  };
}

export const INTEGRATION_TEMPLATES: readonly IntegrationTemplate[] = [...REST, ...HTTP, ...Object.keys(INTEGRATION_SUBTYPES).map(subtypeTemplate)];
