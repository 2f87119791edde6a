// Generates a REST API definition with N paths for the benchmarks: nested resources, path
// parameters, Lambda proxy, MOCK, HTTP and DynamoDB integrations, authorizers, validators.
// Deterministic: the same N gives the same bytes.
//   node bench/genSpec.mjs --paths 1000 [--format yaml|json] > api.yaml

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const paths = Number(opt('paths', '100'));
const format = opt('format', 'yaml');
const LAMBDA = (fn) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations`;
const RESOURCES = ['orders', 'users', 'books', 'carts', 'stores', 'reviews', 'invoices', 'shipments'];

function operation(path, method, i, params) {
  const op = {
    operationId: `${method}${i}`,
    summary: `${method.toUpperCase()} ${path}`,
    parameters: params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    responses: { 200: { description: 'OK', headers: { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, 400: { description: 'Bad request' } },
    security: [{ [i % 2 ? 'CognitoAuth' : 'TokenAuth']: [] }],
  };
  const kind = i % 4;
  if (kind === 0) op['x-amazon-apigateway-integration'] = { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA(`fn${i % 50}`), timeoutInMillis: 10000 };
  else if (kind === 1) {
    op['x-amazon-apigateway-integration'] = {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      responses: { default: { statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" }, responseTemplates: { 'application/json': '{"id": "$input.params(\'id\')", "requestId": "$context.requestId"}' } } },
    };
  } else if (kind === 2) {
    op.parameters.push({ name: 'X-Tenant', in: 'header', schema: { type: 'string' } });
    op['x-amazon-apigateway-integration'] = {
      type: 'http_proxy',
      httpMethod: method.toUpperCase(),
      uri: `https://backend.example.com${path}`,
      requestParameters: Object.fromEntries([...params.map((p) => [`integration.request.path.${p}`, `method.request.path.${p}`]), ['integration.request.header.X-Tenant', 'method.request.header.X-Tenant']]),
      cacheKeyParameters: params.map((p) => `method.request.path.${p}`),
    };
  } else {
    op['x-amazon-apigateway-request-validator'] = 'all';
    op['x-amazon-apigateway-integration'] = {
      type: 'aws',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem',
      credentials: 'arn:aws:iam::123456789012:role/api-dynamodb',
      requestTemplates: { 'application/json': '{"TableName": "items", "Item": {"id": {"S": "$context.requestId"}}}' },
      responses: { '4\\d{2}': { statusCode: '400' }, default: { statusCode: '200' } },
    };
  }
  return op;
}

const doc = {
  openapi: '3.0.1',
  info: { title: `Generated API (${paths} paths)`, version: '1.0.0' },
  paths: {},
  components: {
    schemas: { Item: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } } },
    securitySchemes: {
      CognitoAuth: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools', 'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123'] } },
      TokenAuth: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'custom', 'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: LAMBDA('authorizer'), authorizerResultTtlInSeconds: 300 } },
    },
  },
  'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
  'x-amazon-apigateway-gateway-responses': { DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" } } },
};
for (let i = 0; i < paths; i++) {
  const resource = RESOURCES[i % RESOURCES.length];
  const depth = i % 3;
  const segs = [`${resource}${Math.floor(i / RESOURCES.length)}`];
  const params = [];
  for (let d = 0; d < depth; d++) {
    const name = `${resource}${d}Id`;
    segs.push(`{${name}}`);
    params.push(name);
    if (d === 0 && depth > 1) segs.push('items');
  }
  const path = `/${segs.join('/')}`;
  doc.paths[path] = { get: operation(path, 'get', i, params), post: operation(path, 'post', i + 1, params) };
}

const scalar = (v) => (typeof v === 'string' && /^[A-Za-z_/][A-Za-z0-9_/.{}+-]*$/.test(v) && !/^(true|false|null|yes|no|on|off)$/i.test(v) ? v : JSON.stringify(v));

function yaml(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) return value.length === 0 ? ' []' : value.map((v) => `\n${pad}-${typeof v === 'object' ? yaml(v, indent + 2).replace(/^\n\s*/, ' ') : ` ${scalar(v)}`}`).join('');
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return ' {}';
    return entries.map(([k, v]) => `\n${pad}${scalar(k)}:${typeof v === 'object' && v !== null ? yaml(v, indent + 2) : ` ${scalar(v)}`}`).join('');
  }
  return ` ${scalar(value)}`;
}

process.stdout.write(format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : yaml(doc, 0).slice(1) + '\n');
