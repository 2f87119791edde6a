import assert from 'node:assert/strict';
import {
  BadRequestException,
  CreateDeploymentCommand,
  DeleteRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  ImportRestApiCommand,
  NotFoundException,
  PutRestApiCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { deploy } from '../../core/src/deploy/deploy';
import { DeployError } from '../../core/src/deploy/deployError';
import { sequence } from './callLog';
import { config, plan, REST_API, testClients } from './fixtures';
import { mockSdkInSuite } from './sdkMocks';

async function failure(p: Promise<unknown>): Promise<DeployError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof DeployError, `expected a DeployError, got ${String(err)}`);
    return err;
  }
  assert.fail('the deploy succeeded');
}

describe('deploy: REST API', () => {
  const sdk = mockSdkInSuite();
  beforeEach(() => {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [{ id: 'other1', name: 'Other' }] });
  });

  it('imports a new API, deploys it to the stage, applies the settings and gives the invoke URL', async () => {
    sdk.rest.on(ImportRestApiCommand).resolves({ id: 'new123', name: 'Orders', warnings: [] });
    sdk.rest.on(CreateDeploymentCommand).resolves({ id: 'dep1' });
    sdk.rest.on(UpdateStageCommand).resolves({});
    const cfg = config({ stages: { dev: { endpointType: 'REGIONAL', basepath: 'ignore', variables: { table: 'orders-dev' }, tracingEnabled: true, methodSettings: { '*/*': { throttlingRateLimit: 10 } } } } });
    const steps: string[] = [];
    const out = await deploy(await plan(REST_API, 'dev', cfg), testClients(), { step: (s) => steps.push(s) });
    assert.deepEqual(sequence(sdk.rest, sdk.http), ['GetRestApis', 'ImportRestApi', 'CreateDeployment', 'UpdateStage']);
    assert.deepEqual(steps, ['locate', 'import', 'deploy', 'settings']);
    const imported = sdk.rest.commandCalls(ImportRestApiCommand)[0].args[0].input;
    assert.deepEqual(imported.parameters, { endpointConfigurationTypes: 'REGIONAL', basepath: 'ignore' });
    assert.equal(imported.failOnWarnings, false);
    assert.equal(new TextDecoder().decode(imported.body as Uint8Array), REST_API, 'a single file goes as written');
    const deployment = sdk.rest.commandCalls(CreateDeploymentCommand)[0].args[0].input;
    assert.equal(deployment.restApiId, 'new123');
    assert.equal(deployment.stageName, 'dev');
    assert.deepEqual(deployment.variables, { table: 'orders-dev' });
    assert.match(deployment.description ?? '', /^apigw deploy/);
    assert.deepEqual(sdk.rest.commandCalls(UpdateStageCommand)[0].args[0].input.patchOperations, [
      { op: 'replace', path: '/variables/table', value: 'orders-dev' },
      { op: 'replace', path: '/tracingEnabled', value: 'true' },
      { op: 'replace', path: '/*/*/throttling/rateLimit', value: '10' },
    ]);
    assert.equal(out.created, true);
    assert.equal(out.deploymentId, 'dep1');
    assert.equal(out.invokeUrl, 'https://new123.execute-api.us-east-1.amazonaws.com/dev/');
  });

  it('updates an existing API with PutRestApi in the chosen mode and records the previous deployment', async () => {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [{ id: 'abc123', name: 'Orders', endpointConfiguration: { types: ['EDGE'] } }] });
    sdk.rest.on(GetStageCommand).resolves({ deploymentId: 'old9' });
    sdk.rest.on(PutRestApiCommand).resolves({ id: 'abc123', name: 'Orders' });
    sdk.rest.on(CreateDeploymentCommand).resolves({ id: 'dep2' });
    const out = await deploy(await plan(REST_API, 'prod', config({ stages: { prod: { mode: 'overwrite', failOnWarnings: true, endpointType: 'REGIONAL' } } })), testClients());
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis', 'GetStage', 'PutRestApi', 'CreateDeployment']);
    const put = sdk.rest.commandCalls(PutRestApiCommand)[0].args[0].input;
    assert.equal(put.restApiId, 'abc123');
    assert.equal(put.mode, 'overwrite');
    assert.equal(put.failOnWarnings, true);
    assert.deepEqual(put.parameters, {}, 'the endpoint type is not sent on an update');
    assert.match(sdk.rest.commandCalls(CreateDeploymentCommand)[0].args[0].input.description ?? '', /; previous deployment old9$/);
    assert.equal(out.previousDeploymentId, 'old9');
    assert.match(out.notes.join('\n'), /endpoint type is EDGE; endpointType REGIONAL only applies when an API is created/);
  });

  it('turns import warnings into diagnostics on the operation they name, and still deploys with failOnWarnings off', async () => {
    const warning = "Ignoring response model for 200 response on method 'GET /orders/{id}' because a model with the same name already exists.";
    sdk.rest.on(ImportRestApiCommand).resolves({ id: 'new123', name: 'Orders', warnings: [warning] });
    sdk.rest.on(CreateDeploymentCommand).resolves({ id: 'dep1' });
    const p = await plan(REST_API, 'dev');
    const out = await deploy(p, testClients());
    assert.deepEqual(out.warnings, [warning]);
    const [d] = out.warningDiagnostics;
    assert.equal(d.code, 'apigw.deploy.import-warning');
    assert.equal(d.severity, 'warning');
    assert.equal(d.pointer, '/paths/~1orders~1{id}/get/responses/200');
    const line = REST_API.split('\n')[d.range.start.line];
    assert.match(line, /"200":/);
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis', 'ImportRestApi', 'CreateDeployment']);
  });

  it('with failOnWarnings on, a rolled-back import deploys nothing and places the warnings on the definition', async () => {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [{ id: 'abc123', name: 'Orders' }] });
    sdk.rest.on(GetStageCommand).resolves({ deploymentId: 'old9' });
    sdk.rest.on(PutRestApiCommand).rejects(new BadRequestException({ message: "Warnings found during import:\n\tParse issue: attribute paths.'/orders'(get).security is unexpected", $metadata: { httpStatusCode: 400 } }));
    const err = await failure(deploy(await plan(REST_API, 'dev', config(), { failOnWarnings: true }), testClients()));
    assert.equal(err.kind, 'rejected');
    assert.match(err.message, /rejected the import because of warnings .*nothing was changed \(stage dev still serves deployment old9\)/);
    assert.equal(err.diagnostics[0].pointer, '/paths/~1orders/get');
    assert.equal(err.diagnostics[0].severity, 'warning');
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis', 'GetStage', 'PutRestApi']);
  });

  it('a rejected import creates no deployment and its errors land on the integration they name', async () => {
    sdk.rest.on(ImportRestApiCommand).rejects(
      new BadRequestException({ message: "Errors found during import:\n\tUnable to put integration on 'GET' for resource at path '/orders/{id}': Invalid ARN specified in the request", $metadata: { httpStatusCode: 400 } }),
    );
    const err = await failure(deploy(await plan(REST_API, 'dev'), testClients()));
    assert.match(err.message, /API Gateway rejected the import; nothing was changed \(stage dev was not touched\)/);
    assert.equal(err.diagnostics.length, 1);
    assert.equal(err.diagnostics[0].code, 'apigw.deploy.import-error');
    assert.equal(err.diagnostics[0].pointer, '/paths/~1orders~1{id}/get');
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis', 'ImportRestApi']);
    assert.equal(sdk.rest.commandCalls(CreateDeploymentCommand).length, 0);
  });

  it('deletes a new API again when its first deployment fails', async () => {
    sdk.rest.on(ImportRestApiCommand).resolves({ id: 'new123', name: 'Orders' });
    sdk.rest.on(CreateDeploymentCommand).rejects(new BadRequestException({ message: 'No integration defined for method', $metadata: { httpStatusCode: 400 } }));
    sdk.rest.on(DeleteRestApiCommand).resolves({});
    const steps: string[] = [];
    const err = await failure(deploy(await plan(REST_API, 'dev'), testClients(), { step: (s) => steps.push(s) }));
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis', 'ImportRestApi', 'CreateDeployment', 'DeleteRestApi']);
    assert.equal(sdk.rest.commandCalls(DeleteRestApiCommand)[0].args[0].input.restApiId, 'new123');
    assert.match(err.message, /new API new123 was imported, but deploying it to stage dev failed, so the new API was deleted again and nothing is left behind: No integration defined for method/);
    assert.equal(steps.at(-1), 'cleanup');
  });

  it('says how to delete a new API by hand when deleting it fails too', async () => {
    sdk.rest.on(ImportRestApiCommand).resolves({ id: 'new123', name: 'Orders' });
    sdk.rest.on(CreateDeploymentCommand).rejects(new BadRequestException({ message: 'No integration defined for method', $metadata: {} }));
    sdk.rest.on(DeleteRestApiCommand).rejects(new NotFoundException({ message: 'gone', $metadata: {} }));
    const err = await failure(deploy(await plan(REST_API, 'dev'), testClients()));
    assert.match(err.message, /Deleting the new API failed as well/);
    assert.ok(err.hints.includes('Delete it by hand: aws apigateway delete-rest-api --rest-api-id new123'));
  });

  it('a failed deployment after importing into an existing API says the stage is unchanged and how to retry', async () => {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [{ id: 'abc123', name: 'Orders' }] });
    sdk.rest.on(GetStageCommand).resolves({ deploymentId: 'old9' });
    sdk.rest.on(PutRestApiCommand).resolves({ id: 'abc123', name: 'Orders' });
    sdk.rest.on(CreateDeploymentCommand).rejects(new BadRequestException({ message: "The REST API doesn't contain any methods", $metadata: {} }));
    const err = await failure(deploy(await plan(REST_API, 'dev'), testClients()));
    assert.match(err.message, /imported into API abc123, but the deployment to stage dev failed: The REST API doesn't contain any methods\nThe stage is unchanged \(stage dev still serves deployment old9\)/);
    assert.match(err.hints.join('\n'), /deploy again/);
    assert.equal(sdk.rest.commandCalls(DeleteRestApiCommand).length, 0, 'an existing API is never deleted');
  });

  it('settings that fail after a live deployment name the rollback', async () => {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [{ id: 'abc123', name: 'Orders' }] });
    sdk.rest.on(GetStageCommand).resolves({ deploymentId: 'old9' });
    sdk.rest.on(PutRestApiCommand).resolves({ id: 'abc123', name: 'Orders' });
    sdk.rest.on(CreateDeploymentCommand).resolves({ id: 'dep2' });
    sdk.rest.on(UpdateStageCommand).rejects(new BadRequestException({ message: 'Invalid method setting path', $metadata: {} }));
    const err = await failure(deploy(await plan(REST_API, 'dev', config({ stages: { dev: { tracingEnabled: true } } })), testClients()));
    assert.match(err.message, /Deployment dep2 is live on stage dev, but its stage settings were not applied: Invalid method setting path/);
    assert.match(err.hints.join('\n'), /apigw rollback api\.yaml --stage dev/);
  });

  it('stops before the import when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await failure(deploy(await plan(REST_API, 'dev'), testClients(), { signal: controller.signal }));
    assert.equal(err.kind, 'cancelled');
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis']);
  });

  it('renames a new API to the configured name so the next deploy finds it', async () => {
    sdk.rest.on(ImportRestApiCommand).resolves({ id: 'new123', name: 'Orders' });
    sdk.rest.on(CreateDeploymentCommand).resolves({ id: 'dep1' });
    await deploy(await plan(REST_API, 'dev', config({ stages: { dev: { apiName: 'orders-dev' } } })), testClients());
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis', 'ImportRestApi', 'UpdateRestApi', 'CreateDeployment']);
  });

  it('refuses to guess between APIs that share the name', async () => {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [{ id: 'a1', name: 'Orders' }, { id: 'a2', name: 'Orders' }] });
    const err = await failure(deploy(await plan(REST_API, 'dev'), testClients()));
    assert.match(err.message, /2 REST APIs are named 'Orders' \(a1, a2\)/);
    assert.deepEqual(sequence(sdk.rest), ['GetRestApis']);
  });
});
