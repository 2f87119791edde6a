import { GetDeploymentCommand, GetDeploymentsCommand, GetStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import {
  GetDeploymentCommand as GetHttpDeploymentCommand,
  GetDeploymentsCommand as GetHttpDeploymentsCommand,
  GetStageCommand as GetHttpStageCommand,
  UpdateStageCommand as UpdateHttpStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import type { ApiKind } from '../catalog/types';
import { locateApi } from './apiLookup';
import { awsCall, awsFind } from './awsCall';
import type { AwsClients } from './awsClients';
import { DeployError } from './deployError';
import { previousDeploymentIn } from './deploymentDescription';
import type { DeployTarget } from './deployTarget';

export interface RollbackOutcome {
  apiId: string;
  stage: string;
  from: string;
  to: string;
}

export interface DeploymentSummary {
  id: string;
  created: Date | undefined;
  description: string | undefined;
}

/** The stage's deployment does not record its predecessor (made outside apigw deploy): one must be named. */
export class UnknownPreviousDeployment extends DeployError {
  constructor(
    message: string,
    hints: readonly string[],
    /** The API's other deployments, newest first: the candidates to name. */
    readonly recent: readonly DeploymentSummary[],
  ) {
    super(message, 'refused', hints);
  }
}

interface StageView {
  current: string | undefined;
  autoDeploy: boolean;
  describe(id: string): Promise<string | undefined>;
  recent(): Promise<DeploymentSummary[]>;
  point(id: string): Promise<void>;
}

function restStage(clients: AwsClients, apiId: string, stage: string): Promise<StageView | undefined> {
  const base = `/restapis/${apiId}`;
  return awsFind(clients, { operation: 'GetStage', method: 'GET', resource: `${base}/stages/${stage}` }, () => clients.rest.send(new GetStageCommand({ restApiId: apiId, stageName: stage }))).then(
    (s) =>
      s && {
        current: s.deploymentId,
        autoDeploy: false,
        describe: async (id) =>
          (await awsFind(clients, { operation: 'GetDeployment', method: 'GET', resource: `${base}/deployments/${id}` }, () => clients.rest.send(new GetDeploymentCommand({ restApiId: apiId, deploymentId: id }))))?.description,
        recent: async () =>
          ((await awsCall(clients, { operation: 'GetDeployments', method: 'GET', resource: `${base}/deployments` }, () => clients.rest.send(new GetDeploymentsCommand({ restApiId: apiId, limit: 500 })))).items ?? []).map((d) => ({
            id: d.id ?? '',
            created: d.createdDate,
            description: d.description,
          })),
        point: async (id) => {
          await awsCall(clients, { operation: 'UpdateStage', method: 'PATCH', resource: `${base}/stages/${stage}` }, () =>
            clients.rest.send(new UpdateStageCommand({ restApiId: apiId, stageName: stage, patchOperations: [{ op: 'replace', path: '/deploymentId', value: id }] })),
          );
        },
      },
  );
}

function httpStage(clients: AwsClients, apiId: string, stage: string): Promise<StageView | undefined> {
  const base = `/apis/${apiId}`;
  return awsFind(clients, { operation: 'GetStage', method: 'GET', resource: `${base}/stages/${stage}` }, () => clients.http.send(new GetHttpStageCommand({ ApiId: apiId, StageName: stage }))).then(
    (s) =>
      s && {
        current: s.DeploymentId,
        autoDeploy: s.AutoDeploy ?? false,
        describe: async (id) =>
          (await awsFind(clients, { operation: 'GetDeployment', method: 'GET', resource: `${base}/deployments/${id}` }, () => clients.http.send(new GetHttpDeploymentCommand({ ApiId: apiId, DeploymentId: id }))))?.Description,
        recent: async () =>
          ((await awsCall(clients, { operation: 'GetDeployments', method: 'GET', resource: `${base}/deployments` }, () => clients.http.send(new GetHttpDeploymentsCommand({ ApiId: apiId, MaxResults: '500' })))).Items ?? []).map((d) => ({
            id: d.DeploymentId ?? '',
            created: d.CreatedDate,
            description: d.Description,
          })),
        point: async (id) => {
          await awsCall(clients, { operation: 'UpdateStage', method: 'PATCH', resource: `${base}/stages/${stage}` }, () => clients.http.send(new UpdateHttpStageCommand({ ApiId: apiId, StageName: stage, DeploymentId: id })));
        },
      },
  );
}

/**
 * Points the stage back at a previous deployment (UpdateStage `/deploymentId`): the one named by
 * `to`, else the one the current deployment's description records as the stage's previous.
 */
export async function rollbackStage(clients: AwsClients, kind: ApiKind, target: Pick<DeployTarget, 'api' | 'stage'>, to?: string): Promise<RollbackOutcome> {
  const api = await locateApi(clients, kind, target.api);
  if (!api) throw new DeployError(`There is no ${kind} API named '${'name' in target.api ? target.api.name : ''}' to roll back.`, 'not-found');
  const stage = target.stage;
  const view = kind === 'REST' ? await restStage(clients, api.id, stage) : await httpStage(clients, api.id, stage);
  if (!view?.current) throw new DeployError(`Stage ${stage} of API ${api.id} does not exist or has no deployment, so there is nothing to roll back.`, 'not-found');
  if (view.autoDeploy) throw new DeployError(`Stage ${stage} deploys automatically (autoDeploy); turn autoDeploy off before pointing it at an older deployment.`, 'refused');
  const from = view.current;
  const back = to ?? previousDeploymentIn(await view.describe(from));
  if (!back) {
    const recent = (await view.recent()).filter((d) => d.id !== from).sort((a, b) => (b.created?.getTime() ?? 0) - (a.created?.getTime() ?? 0));
    const listed = recent.slice(0, 5).map((d) => `${d.id} (${d.created?.toISOString() ?? 'date unknown'}${d.description ? `: ${d.description}` : ''})`);
    throw new UnknownPreviousDeployment(
      `Deployment ${from} on stage ${stage} was not made by apigw deploy (or was the stage's first), so the deployment before it is not known.`,
      [listed.length > 0 ? `Name one with --to <id>. Recent deployments: ${listed.join('; ')}` : 'The API has no other deployment to return to.'],
      recent,
    );
  }
  if (back === from) throw new DeployError(`Stage ${stage} already serves deployment ${from}.`, 'refused');
  try {
    await view.point(back);
  } catch (err) {
    if (!(err instanceof DeployError)) throw err;
    if (!err.outcomeUnknown) throw err.explained(`${err.message}\nNothing was changed: stage ${stage} still serves deployment ${from}.`, ['Run the same rollback again once the cause is fixed.']);
    // Named with --to, a second rollback cannot go one deployment further back should the first have gone through.
    throw err.explained(`${err.message}\nThe answer was lost, so stage ${stage} serves either deployment ${from} (as before) or ${back} (rolled back).`, [
      `Roll back again with --to ${back}: the stage is moved there, or you are told it already serves it.`,
    ]);
  }
  return { apiId: api.id, stage, from, to: back };
}
