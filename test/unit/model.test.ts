import assert from 'node:assert/strict';
import { lintText } from '../../core/src/lint';
import type { Resource } from '../../core/src/model/resources';
import { dedent } from '../support/lint';

async function load(text: string, files: Record<string, string> = {}, apiKind: 'auto' | 'rest' | 'http' = 'auto') {
  return lintText('file:///api/api.yaml', dedent(text), async (uri) => files[uri.replace('file:///api/', '')], { apiKind });
}

function shape(r: Resource): unknown {
  return { [r.path]: { methods: r.methods.map((m) => m.method), children: r.children.map(shape) } };
}

describe('model: the API Gateway view of a document', () => {
  it('detects REST by default and HTTP from HTTP-only markers, and honours an override', async () => {
    const plain = await load(`
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths: {}`);
    assert.equal(plain.model.kind, 'REST');
    assert.equal(plain.model.kindDetection.source, 'default');
    const http = await load(`
      openapi: 3.0.1
      info: {title: t, version: "1"}
      x-amazon-apigateway-cors: {allowOrigins: ["*"]}
      paths:
        /a:
          get:
            x-amazon-apigateway-integration: {type: aws_proxy, uri: "arn:aws:lambda:us-east-1:123456789012:function:f", payloadFormatVersion: "2.0"}`);
    assert.equal(http.model.kind, 'HTTP');
    assert.deepEqual(http.model.kindDetection.evidence.HTTP.map((k) => k.value).sort(), ['payloadFormatVersion', 'x-amazon-apigateway-cors']);
    const forced = await load(`
      openapi: 3.0.1
      info: {title: t, version: "1"}
      x-amazon-apigateway-cors: {allowOrigins: ["*"]}
      paths: {}`, {}, 'rest');
    assert.equal(forced.model.kind, 'REST');
    assert.equal(forced.model.kindDetection.source, 'override');
  });

  it('nests resources by path segment, with ANY, {param} and {proxy+}', async () => {
    const { model } = await load(`
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /users/{id}:
          get: {responses: {}}
          delete: {responses: {}}
        /users:
          post: {responses: {}}
        /{proxy+}:
          x-amazon-apigateway-any-method: {responses: {}}`);
    assert.deepEqual(shape(model.resources), {
      '/': {
        methods: [],
        children: [
          { '/users': { methods: ['POST'], children: [{ '/users/{id}': { methods: ['GET', 'DELETE'], children: [] } }] } },
          { '/{proxy+}': { methods: ['ANY'], children: [] } },
        ],
      },
    });
  });

  it('merges path-item and operation parameters, the operation winning, through $refs', async () => {
    const { model } = await load(`
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /items/{id}:
          parameters:
            - {$ref: "#/components/parameters/Id"}
            - {name: X-Tenant, in: header}
          get:
            parameters:
              - {name: X-Tenant, in: header, required: true}
            responses: {}
      components:
        parameters:
          Id: {name: id, in: path, required: true}`);
    const op = model.operations[0];
    assert.deepEqual(
      op.parameters.map((p) => `${p.in}:${p.name}:${p.required}`),
      ['path:id:true', 'header:X-Tenant:true'],
    );
  });

  it('follows path items and integrations in other files, and stops on $ref cycles', async () => {
    const result = await load(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /orders:
          $ref: ./paths/orders.yaml
        /loop:
          $ref: "#/paths/~1loop"`,
      {
        'paths/orders.yaml': 'get:\n  responses: {"200": {description: ok}}\n  x-amazon-apigateway-integration: {$ref: "../shared.yaml#/lambda"}\n',
        'shared.yaml': 'lambda: {type: mock, requestTemplates: {application/json: "{}"}}\n',
      },
    );
    const op = result.model.operations.find((o) => o.path === '/orders');
    assert.equal(op?.method, 'GET');
    assert.equal(op?.integration?.node.properties[0].keyNode.value, 'type');
    assert.equal(result.set.fileOf(op!.node).uri, 'file:///api/paths/orders.yaml');
    assert.deepEqual(result.set.files.map((f) => f.uri).sort(), ['file:///api/api.yaml', 'file:///api/paths/orders.yaml', 'file:///api/shared.yaml']);
  });

  it('reports a $ref to a missing file where the $ref is written', async () => {
    const { diagnostics } = await load(
      `
      openapi: 3.0.1
      info: {title: t, version: "1"}
      paths:
        /orders:
          $ref: ./paths/orders.yaml`,
      { 'paths/orders.yaml': 'get:\n  responses:\n    "200": {$ref: "./responses.yaml#/Ok"}\n' },
    );
    const d = diagnostics.find((x) => x.code === 'apigw.ref.unresolved');
    assert.equal(d?.uri, 'file:///api/paths/orders.yaml');
    assert.equal(d?.pointer, '/get/responses/200/$ref');
    assert.match(d?.message ?? '', /responses\.yaml does not exist/);
    assert.equal(d?.range.start.line, 2);
  });
});
