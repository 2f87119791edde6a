import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintText } from '../../core/src/lint';
import { buildApiTree, type ApiTreeMethod, type ApiTreeResource } from '../../core/src/model/apiTree';
import { dedent } from '../support/lint';

const REPO = path.resolve(__dirname, '..', '..', '..');

async function treeOf(text: string, files: Record<string, string> = {}) {
  const result = await lintText('file:///api/api.yaml', dedent(text), async (uri) => files[uri.replace('file:///api/', '')]);
  return buildApiTree(result.set, result.model, result.diagnostics);
}

function shape(r: ApiTreeResource): unknown {
  return { [r.segment || '/']: [...r.methods.map((m) => m.method), ...r.children.map(shape)] };
}

function method(r: ApiTreeResource, path: string, verb: string): ApiTreeMethod {
  const found = [...r.methods, ...r.children.map((c) => method(c, path, verb))].find((m): m is ApiTreeMethod => m !== undefined && m.path === path && m.method === verb);
  return found as ApiTreeMethod;
}

describe('apiTree: the resource tree adapters show', () => {
  it('nests the bookstore example by path segment with integrations, authorizers and API keys', async () => {
    const file = path.join(REPO, 'examples', 'rest', 'api.yaml');
    const uri = pathToFileURL(file).toString();
    const result = await lintText(uri, readFileSync(file, 'utf8'), async () => undefined);
    const tree = buildApiTree(result.set, result.model, result.diagnostics);
    assert.equal(tree.name, 'Bookstore API');
    assert.equal(tree.description, 'REST API · OpenAPI 3.0.1');
    assert.deepEqual(tree.problems, { error: 0, warning: 0, info: 0, hint: 0 });
    assert.deepEqual(
      tree.root.children.map((c) => c.segment),
      ['health', 'books', 'stores', 'orders', 'partners', 'admin', '{proxy+}'],
    );
    const books = tree.root.children[1];
    assert.deepEqual(shape(books), { books: ['GET', 'POST', 'OPTIONS', { '{id}': ['GET', 'PUT', 'DELETE', 'OPTIONS', { reviews: ['GET', 'OPTIONS'] }, { cover: ['GET'] }] }] });
    assert.equal(method(tree.root, '/health', 'GET').integration, 'mock');
    const list = method(tree.root, '/books', 'GET');
    assert.equal(list.integration, 'lambda');
    assert.equal(list.description, 'Lambda proxy · API key');
    assert.ok(list.details.some((d) => d.name === 'Target' && d.value === 'bookstore-catalog'));
    assert.equal(method(tree.root, '/books/{id}/reviews', 'GET').integration, 'http');
    assert.equal(method(tree.root, '/books/{id}/cover', 'GET').integration, 'aws-service');
    assert.match(method(tree.root, '/admin/reports/{reportId}', 'GET').description, /Lambda authorizer \(token\)/);
    assert.equal(method(tree.root, '/{proxy+}', 'ANY').method, 'ANY');
    // Reveal lands on the method key.
    const loc = list.location;
    const line = readFileSync(file, 'utf8').split('\n')[loc.range.start.line];
    assert.equal(line.slice(loc.range.start.character, loc.range.end.character), 'get');
  });

  it('counts problems on the method, its resources and the API, and implies parent resources', async () => {
    const tree = await treeOf(`
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /a/b:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration: {type: aws, httpMethod: GET, uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"}
          post:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}`);
    const a = tree.root.children[0];
    assert.equal(a.location, undefined, '/a is implied by /a/b');
    const get = method(tree.root, '/a/b', 'GET');
    assert.equal(get.integration, 'lambda');
    assert.ok(get.problems.error >= 1, 'Lambda integrations need POST');
    assert.equal(method(tree.root, '/a/b', 'POST').problems.error, 0);
    assert.equal(a.problems.error, get.problems.error);
    assert.ok(tree.problems.error >= get.problems.error);
  });

  it('takes HTTP API security from the document and names the file when there is no title', async () => {
    const tree = await treeOf(`
      openapi: 3.0.1
      x-amazon-apigateway-cors: {allowOrigins: ["*"]}
      security: [{jwt: []}]
      components:
        securitySchemes:
          jwt:
            type: oauth2
            flows: {}
            x-amazon-apigateway-authorizer: {type: jwt, identitySource: "$request.header.Authorization", jwtConfiguration: {issuer: "https://example.com", audience: [a]}}
      paths:
        /q:
          post:
            x-amazon-apigateway-integration: {type: aws_proxy, integrationSubtype: SQS-SendMessage, payloadFormatVersion: "1.0", requestParameters: {QueueUrl: q, MessageBody: "$request.body"}}`);
    assert.equal(tree.name, 'api.yaml');
    assert.equal(tree.kind, 'HTTP');
    const q = method(tree.root, '/q', 'POST');
    assert.equal(q.integration, 'aws-service');
    assert.equal(q.description, 'AWS service · JWT authorizer');
  });
});
