import assert from 'node:assert/strict';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
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
import { mockClient } from 'aws-sdk-client-mock';
import { deploy } from '../../core/src/deploy/deploy';
import { DeployError } from '../../core/src/deploy/deployError';
import { sequence } from './callLog';
import { config, HTTP_API, plan, testClients } from './fixtures';

const rest = mockClient(APIGatewayClient);
const http = mockClient(ApiGatewayV2Client);

describe('deploy: HTTP API', () => {
  beforeEach(() => {
    rest.reset();
    http.reset();
    http.on(GetApisCommand).resolves({ Items: [] });
  });

  it('imports a new API, creates the stage with its settings, then deploys to it', async () => {
    http.on(ImportApiCommand).resolves({ ApiId: 'h1', Name: 'Checkout', ApiEndpoint: 'https://h1.execute-api.us-east-1.amazonaws.com', Warnings: [] });
    http.on(CreateStageCommand).resolves({});
    http.on(CreateDeploymentCommand).resolves({ DeploymentId: 'd1' });
    const cfg = config({ stages: { dev: { variables: { env: 'dev' }, methodSettings: { '*/*': { throttlingBurstLimit: 5 }, '/carts/POST': { throttlingRateLimit: 2, cachingEnabled: true } }, failOnWarnings: true, basepath: 'prepend' } } });
    const out = await deploy(await plan(HTTP_API, 'dev', cfg), testClients());
    assert.deepEqual(sequence(rest, http), ['GetApis', 'ImportApi', 'CreateStage', 'CreateDeployment']);
    const imported = http.commandCalls(ImportApiCommand)[0].args[0].input;
    assert.equal(imported.Body, HTTP_API);
    assert.equal(imported.FailOnWarnings, true);
    assert.equal(imported.Basepath, 'prepend');
    const stage = http.commandCalls(CreateStageCommand)[0].args[0].input;
    assert.equal(stage.AutoDeploy, false);
    assert.deepEqual(stage.StageVariables, { env: 'dev' });
    assert.deepEqual(stage.DefaultRouteSettings, { ThrottlingBurstLimit: 5 });
    assert.deepEqual(stage.RouteSettings, { 'POST /carts': { ThrottlingRateLimit: 2 } });
    assert.equal(http.commandCalls(CreateDeploymentCommand)[0].args[0].input.StageName, 'dev');
    assert.equal(out.invokeUrl, 'https://h1.execute-api.us-east-1.amazonaws.com/dev/');
    assert.match(out.notes.join('\n'), /Not applied \(REST API only\): methodSettings\["\/carts\/POST"\]\.cachingEnabled/);
  });

  it('reimports an existing API, deploys, then updates the existing stage', async () => {
    http.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', ApiEndpoint: 'https://h1.example', RouteSelectionExpression: '${request.method} ${request.path}' }] });
    http.on(GetStageCommand).resolves({ StageName: '$default', DeploymentId: 'd0', AutoDeploy: false });
    http.on(ReimportApiCommand).resolves({ ApiId: 'h1', Name: 'Checkout' });
    http.on(CreateDeploymentCommand).resolves({ DeploymentId: 'd1' });
    http.on(UpdateStageCommand).resolves({});
    const out = await deploy(await plan(HTTP_API, '$default'), testClients());
    assert.deepEqual(sequence(http), ['GetApis', 'GetStage', 'ReimportApi', 'CreateDeployment', 'UpdateStage']);
    assert.match(http.commandCalls(CreateDeploymentCommand)[0].args[0].input.Description ?? '', /previous deployment d0$/);
    assert.equal(out.invokeUrl, 'https://h1.example/', 'the $default stage has no path segment');
    assert.equal(out.previousDeploymentId, 'd0');
  });

  it('leaves deploying to an auto-deploy stage to API Gateway', async () => {
    http.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', RouteSelectionExpression: '${request.method} ${request.path}' }] });
    http.on(GetStageCommand).resolves({ DeploymentId: 'd0', AutoDeploy: true });
    http.on(ReimportApiCommand).resolves({ ApiId: 'h1' });
    http.on(UpdateStageCommand).resolves({});
    const out = await deploy(await plan(HTTP_API, 'live'), testClients());
    assert.deepEqual(sequence(http), ['GetApis', 'GetStage', 'ReimportApi', 'UpdateStage']);
    assert.equal(out.deploymentId, undefined);
    assert.match(out.notes.join('\n'), /deploys automatically/);
  });

  it('maps an HTTP import warning to its route', async () => {
    http.on(ImportApiCommand).resolves({ ApiId: 'h1', Warnings: ['Unsupported integration type for route POST /carts, ignoring.'] });
    http.on(CreateStageCommand).resolves({});
    http.on(CreateDeploymentCommand).resolves({ DeploymentId: 'd1' });
    const out = await deploy(await plan(HTTP_API, 'dev'), testClients());
    assert.equal(out.warningDiagnostics[0].pointer, '/paths/~1carts/post');
  });

  it('deletes a new API whose stage could not be created', async () => {
    http.on(ImportApiCommand).resolves({ ApiId: 'h1', Name: 'Checkout' });
    http.on(CreateStageCommand).rejects(new BadRequestException({ message: 'Stage name invalid', $metadata: {} }));
    http.on(DeleteApiCommand).resolves({});
    const err = await deploy(await plan(HTTP_API, 'dev'), testClients()).then(
      () => assert.fail('deployed'),
      (e: unknown) => e as DeployError,
    );
    assert.deepEqual(sequence(http), ['GetApis', 'ImportApi', 'CreateStage', 'DeleteApi']);
    assert.match(err.message, /new API h1 was imported, but deploying it to stage dev failed, so the new API was deleted again/);
  });

  it('a rejected reimport changes nothing', async () => {
    http.on(GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', RouteSelectionExpression: '${request.method} ${request.path}' }] });
    http.on(GetStageCommand).rejects(new NotFoundException({ message: 'Invalid stage identifier specified', $metadata: {} }));
    http.on(ReimportApiCommand).rejects(new BadRequestException({ message: 'Warnings found during import:\n\tRoute POST /carts: unsupported integration type AWS', $metadata: {} }));
    const err = await deploy(await plan(HTTP_API, 'dev', config(), { failOnWarnings: true }), testClients()).then(
      () => assert.fail('deployed'),
      (e: unknown) => e as DeployError,
    );
    assert.equal(err.kind, 'rejected');
    assert.equal(err.diagnostics[0].pointer, '/paths/~1carts/post');
    assert.deepEqual(sequence(http), ['GetApis', 'GetStage', 'ReimportApi']);
  });
});
