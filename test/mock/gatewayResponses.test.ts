import assert from 'node:assert/strict';
import { startMock, type Harness, mockIntegration, restApi } from './harness';

const strictPost = {
  post: {
    responses: { '200': { description: 'ok' } },
    'x-amazon-apigateway-integration': { ...mockIntegration('{}'), passthroughBehavior: 'never' },
  },
};

describe('gateway responses', () => {
  describe('defaults', () => {
    let h: Harness;
    before(async () => {
      h = await startMock(restApi({ '/strict': strictPost }));
    });
    after(() => h.close());

    it('answers with the default status and {"message": ...} body of each type', async () => {
      const missing = await fetch(`${h.url}/dev/nope`);
      assert.equal(missing.status, 403);
      assert.equal(missing.headers.get('content-type'), 'application/json');
      assert.deepEqual(await missing.json(), { message: 'Missing Authentication Token' });
      const media = await fetch(`${h.url}/dev/strict`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'a,b' });
      assert.equal(media.status, 415);
      assert.deepEqual(await media.json(), { message: 'Unsupported Media Type' });
    });
  });

  describe('customized', () => {
    let h: Harness;
    before(async () => {
      h = await startMock(
        restApi(
          { '/strict': strictPost, '/broken': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{}' } } } } },
          {
            'x-amazon-apigateway-gateway-responses': {
              MISSING_AUTHENTICATION_TOKEN: {
                statusCode: '404',
                responseParameters: {
                  'gatewayresponse.header.X-Static': "'fixed'",
                  'gatewayresponse.header.X-Echo': 'method.request.header.X-Client',
                },
                responseTemplates: {
                  'application/json': '{"error": $context.error.messageString, "type": "$context.error.responseType", "id": "$context.requestId", "env": "$stageVariables.env"}',
                  'text/plain': 'no route: $context.error.message',
                },
              },
              DEFAULT_4XX: {
                responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
                responseTemplates: { 'application/json': '{"fault": $context.error.messageString}' },
              },
              DEFAULT_5XX: { statusCode: '503', responseTemplates: { 'application/json': '{"down": true}' } },
            },
          },
        ),
        { stageVariables: { env: 'qa' } },
      );
    });
    after(() => h.close());

    it('uses the type\'s own status, headers and template, with $context and $stageVariables substituted', async () => {
      const res = await fetch(`${h.url}/dev/nope`, { headers: { 'X-Client': 'c-7' } });
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('x-static'), 'fixed');
      assert.equal(res.headers.get('x-echo'), 'c-7');
      assert.deepEqual(await res.json(), { error: 'Missing Authentication Token', type: 'MISSING_AUTHENTICATION_TOKEN', id: res.headers.get('x-amzn-requestid'), env: 'qa' });
    });

    it('chooses the gateway response template by Accept', async () => {
      const res = await fetch(`${h.url}/dev/nope`, { headers: { Accept: 'text/plain' } });
      assert.equal(await res.text(), 'no route: Missing Authentication Token');
      assert.equal(res.headers.get('content-type'), 'text/plain');
    });

    it('falls back to DEFAULT_4XX for a 4XX type that is not customized, keeping the type\'s status', async () => {
      const res = await fetch(`${h.url}/dev/strict`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'a' });
      assert.equal(res.status, 415);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.deepEqual(await res.json(), { fault: 'Unsupported Media Type' });
    });

    it('takes the status of DEFAULT_5XX when it sets one', async () => {
      const res = await fetch(`${h.url}/dev/broken`);
      assert.equal(res.status, 503);
      assert.deepEqual(await res.json(), { down: true });
    });
  });
});
