import assert from 'node:assert/strict';
import { GetExportCommand, GetRestApisCommand, NotFoundException } from '@aws-sdk/client-api-gateway';
import { ExportApiCommand, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { loadDefinitionInfo } from '../../core/src/deploy/definitionInfo';
import { compareWithStage } from '../../core/src/deploy/diff/stageComparison';
import { normalizeApi } from '../../core/src/deploy/diff/normalizedApi';
import { HTTP_API, REST_API, testClients } from './fixtures';
import { mockSdkInSuite } from './sdkMocks';

const LAMBDA = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';

/** What GetExport gives for a stage: AWS's own servers, generated fields, defaults and the Empty model. */
function exported(ordersTimeout = 29000): Uint8Array {
  const integration = (timeout: number) => ({
    type: 'AWS_PROXY',
    httpMethod: 'POST',
    uri: LAMBDA,
    responses: { default: { statusCode: '200' } },
    passthroughBehavior: 'when_no_match',
    timeoutInMillis: timeout,
    cacheNamespace: 'x1y2z3',
    cacheKeyParameters: [],
  });
  const ok = { '200': { description: '200 response', content: { 'application/json': { schema: { $ref: '#/components/schemas/Empty' } } } } };
  return new TextEncoder().encode(
    JSON.stringify({
      openapi: '3.0.1',
      info: { title: 'Orders', version: '2026-01-05T10:00:00Z' },
      servers: [{ url: 'https://abc123.execute-api.us-east-1.amazonaws.com/{basePath}', variables: { basePath: { default: 'prod' } } }],
      paths: {
        '/orders': { get: { responses: ok, 'x-amazon-apigateway-integration': integration(ordersTimeout) } },
        '/legacy': { get: { responses: ok, 'x-amazon-apigateway-integration': integration(29000) } },
      },
      components: { schemas: { Empty: { title: 'Empty Schema', type: 'object' } } },
    }),
  );
}

async function info(text: string) {
  return loadDefinitionInfo({ uri: 'file:///api/api.yaml', text, read: async () => undefined });
}

describe('deploy: compare with a stage', () => {
  const sdk = mockSdkInSuite();
  beforeEach(() => {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [{ id: 'abc123', name: 'Orders' }] });
  });

  it('counts resources, methods and integrations added and removed, ignoring what AWS adds', async () => {
    sdk.rest.on(GetExportCommand).resolves({ body: exported() as never });
    const c = await compareWithStage(testClients(), await info(REST_API), { api: { name: 'Orders' }, stage: 'prod', mode: 'overwrite' });
    assert.equal(c.remote, 'deployed');
    assert.deepEqual(c.diff.resources, { added: ['/orders/{id}'], removed: ['/legacy'], changed: [] });
    assert.deepEqual(c.diff.methods, { added: ['GET /orders/{id}'], removed: ['GET /legacy'], changed: [] });
    assert.deepEqual(c.diff.integrations, { added: ['GET /orders/{id}'], removed: ['GET /legacy'], changed: [] });
    assert.deepEqual(c.diff.models, { added: [], removed: [], changed: [] }, 'AWS\'s Empty model is not a difference');
    assert.equal(c.summary[0], 'resources: 1 added (/orders/{id}), 1 removed (/legacy)');
    const request = sdk.rest.commandCalls(GetExportCommand)[0].args[0].input;
    assert.deepEqual(request, { restApiId: 'abc123', stageName: 'prod', exportType: 'oas30', parameters: { extensions: 'integrations,authorizers' }, accepts: 'application/json' });
    assert.doesNotMatch(c.remoteText, /cacheNamespace|servers|when_no_match/);
  });

  it('sees a changed integration and says what merge mode keeps', async () => {
    sdk.rest.on(GetExportCommand).resolves({ body: exported(10000) as never });
    const c = await compareWithStage(testClients(), await info(REST_API), { api: { name: 'Orders' }, stage: 'prod', mode: undefined });
    assert.deepEqual(c.diff.integrations.changed, ['GET /orders']);
    assert.match(c.summary.join('\n'), /1 only on the stage \(\/legacy\)/);
    assert.match(c.summary.at(-1) ?? '', /merge mode .* --mode overwrite/);
  });

  it('resolves the export\'s references as it resolves the file\'s', async () => {
    const local = `${REST_API}components:
  schemas:
    Order:
      type: object
      properties:
        lines: {type: array, items: {$ref: "#/components/schemas/Line"}}
    Line:
      type: object
      properties:
        sku: {type: string}
`;
    const remote = JSON.parse(new TextDecoder().decode(exported()));
    remote.components.schemas.Order = { title: 'Order', type: 'object', properties: { lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } } } };
    remote.components.schemas.Line = { type: 'object', properties: { sku: { type: 'string' } } };
    sdk.rest.on(GetExportCommand).resolves({ body: new TextEncoder().encode(JSON.stringify(remote)) as never });
    const c = await compareWithStage(testClients(), await info(local), { api: { name: 'Orders' }, stage: 'prod', mode: undefined });
    assert.deepEqual(c.diff.models, { added: [], removed: [], changed: [] });
  });

  it('compares with nothing when the stage does not exist yet', async () => {
    sdk.rest.on(GetExportCommand).rejects(new NotFoundException({ message: 'Invalid stage identifier specified', $metadata: {} }));
    const c = await compareWithStage(testClients(), await info(REST_API), { api: { name: 'Orders' }, stage: 'new', mode: undefined });
    assert.equal(c.remote, 'no-stage');
    assert.equal(c.diff.methods.added.length, 2);
  });

  it('exports an HTTP API stage with ExportApi', async () => {
    sdk.http.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', RouteSelectionExpression: '${request.method} ${request.path}' }] });
    const body = { openapi: '3.0.1', info: { title: 'Checkout', version: '1' }, paths: { '/carts': { post: { 'x-amazon-apigateway-integration': { type: 'AWS_PROXY', httpMethod: 'POST', uri: 'arn:aws:lambda:us-east-1:123456789012:function:carts', payloadFormatVersion: '2.0', connectionType: 'INTERNET', timeoutInMillis: 30000 } } } } };
    sdk.http.on(ExportApiCommand).resolves({ body: new TextEncoder().encode(JSON.stringify(body)) as never });
    const c = await compareWithStage(testClients(), await info(HTTP_API), { api: { name: 'Checkout' }, stage: '$default', mode: undefined });
    assert.deepEqual(sdk.http.commandCalls(ExportApiCommand)[0].args[0].input, { ApiId: 'h1', Specification: 'OAS30', OutputType: 'JSON', StageName: '$default', IncludeExtensions: true });
    assert.equal(c.summary.every((l) => l.endsWith('no changes')), true, c.summary.join('\n'));
  });

  it('normalises references, enum case, number spelling and documentation away', () => {
    const a = normalizeApi({ paths: { '/x': { get: { summary: 'a', 'x-amazon-apigateway-integration': { type: 'mock', timeoutInMillis: 100 } } } }, definitions: { M: { title: 'M', properties: { title: { type: 'string' } } } } }, 'REST');
    const b = normalizeApi({ paths: { '/x': { get: { 'x-amazon-apigateway-integration': { type: 'MOCK', timeoutInMillis: '100' } } } }, components: { schemas: { M: { properties: { title: { type: 'string' } } } } } }, 'REST');
    assert.deepEqual(a, b);
    assert.deepEqual(Object.keys((a.models.M as { properties: object }).properties), ['title'], 'a property named title is not documentation');
  });
});
