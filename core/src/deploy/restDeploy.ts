import {
  CreateDeploymentCommand,
  DeleteRestApiCommand,
  GetStageCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
  type RestApi,
} from '@aws-sdk/client-api-gateway';
import { locateApi } from './apiLookup';
import { awsCall, awsFind } from './awsCall';
import type { AwsClients } from './awsClients';
import { deploymentDescription, type Provenance } from './deploymentDescription';
import type { DeployObserver } from './deployObserver';
import type { DeployOutcome } from './deployOutcome';
import type { DeployPlan } from './deployPlan';
import { deploymentFailure, importFailure, lookupFailure, settingsFailure, throwIfCancelled, type StageSnapshot } from './failureRecovery';
import { importMessagesToDiagnostics } from './importMessages';
import { restStageUrl } from './stageUrls';

function importParameters(plan: DeployPlan, creating: boolean): Record<string, string> {
  const p: Record<string, string> = {};
  // The endpoint type is set when an API is created; PutRestApi keeps the API's own.
  if (creating && plan.target.endpointType) p.endpointConfigurationTypes = plan.target.endpointType;
  if (plan.target.basepath) p.basepath = plan.target.basepath;
  return p;
}

/**
 * A REST API to a stage: ImportRestApi (new) or PutRestApi (existing), CreateDeployment on
 * the stage, UpdateStage for its settings. See failureRecovery for what each failure leaves.
 */
export async function deployRest(plan: DeployPlan, clients: AwsClients, observer: DeployObserver, provenance: Provenance): Promise<DeployOutcome> {
  const { target } = plan;
  const stage = target.stage;
  const notes: string[] = [];
  observer.step?.('locate', 'id' in target.api ? `Looking up REST API ${target.api.id}` : `Looking for the REST API named '${target.api.name}'`);
  const existing = await locateApi(clients, 'REST', target.api).catch((err: unknown) => {
    throw lookupFailure(err);
  });
  const readStage = async (apiId: string): Promise<StageSnapshot> => {
    const found = await awsFind(clients, { operation: 'GetStage', method: 'GET', resource: `/restapis/${apiId}/stages/${stage}` }, () => clients.rest.send(new GetStageCommand({ restApiId: apiId, stageName: stage })));
    return found && { deploymentId: found.deploymentId };
  };
  let stageBefore: StageSnapshot;
  if (existing) {
    stageBefore = await readStage(existing.id).catch((err: unknown) => {
      throw lookupFailure(err);
    });
    if (target.endpointType && existing.endpointTypes.length > 0 && !existing.endpointTypes.includes(target.endpointType)) {
      notes.push(`The API's endpoint type is ${existing.endpointTypes.join(', ')}; endpointType ${target.endpointType} only applies when an API is created.`);
    }
  }
  const previous = stageBefore?.deploymentId;
  throwIfCancelled(observer);

  observer.step?.('import', existing ? `Updating API ${existing.id} (${target.mode ?? 'merge'})` : 'Importing a new REST API');
  let api: RestApi;
  try {
    api = existing
      ? await awsCall(clients, { operation: 'PutRestApi', method: 'PUT', resource: `/restapis/${existing.id}` }, () =>
          clients.rest.send(new PutRestApiCommand({ restApiId: existing.id, mode: target.mode, failOnWarnings: target.failOnWarnings, parameters: importParameters(plan, false), body: plan.body.bytes })),
        )
      : await awsCall(clients, { operation: 'ImportRestApi', method: 'POST', resource: '/restapis' }, () =>
          clients.rest.send(new ImportRestApiCommand({ failOnWarnings: target.failOnWarnings, parameters: importParameters(plan, true), body: plan.body.bytes })),
        );
  } catch (err) {
    throw importFailure(err, plan, previous, existing?.id);
  }
  const apiId = api.id ?? existing?.id ?? '';
  const created = !existing;
  const warnings = api.warnings ?? [];

  let deploymentId: string | undefined;
  try {
    // A new API is named after info.title; a name given in the config or on the command line must stay findable.
    if ('name' in target.api && api.name !== undefined && api.name !== target.api.name) {
      const name = target.api.name;
      await awsCall(clients, { operation: 'UpdateRestApi', method: 'PATCH', resource: `/restapis/${apiId}` }, () =>
        clients.rest.send(new UpdateRestApiCommand({ restApiId: apiId, patchOperations: [{ op: 'replace', path: '/name', value: name }] })),
      );
    }
    observer.step?.('deploy', `Deploying to stage ${stage}`);
    const variables = target.settings.variables;
    const deployment = await awsCall(clients, { operation: 'CreateDeployment', method: 'POST', resource: `/restapis/${apiId}/deployments` }, () =>
      clients.rest.send(
        new CreateDeploymentCommand({
          restApiId: apiId,
          stageName: stage,
          description: deploymentDescription(provenance, previous),
          variables: Object.keys(variables).length > 0 ? variables : undefined,
        }),
      ),
    );
    deploymentId = deployment.id;
  } catch (err) {
    throw await deploymentFailure(err, {
      plan,
      apiId,
      created,
      previous,
      stageExisted: stageBefore !== undefined,
      observer,
      readStage: () => readStage(apiId),
      deleteApi: async () => {
        await awsCall(clients, { operation: 'DeleteRestApi', method: 'DELETE', resource: `/restapis/${apiId}` }, () => clients.rest.send(new DeleteRestApiCommand({ restApiId: apiId })));
      },
      deleteCommand: `aws apigateway delete-rest-api --rest-api-id ${apiId}`,
    });
  }

  if (plan.restPatch.length > 0) {
    observer.step?.('settings', `Applying ${plan.restPatch.length} stage setting${plan.restPatch.length === 1 ? '' : 's'}`);
    try {
      await awsCall(clients, { operation: 'UpdateStage', method: 'PATCH', resource: `/restapis/${apiId}/stages/${stage}` }, () =>
        clients.rest.send(new UpdateStageCommand({ restApiId: apiId, stageName: stage, patchOperations: plan.restPatch })),
      );
    } catch (err) {
      throw settingsFailure(err, plan, deploymentId, previous);
    }
  }
  if (plan.body.bundled) notes.push('Files reached through $ref were inlined into one document for the import.');
  return {
    kind: 'REST',
    apiId,
    created,
    stage,
    deploymentId,
    previousDeploymentId: previous,
    invokeUrl: restStageUrl(apiId, await clients.region(), stage, clients.endpoint),
    warnings,
    warningDiagnostics: importMessagesToDiagnostics(plan.lint.set, plan.lint.model, warnings, 'warning'),
    notes,
  };
}
