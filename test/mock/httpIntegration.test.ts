import assert from 'node:assert/strict';
import { startMock, startUpstream, type Harness, restApi, type Upstream } from './harness';

describe('HTTP integrations (REST)', () => {
  let up: Upstream;
  let h: Harness;
  before(async () => {
    up = await startUpstream((req, res) => {
      if (req.url.startsWith('/slow')) {
        setTimeout(() => res.end('late'), 1000);
        return;
      }
      if (req.url.startsWith('/missing')) {
        res.writeHead(404, { 'Content-Type': 'application/json', 'X-Up': 'nope' });
        res.end('{"error": "no such thing"}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Up': 'yes', 'Set-Cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ method: req.method, url: req.url, body: req.body, items: [{ id: 1 }, { id: 2 }] }));
    });
    const param = (name: string, where: string, required = false) => ({ name, in: where, required, schema: { type: 'string' } });
    h = await startMock(
      restApi({
        '/proxy/{id}': {
          get: {
            parameters: [param('id', 'path', true), param('X-Trace', 'header')],
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'http_proxy',
              httpMethod: 'GET',
              uri: '${stageVariables.upstream}/things/{id}',
              requestParameters: { 'integration.request.path.id': 'method.request.path.id', 'integration.request.header.X-Correlation-Id': 'context.requestId' },
            },
          },
        },
        '/custom': {
          post: {
            parameters: [param('page', 'query')],
            responses: { '200': { description: 'ok' }, '404': { description: 'missing' } },
            'x-amazon-apigateway-integration': {
              type: 'http',
              httpMethod: 'POST',
              uri: '${stageVariables.upstream}/echo',
              requestParameters: { 'integration.request.querystring.p': 'method.request.querystring.page' },
              requestTemplates: { 'application/json': '{"wrapped": $input.json(\'$\')}' },
              responses: {
                '4\\d{2}': { statusCode: '404', responseTemplates: { 'application/json': '{"gone": "$input.path(\'$.error\')"}' } },
                default: {
                  statusCode: '200',
                  responseParameters: { 'method.response.header.X-From-Upstream': 'integration.response.header.X-Up' },
                  responseTemplates: { 'application/json': '{"count": $input.path(\'$.items\').size(), "sent": $input.json(\'$.body\')}' },
                },
              },
            },
          },
        },
        '/custom-missing': {
          get: {
            responses: { '404': { description: 'missing' } },
            'x-amazon-apigateway-integration': {
              type: 'http',
              httpMethod: 'GET',
              uri: '${stageVariables.upstream}/missing',
              responses: {
                default: {
                  statusCode: '200',
                  responseTemplates: { 'application/json': '#set($root = $input.path(\'$\'))$input.json("$")#if($root.toString().contains("error"))#set($context.responseOverride.status = 400)#end' },
                },
              },
            },
          },
        },
        '/override-headers': {
          get: {
            parameters: [param('header1', 'header'), param('header2', 'header')],
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'http',
              httpMethod: 'GET',
              uri: '${stageVariables.upstream}/headers',
              requestTemplates: {
                'application/json': '#set($v = "$input.params(\'header1\')$input.params(\'header2\')")$input.json("$")#set($context.requestOverride.header.header3 = $v)#set($context.requestOverride.header.header1 = "foo")',
              },
              responses: { default: { statusCode: '200' } },
            },
          },
        },
        '/slow': {
          get: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: '${stageVariables.upstream}/slow', timeoutInMillis: 100 },
          },
        },
        '/down': {
          get: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: 'http://127.0.0.1:1/nothing' },
          },
        },
        '/s3': {
          get: {
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': { type: 'aws', httpMethod: 'GET', uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket/key', credentials: 'arn:aws:iam::123456789012:role/r' },
          },
        },
      }),
      { stageVariables: { upstream: up.url } },
    );
  });
  after(async () => {
    await h.close();
    await up.close();
  });

  it('HTTP_PROXY fills path parameters and stage variables, passes query and headers through, adds mapped ones', async () => {
    const res = await fetch(`${h.url}/dev/proxy/a%20b?x=1&x=2`, { headers: { 'X-Trace': 't1' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-up'), 'yes');
    assert.equal(res.headers.get('set-cookie'), 'a=1, b=2');
    const seen = up.seen.at(-1)!;
    assert.equal(seen.url, '/things/a%20b?x=1&x=2');
    assert.equal(seen.headers['x-trace'], 't1');
    assert.equal(seen.headers['x-correlation-id'], res.headers.get('x-amzn-requestid'));
    assert.equal(seen.headers.host, new URL(up.url).host);
  });

  it('HTTP (custom) renders the request template, maps the query string, and maps the response by status', async () => {
    const res = await fetch(`${h.url}/dev/custom?page=3`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a": 1}' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { count: 2, sent: '{"wrapped": {"a":1}}' });
    assert.equal(res.headers.get('x-from-upstream'), 'yes');
    const seen = up.seen.at(-1)!;
    assert.equal(seen.url, '/echo?p=3');
    assert.equal(seen.headers['content-type'], 'application/json');
  });

  it('overrides the status from the response template when the body holds an error', async () => {
    const res = await fetch(`${h.url}/dev/custom-missing`);
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { error: 'no such thing' });
  });

  it('applies $context.requestOverride headers from the request template', async () => {
    await fetch(`${h.url}/dev/override-headers`, { headers: { header1: 'header1Val', header2: 'header2Val' } });
    const seen = up.seen.at(-1)!;
    assert.equal(seen.headers.header3, 'header1Valheader2Val');
    assert.equal(seen.headers.header1, 'foo');
  });

  it('answers 504 Endpoint request timed out past timeoutInMillis', async () => {
    const started = Date.now();
    const res = await fetch(`${h.url}/dev/slow`);
    assert.equal(res.status, 504);
    assert.deepEqual(await res.json(), { message: 'Endpoint request timed out' });
    assert.ok(Date.now() - started < 900);
  });

  it('answers 502 when the endpoint cannot be reached, with a note naming it', async () => {
    const res = await fetch(`${h.url}/dev/down`);
    assert.equal(res.status, 502);
    assert.deepEqual(await res.json(), { message: 'Internal server error' });
    assert.match(res.headers.get('x-apigw-mock-note') ?? '', /127\.0\.0\.1:1 unreachable/);
  });

  it('answers 501 for an AWS service integration, naming it and saying how to try the method locally', async () => {
    const res = await fetch(`${h.url}/dev/s3`);
    assert.equal(res.status, 501);
    const body = (await res.json()) as { message: string };
    assert.match(body.message, /AWS service integration \(arn:aws:apigateway:us-east-1:s3:path\/bucket\/key\) of GET \/s3/);
    assert.match(body.message, /local endpoint/);
    assert.match(res.headers.get('x-apigw-mock-note') ?? '', /not emulated/);
  });
});

describe('HTTP integrations (HTTP API)', () => {
  let up: Upstream;
  let h: Harness;
  before(async () => {
    up = await startUpstream((req, res) => {
      if (req.url.startsWith('/slow')) {
        setTimeout(() => res.end('late'), 1000);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Up': 'v1' });
      res.end('hello');
    });
    h = await startMock(
      {
        openapi: '3.0.1',
        info: { title: 'Http', version: '1' },
        paths: {
          '/items/{id}': {
            get: {
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: { '200': { description: 'ok' } },
              'x-amazon-apigateway-integration': {
                type: 'http_proxy',
                httpMethod: 'GET',
                uri: `${up.url}/v1/items/{id}`,
                payloadFormatVersion: '1.0',
                requestParameters: {
                  'overwrite:header.X-Env': '$stageVariables.env',
                  'append:querystring.src': 'mock',
                  'remove:header.X-Secret': "''",
                  'overwrite:path': '/v2/items/${request.path.id}',
                },
                responseParameters: { '200': { 'overwrite:header.X-Mapped': '$response.header.X-Up', 'overwrite:statuscode': '202' } },
              },
            },
          },
          '/slow': {
            get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: `${up.url}/slow`, payloadFormatVersion: '1.0', timeoutInMillis: 100 } },
          },
          '/queue': {
            post: {
              responses: { '200': { description: 'ok' } },
              'x-amazon-apigateway-integration': {
                type: 'aws_proxy',
                integrationSubtype: 'SQS-SendMessage',
                credentials: 'arn:aws:iam::123456789012:role/r',
                payloadFormatVersion: '1.0',
                requestParameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: '$request.body' },
              },
            },
          },
        },
        'x-amazon-apigateway-cors': { allowOrigins: ['*'] },
      },
      { stageVariables: { env: 'qa' } },
    );
  });
  after(async () => {
    await h.close();
    await up.close();
  });

  it('applies append/overwrite/remove request mappings and response mappings', async () => {
    const res = await fetch(`${h.url}/items/42?q=1`, { headers: { 'X-Secret': 's', 'X-Keep': 'k' } });
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('x-mapped'), 'v1');
    assert.equal(await res.text(), 'hello');
    const seen = up.seen.at(-1)!;
    assert.equal(seen.url, '/v2/items/42?q=1&src=mock');
    assert.equal(seen.headers['x-env'], 'qa');
    assert.equal(seen.headers['x-secret'], undefined);
    assert.equal(seen.headers['x-keep'], 'k');
    assert.ok(res.headers.get('apigw-requestid'));
  });

  it('answers 503 Service Unavailable when the integration times out', async () => {
    const res = await fetch(`${h.url}/slow`);
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), { message: 'Service Unavailable' });
  });

  it('adds the x-amazon-apigateway-cors headers when a browser origin calls', async () => {
    const res = await fetch(`${h.url}/items/1`, { headers: { Origin: 'http://localhost:5173' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  it('answers 501 for an AWS service subtype integration', async () => {
    const res = await fetch(`${h.url}/queue`, { method: 'POST', body: 'x' });
    assert.equal(res.status, 501);
    assert.match(((await res.json()) as { message: string }).message, /SQS-SendMessage of POST \/queue/);
  });
});
