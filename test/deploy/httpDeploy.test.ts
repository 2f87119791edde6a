import assert from 'node:assert/strict';
import {
  BadRequestException,
  CreateDeploymentCommand,
  CreateStageCommand,
  DeleteApiCommand,
  GetApisCommand,
  GetStageCommand,
  ImportApiCommand,
  NotFoundException,
  ReimportApiCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import { deploy } from '../../core/src/deploy/deploy';
import { DeployError } from '../../core/src/deploy/deployError';
import { sequence } from './callLog';
import { config, HTTP_API, plan, testClients } from './fixtures';
import { mockSdkInSuite } from './sdkMocks';

describe('deploy: HTTP API', () => {
  const sdk = mockSdkInSuite();
  beforeEach(() => {
    sdk.http.on(GetApisCommand).resolves({ Items: [] });
  });

  it('imports a new API, creates the stage with its settings, then deploys to it', async () => {
    sdk.http.on(ImportApiCommand).resolves({ ApiId: 'h1', Name: 'Checkout', ApiEndpoint: 'https://h1.execute-api.us-east-1.amazonaws.com', Warnings: [] });
    sdk.http.on(CreateStageCommand).resolves({});
    sdk.http.on(CreateDeploymentCommand).resolves({ DeploymentId: 'd1' });
    const cfg = config({ stages: { dev: { variables: { env: 'dev' }, methodSettings: { '*/*': { throttlingBurstLimit: 5 }, '/carts/POST': { throttlingRateLimit: 2, cachingEnabled: true } }, failOnWarnings: true, basepath: 'prepend' } } });
    const out = await deploy(await plan(HTTP_API, 'dev', cfg), testClients());
    assert.deepEqual(sequence(sdk.rest, sdk.http), ['GetApis', 'ImportApi', 'CreateStage', 'CreateDeployment']);
    const imported = sdk.http.commandCalls(ImportApiCommand)[0].args[0].input;
    assert.equal(imported.Body, HTTP_API);
    assert.equal(imported.FailOnWarnings, true);
    assert.equal(imported.Basepath, 'prepend');
    const stage = sdk.http.commandCalls(CreateStageCommand)[0].args[0].input;
    assert.equal(stage.AutoDeploy, false);
    assert.deepEqual(stage.StageVariables, { env: 'dev' });
    assert.deepEqual(stage.DefaultRouteSettings, { ThrottlingBurstLimit: 5 });
    assert.deepEqual(stage.RouteSettings, { 'POST /carts': { ThrottlingRateLimit: 2 } });
    assert.equal(sdk.http.commandCalls(CreateDeploymentCommand)[0].args[0].input.StageName, 'dev');
    assert.equal(out.invokeUrl, 'https://h1.execute-api.us-east-1.amazonaws.com/dev/');
    assert.match(out.notes.join('\n'), /Not applied \(REST API only\): methodSettings\["\/carts\/POST"\]\.cachingEnabled/);
  });

  it('reimports an existing API, deploys, then updates the existing stage', async () => {
    sdk.http.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', ApiEndpoint: 'https://h1.example', RouteSelectionExpression: '${request.method} ${request.path}' }] });
    sdk.http.on(GetStageCommand).resolves({ StageName: '$default', DeploymentId: 'd0', AutoDeploy: false });
    sdk.http.on(ReimportApiCommand).resolves({ ApiId: 'h1', Name: 'Checkout' });
    sdk.http.on(CreateDeploymentCommand).resolves({ DeploymentId: 'd1' });
    sdk.http.on(UpdateStageCommand).resolves({});
    const out = await deploy(await plan(HTTP_API, '$default'), testClients());
    assert.deepEqual(sequence(sdk.http), ['GetApis', 'GetStage', 'ReimportApi', 'CreateDeployment', 'UpdateStage']);
    assert.match(sdk.http.commandCalls(CreateDeploymentCommand)[0].args[0].input.Description ?? '', /previous deployment d0$/);
    assert.equal(out.invokeUrl, 'https://h1.example/', 'the $default stage has no path segment');
    assert.equal(out.previousDeploymentId, 'd0');
  });

  it('leaves deploying to an auto-deploy stage to API Gateway', async () => {
    sdk.http.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', RouteSelectionExpression: '${request.method} ${request.path}' }] });
    sdk.http.on(GetStageCommand).resolves({ DeploymentId: 'd0', AutoDeploy: true });
    sdk.http.on(ReimportApiCommand).resolves({ ApiId: 'h1' });
    sdk.http.on(UpdateStageCommand).resolves({});
    const out = await deploy(await plan(HTTP_API, 'live'), testClients());
    assert.deepEqual(sequence(sdk.http), ['GetApis', 'GetStage', 'ReimportApi', 'UpdateStage']);
    assert.equal(out.deploymentId, undefined);
    assert.match(out.notes.join('\n'), /deploys automatically/);
  });

  it('maps an HTTP import warning to its route', async () => {
    sdk.http.on(ImportApiCommand).resolves({ ApiId: 'h1', Warnings: ['Unsupported integration type for route POST /carts, ignoring.'] });
    sdk.http.on(CreateStageCommand).resolves({});
    sdk.http.on(CreateDeploymentCommand).resolves({ DeploymentId: 'd1' });
    const out = await deploy(await plan(HTTP_API, 'dev'), testClients());
    assert.equal(out.warningDiagnostics[0].pointer, '/paths/~1carts/post');
  });

  it('deletes a new API whose stage could not be created', async () => {
    sdk.http.on(ImportApiCommand).resolves({ ApiId: 'h1', Name: 'Checkout' });
    sdk.http.on(CreateStageCommand).rejects(new BadRequestException({ message: 'Stage name invalid', $metadata: {} }));
    sdk.http.on(DeleteApiCommand).resolves({});
    const err = await deploy(await plan(HTTP_API, 'dev'), testClients()).then(
      () => assert.fail('deployed'),
      (e: unknown) => e as DeployError,
    );
    assert.deepEqual(sequence(sdk.http), ['GetApis', 'ImportApi', 'CreateStage', 'DeleteApi']);
    assert.match(err.message, /new API h1 was imported, but deploying it to stage dev failed, so the new API was deleted again/);
  });

  it('a rejected reimport changes nothing', async () => {
    sdk.http.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', RouteSelectionExpression: '${request.method} ${request.path}' }] });
    sdk.http.on(GetStageCommand).rejects(new NotFoundException({ message: 'Invalid stage identifier specified', $metadata: {} }));
    sdk.http.on(ReimportApiCommand).rejects(new BadRequestException({ message: 'Warnings found during import:\n\tRoute POST /carts: unsupported integration type AWS', $metadata: {} }));
    const err = await deploy(await plan(HTTP_API, 'dev', config(), { failOnWarnings: true }), testClients()).then(
      () => assert.fail('deployed'),
      (e: unknown) => e as DeployError,
    );
    assert.equal(err.kind, 'rejected');
    assert.equal(err.diagnostics[0].pointer, '/paths/~1carts/post');
    assert.deepEqual(sequence(sdk.http), ['GetApis', 'GetStage', 'ReimportApi']);
  });
});
