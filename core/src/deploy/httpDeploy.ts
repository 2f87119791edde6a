import {
  CreateDeploymentCommand,
  CreateStageCommand,
  DeleteApiCommand,
  GetStageCommand,
  ImportApiCommand,
  ReimportApiCommand,
  UpdateApiCommand,
  UpdateStageCommand,
  type ImportApiResponse,
} from '@aws-sdk/client-apigatewayv2';
import { locateApi } from './apiLookup';
import { awsCall, awsFind } from './awsCall';
import type { AwsClients } from './awsClients';
import { deploymentDescription, type Provenance } from './deploymentDescription';
import type { DeployObserver } from './deployObserver';
import type { DeployOutcome } from './deployOutcome';
import type { DeployPlan } from './deployPlan';
import { deploymentFailure, importFailure, lookupFailure, settingsFailure, throwIfCancelled } from './failureRecovery';
import { importMessagesToDiagnostics } from './importMessages';
import { httpStageUrl } from './stageUrls';

/**
 * An HTTP API to a stage: ImportApi (new) or ReimportApi (existing), then CreateStage for a
 * new stage (with its settings) or UpdateStage for an existing one, and CreateDeployment,
 * unless the stage deploys by itself (autoDeploy).
 */
export async function deployHttp(plan: DeployPlan, clients: AwsClients, observer: DeployObserver, provenance: Provenance): Promise<DeployOutcome> {
  const { target, httpSettings } = plan;
  const stage = target.stage;
  const notes: string[] = [];
  if (target.mode === 'merge') notes.push('An HTTP API has no merge mode: ReimportApi replaces the whole definition.');
  if (httpSettings.ignored.length > 0) notes.push(`Not applied (REST API only): ${httpSettings.ignored.join(', ')}.`);
  observer.step?.('locate', 'id' in target.api ? `Looking up HTTP API ${target.api.id}` : `Looking for the HTTP API named '${target.api.name}'`);
  const existing = await locateApi(clients, 'HTTP', target.api).catch((err: unknown) => {
    throw lookupFailure(err);
  });
  const readStage = (apiId: string) =>
    awsFind(clients, { operation: 'GetStage', method: 'GET', resource: `/apis/${apiId}/stages/${stage}` }, () => clients.http.send(new GetStageCommand({ ApiId: apiId, StageName: stage })));
  const stageBefore = existing
    ? await readStage(existing.id).catch((err: unknown) => {
        throw lookupFailure(err);
      })
    : undefined;
  const previous = stageBefore?.DeploymentId;
  throwIfCancelled(observer);

  observer.step?.('import', existing ? `Reimporting API ${existing.id}` : 'Importing a new HTTP API');
  const body = new TextDecoder().decode(plan.body.bytes);
  let api: ImportApiResponse;
  try {
    api = existing
      ? await awsCall(clients, { operation: 'ReimportApi', method: 'PUT', resource: `/apis/${existing.id}` }, () =>
          clients.http.send(new ReimportApiCommand({ ApiId: existing.id, Body: body, Basepath: target.basepath, FailOnWarnings: target.failOnWarnings })),
        )
      : await awsCall(clients, { operation: 'ImportApi', method: 'PUT', resource: '/apis' }, () => clients.http.send(new ImportApiCommand({ Body: body, Basepath: target.basepath, FailOnWarnings: target.failOnWarnings })));
  } catch (err) {
    throw importFailure(err, plan, previous, existing?.id);
  }
  const apiId = api.ApiId ?? existing?.id ?? '';
  const created = !existing;
  const warnings = api.Warnings ?? [];
  const description = deploymentDescription(provenance, previous);
  const stageSettings = {
    StageVariables: httpSettings.StageVariables,
    DefaultRouteSettings: httpSettings.DefaultRouteSettings,
    RouteSettings: httpSettings.RouteSettings,
    AccessLogSettings: httpSettings.AccessLogSettings,
    Description: httpSettings.Description,
  };

  let deploymentId: string | undefined;
  try {
    if ('name' in target.api && api.Name !== undefined && api.Name !== target.api.name) {
      const name = target.api.name;
      await awsCall(clients, { operation: 'UpdateApi', method: 'PATCH', resource: `/apis/${apiId}` }, () => clients.http.send(new UpdateApiCommand({ ApiId: apiId, Name: name })));
    }
    observer.step?.('deploy', `Deploying to stage ${stage}`);
    if (!stageBefore) {
      await awsCall(clients, { operation: 'CreateStage', method: 'POST', resource: `/apis/${apiId}/stages` }, () =>
        clients.http.send(new CreateStageCommand({ ApiId: apiId, StageName: stage, AutoDeploy: false, ...stageSettings })),
      );
    }
    if (stageBefore?.AutoDeploy) notes.push(`Stage ${stage} deploys automatically (autoDeploy), so API Gateway deploys the import itself; rollback needs autoDeploy off.`);
    else {
      const deployment = await awsCall(clients, { operation: 'CreateDeployment', method: 'POST', resource: `/apis/${apiId}/deployments` }, () =>
        clients.http.send(new CreateDeploymentCommand({ ApiId: apiId, StageName: stage, Description: description })),
      );
      deploymentId = deployment.DeploymentId;
    }
  } catch (err) {
    throw await deploymentFailure(err, {
      plan,
      apiId,
      created,
      previous,
      stageExisted: stageBefore !== undefined,
      observer,
      readStage: async () => {
        const now = await readStage(apiId);
        return now && { deploymentId: now.DeploymentId };
      },
      deleteApi: async () => {
        await awsCall(clients, { operation: 'DeleteApi', method: 'DELETE', resource: `/apis/${apiId}` }, () => clients.http.send(new DeleteApiCommand({ ApiId: apiId })));
      },
      deleteCommand: `aws apigatewayv2 delete-api --api-id ${apiId}`,
    });
  }

  if (stageBefore) {
    observer.step?.('settings', `Applying the settings of stage ${stage}`);
    try {
      await awsCall(clients, { operation: 'UpdateStage', method: 'PATCH', resource: `/apis/${apiId}/stages/${stage}` }, () => clients.http.send(new UpdateStageCommand({ ApiId: apiId, StageName: stage, ...stageSettings })));
    } catch (err) {
      throw settingsFailure(err, plan, deploymentId, previous);
    }
  }
  if (plan.body.bundled) notes.push('Files reached through $ref were inlined into one document for the import.');
  const endpoint = api.ApiEndpoint ?? existing?.apiEndpoint ?? `https://${apiId}.execute-api.${await clients.region()}.amazonaws.com`;
  return {
    kind: 'HTTP',
    apiId,
    created,
    stage,
    deploymentId,
    previousDeploymentId: previous,
    invokeUrl: httpStageUrl(endpoint, stage),
    warnings,
    warningDiagnostics: importMessagesToDiagnostics(plan.lint.set, plan.lint.model, warnings, 'warning'),
    notes,
  };
}
