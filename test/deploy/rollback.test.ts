import assert from 'node:assert/strict';
import { GetDeploymentCommand, GetDeploymentsCommand, GetRestApisCommand, GetStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { GetApisCommand, GetDeploymentCommand as GetHttpDeployment, GetStageCommand as GetHttpStage, UpdateStageCommand as UpdateHttpStage } from '@aws-sdk/client-apigatewayv2';
import { DeployError } from '../../core/src/deploy/deployError';
import { rollbackStage, UnknownPreviousDeployment } from '../../core/src/deploy/rollback';
import { sequence } from './callLog';
import { testClients } from './fixtures';
import { mockSdkInSuite } from './sdkMocks';

describe('deploy: rollback', () => {
  const sdk = mockSdkInSuite();
  beforeEach(() => {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [{ id: 'abc123', name: 'Orders' }] });
  });

  it('points a REST stage at the deployment its current one records as previous', async () => {
    sdk.rest.on(GetStageCommand).resolves({ deploymentId: 'dep2' });
    sdk.rest.on(GetDeploymentCommand).resolves({ id: 'dep2', description: 'apigw deploy of 1a2b3c by ana; previous deployment dep1' });
    sdk.rest.on(UpdateStageCommand).resolves({});
    const out = await rollbackStage(testClients(), 'REST', { api: { name: 'Orders' }, stage: 'prod' });
    assert.deepEqual(out, { apiId: 'abc123', stage: 'prod', from: 'dep2', to: 'dep1' });
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis', 'GetStage', 'GetDeployment', 'UpdateStage']);
    assert.deepEqual(sdk.rest.commandCalls(UpdateStageCommand)[0].args[0].input, { restApiId: 'abc123', stageName: 'prod', patchOperations: [{ op: 'replace', path: '/deploymentId', value: 'dep1' }] });
  });

  it('goes to the deployment named with --to without reading descriptions', async () => {
    sdk.rest.on(GetStageCommand).resolves({ deploymentId: 'dep2' });
    sdk.rest.on(UpdateStageCommand).resolves({});
    await rollbackStage(testClients(), 'REST', { api: { name: 'Orders' }, stage: 'prod' }, 'dep0');
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis', 'GetStage', 'UpdateStage']);
  });

  it('lists recent deployments when the previous one is not recorded', async () => {
    sdk.rest.on(GetStageCommand).resolves({ deploymentId: 'dep2' });
    sdk.rest.on(GetDeploymentCommand).resolves({ id: 'dep2', description: 'made in the console' });
    sdk.rest.on(GetDeploymentsCommand).resolves({
      items: [
        { id: 'dep2', createdDate: new Date('2026-01-03T00:00:00Z') },
        { id: 'dep1', createdDate: new Date('2026-01-02T00:00:00Z'), description: 'friday' },
      ],
    });
    const err = await rollbackStage(testClients(), 'REST', { api: { name: 'Orders' }, stage: 'prod' }).then(
      () => assert.fail('rolled back'),
      (e: unknown) => e as DeployError,
    );
    assert.ok(err instanceof UnknownPreviousDeployment);
    assert.deepEqual(err.recent.map((d) => d.id), ['dep1']);
    assert.equal(err.kind, 'refused');
    assert.match(err.hints[0], /--to <id>\. Recent deployments: dep1 \(2026-01-02T00:00:00\.000Z: friday\)/);
    assert.equal(sdk.rest.commandCalls(UpdateStageCommand).length, 0);
  });

  it('rolls an HTTP API stage back with UpdateStage DeploymentId', async () => {
    sdk.http.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', RouteSelectionExpression: '${request.method} ${request.path}' }] });
    sdk.http.on(GetHttpStage).resolves({ DeploymentId: 'd2', AutoDeploy: false });
    sdk.http.on(GetHttpDeployment).resolves({ Description: 'apigw deploy; previous deployment d1' });
    sdk.http.on(UpdateHttpStage).resolves({});
    await rollbackStage(testClients(), 'HTTP', { api: { name: 'Checkout' }, stage: '$default' });
    assert.deepEqual(sdk.http.commandCalls(UpdateHttpStage)[0].args[0].input, { ApiId: 'h1', StageName: '$default', DeploymentId: 'd1' });
  });

  it('refuses an auto-deploy stage', async () => {
    sdk.http.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', RouteSelectionExpression: '${request.method} ${request.path}' }] });
    sdk.http.on(GetHttpStage).resolves({ DeploymentId: 'd2', AutoDeploy: true });
    await assert.rejects(rollbackStage(testClients(), 'HTTP', { api: { name: 'Checkout' }, stage: 'dev' }), /autoDeploy/);
  });

  describe('when moving the stage back fails', () => {
    const fault = {
      throttled: () => Object.assign(new Error('Too Many Requests'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429, attempts: 6 } }),
      network: () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', $metadata: { attempts: 6 } }),
      unavailable: () => Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503, attempts: 6 } }),
    };
    const rollingBack = (err: Error) => {
      sdk.rest.on(GetStageCommand).resolves({ deploymentId: 'dep2' });
      sdk.rest.on(GetDeploymentCommand).resolves({ id: 'dep2', description: 'apigw deploy of 1a2b3c by ana; previous deployment dep1' });
      sdk.rest.on(UpdateStageCommand).rejects(err);
      return rollbackStage(testClients(), 'REST', { api: { name: 'Orders' }, stage: 'prod' }).then(
        () => assert.fail('rolled back'),
        (e: unknown) => e as DeployError,
      );
    };

    it('a refused call (throttled) says nothing changed', async () => {
      const err = await rollingBack(fault.throttled());
      assert.equal(err.kind, 'throttled');
      assert.match(err.message, /Nothing was changed: stage prod still serves deployment dep2\./);
      assert.match(err.hints.join('\n'), /Run the same rollback again/);
    });

    for (const kind of ['network', 'unavailable'] as const) {
      it(`a lost answer (${kind}) says the stage serves one of the two, and how to find out`, async () => {
        const err = await rollingBack(fault[kind]());
        assert.equal(err.kind, kind);
        assert.match(err.message, /stage prod serves either deployment dep2 \(as before\) or dep1 \(rolled back\)/);
        assert.match(err.hints.join('\n'), /Roll back again with --to dep1: the stage is moved there, or you are told it already serves it/);
      });
    }
  });
});
