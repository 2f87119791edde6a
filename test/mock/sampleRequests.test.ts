import assert from 'node:assert/strict';
import { sampleCurlLines } from '../../core/src/mock/sampleRequests';
import { LAMBDA_URI, startMock, mockIntegration, restApi } from './harness';

describe('curl lines printed at start', () => {
  it('read the credentials a method needs from environment variables and print no secret', async () => {
    const op = (security: object[] | undefined, extra: object = {}) => ({ ...(security ? { security } : {}), ...extra, responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': mockIntegration('{}') });
    const h = await startMock(
      restApi(
        {
          '/keyed': { get: op([{ api_key: [] }]) },
          '/token': { get: op([{ Token: [] }]) },
          '/iam': { get: op(undefined, { 'x-amazon-apigateway-auth': { type: 'AWS_IAM' } }) },
          '/open': { get: op(undefined) },
        },
        {
          components: {
            securitySchemes: {
              api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
              Token: { type: 'apiKey', name: 'X-Token', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: LAMBDA_URI('auth') } },
            },
          },
        },
      ),
      { config: { apiKeys: [{ name: 'k', value: 'secret-value-0123456789abc' }] } },
    );
    try {
      const lines = sampleCurlLines(h.server.current().api, 'http://127.0.0.1:3000/dev');
      assert.ok(lines.includes(`curl -i -H "x-api-key: $APIGW_API_KEY" 'http://127.0.0.1:3000/dev/keyed'`), lines.join('\n'));
      assert.ok(lines.includes(`curl -i -H "X-Token: $APIGW_TOKEN" 'http://127.0.0.1:3000/dev/token'`), lines.join('\n'));
      assert.ok(lines.some((l) => /^curl -i --aws-sigv4 'aws:amz:[a-z0-9-]+:execute-api' --user "\$AWS_ACCESS_KEY_ID:\$AWS_SECRET_ACCESS_KEY" 'http:\/\/127\.0\.0\.1:3000\/dev\/iam'$/.test(l)), lines.join('\n'));
      assert.ok(lines.includes(`curl -i 'http://127.0.0.1:3000/dev/open'`));
      assert.ok(!lines.join('\n').includes('secret-value'));
    } finally {
      await h.close();
    }
  });
});
