import assert from 'node:assert/strict';
import { DeleteRestApiCommand } from '@aws-sdk/client-api-gateway';
import { createAwsClients } from '../../core/src/deploy/awsClients';
import { deploy } from '../../core/src/deploy/deploy';
import { rollbackStage } from '../../core/src/deploy/rollback';
import { config, plan } from './fixtures';

/**
 * End to end against LocalStack, only when APIGW_TEST_LOCALSTACK names its endpoint
 * (e.g. http://localhost:4566): deploy, call the stage, deploy again, roll back.
 */
const ENDPOINT = process.env.APIGW_TEST_LOCALSTACK;

const PING = `openapi: 3.0.1
info:
  title: apigw-localstack-test-${Date.now()}
  version: "1"
paths:
  /ping:
    get:
      responses:
        "200":
          description: ok
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
        responses:
          default:
            statusCode: "200"
            responseTemplates:
              application/json: '{"pong": true}'
`;

(ENDPOINT ? describe : describe.skip)('deploy: LocalStack (APIGW_TEST_LOCALSTACK)', function () {
  this.timeout(60000);
  const clients = createAwsClients({ region: 'us-east-1', endpoint: ENDPOINT, credentials: async () => ({ accessKeyId: 'test', secretAccessKey: 'test' }) });
  let apiId: string | undefined;
  after(async () => {
    if (apiId) await clients.rest.send(new DeleteRestApiCommand({ restApiId: apiId }));
    clients.destroy();
  });

  it('deploys a new API, serves it, redeploys and rolls back', async () => {
    const p = await plan(PING, 'dev', config({ stages: { dev: { variables: { color: 'blue' } } } }));
    const first = await deploy(p, clients);
    apiId = first.apiId;
    assert.equal(first.created, true);
    const res = await fetch(`${first.invokeUrl}ping`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { pong: true });
    const second = await deploy(p, clients);
    assert.equal(second.apiId, first.apiId);
    assert.equal(second.previousDeploymentId, first.deploymentId);
    const back = await rollbackStage(clients, 'REST', { api: { id: first.apiId }, stage: 'dev' });
    assert.deepEqual([back.from, back.to], [second.deploymentId, first.deploymentId]);
  });
});
