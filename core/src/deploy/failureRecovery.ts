import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import type { DeployObserver } from './deployObserver';
import type { DeployPlan } from './deployPlan';
import { DeployError } from './deployError';
import { importMessagesToDiagnostics } from './importMessages';

function asDeployError(err: unknown): DeployError {
  return err instanceof DeployError ? err : new DeployError(err instanceof Error ? err.message : String(err), 'other');
}

function fileName(plan: DeployPlan): string {
  return plan.uri.startsWith('file:') ? path.basename(fileURLToPath(plan.uri)) : plan.uri;
}

function stageState(plan: DeployPlan, previous: string | undefined): string {
  return previous ? `stage ${plan.target.stage} still serves deployment ${previous}` : `stage ${plan.target.stage} was not touched`;
}

/** Finding the API and its stage only reads: a failure there stops the deploy before anything changed. */
export function lookupFailure(err: unknown): DeployError {
  const e = asDeployError(err);
  return e.explained(`${e.message}\nNothing was changed: the deploy stopped before the import.`, []);
}

/**
 * A failed import changed no stage. A rejected one changed nothing at all and gets its messages
 * placed on the definition; one whose answer was lost may have changed the API (or made one).
 */
export function importFailure(err: unknown, plan: DeployPlan, previous: string | undefined, existingApiId: string | undefined): DeployError {
  const e = asDeployError(err);
  if (e.outcomeUnknown) {
    if (existingApiId) {
      return e.explained(
        `The answer to the import into API ${existingApiId} was lost, so its working definition may or may not hold the new import; no stage was changed (${stageState(plan, previous)}). ${e.message}`,
        ['Deploy again: the import is repeated, nothing needs undoing first.'],
      );
    }
    const [list, remove] = plan.kind === 'REST' ? ['aws apigateway get-rest-apis', 'aws apigateway delete-rest-api --rest-api-id <id>'] : ['aws apigatewayv2 get-apis', 'aws apigatewayv2 delete-api --api-id <id>'];
    return e.explained(`The answer to the import was lost, so a new API may have been created all the same, deployed to no stage. ${e.message}`, [
      `Look for an API created just now (${list}); delete it (${remove}) unless the next deploy is to update it, then deploy again.`,
    ]);
  }
  if (e.kind !== 'rejected') return e.explained(`The import did not happen, so nothing was changed (${stageState(plan, previous)}). ${e.message}`, []);
  const onWarnings = /warnings found during import/i.test(e.message) || (plan.target.failOnWarnings && !/errors found during import/i.test(e.message));
  const diagnostics = importMessagesToDiagnostics(plan.lint.set, plan.lint.model, [e.message], onWarnings ? 'warning' : 'error');
  const why = onWarnings ? 'because of warnings (failOnWarnings is on, so the import was rolled back)' : '';
  return e.explained(
    `API Gateway rejected the import${why ? ` ${why}` : ''}; nothing was changed (${stageState(plan, previous)}).\n${e.message}`,
    [onWarnings ? 'Fix the warnings shown on the definition, or deploy without failOnWarnings.' : 'Fix the problems shown on the definition and deploy again.'],
    diagnostics,
  );
}

/** A stage as read back after a failure: undefined when there is no such stage. */
export type StageSnapshot = { deploymentId: string | undefined } | undefined;

export interface AfterImport {
  plan: DeployPlan;
  apiId: string;
  created: boolean;
  previous: string | undefined;
  /** Whether the stage existed before the deploy. */
  stageExisted: boolean;
  observer: DeployObserver;
  /** Deletes the API the deploy created. */
  deleteApi: () => Promise<void>;
  /** The command that deletes the API by hand, should deleteApi fail too. */
  deleteCommand: string;
  /** Reads the stage again, when the failed call may have changed it. */
  readStage: () => Promise<StageSnapshot>;
}

/**
 * The import went through but deploying it to the stage did not. A new API is deleted again
 * (a retry then starts from nothing); an existing one keeps the import in its working
 * definition while the stage goes on serving what it served. When the failed call's answer
 * was lost, the stage is read again rather than assumed unchanged.
 */
export async function deploymentFailure(err: unknown, ctx: AfterImport): Promise<DeployError> {
  const e = asDeployError(err);
  const { plan, apiId } = ctx;
  const stage = plan.target.stage;
  if (ctx.created) {
    ctx.observer.step?.('cleanup', `Deleting the new API ${apiId} again`);
    try {
      await ctx.deleteApi();
    } catch (cleanup) {
      return e.explained(`The new API ${apiId} was imported, but deploying it to stage ${stage} failed: ${e.message}\nDeleting the new API failed as well (${asDeployError(cleanup).message}).`, [`Delete it by hand: ${ctx.deleteCommand}`]);
    }
    return e.explained(`The new API ${apiId} was imported, but deploying it to stage ${stage} failed, so the new API was deleted again and nothing is left behind: ${e.message}`, ['Fix the problem and deploy again.']);
  }
  const retry = ['Fix the problem and deploy again: the import is repeated, nothing needs undoing first.', "To put the API's working definition back too, deploy the previous version of the file."];
  if (!e.outcomeUnknown) {
    return e.explained(`The definition was imported into API ${apiId}, but the deployment to stage ${stage} failed: ${e.message}\nThe stage is unchanged (${stageState(plan, ctx.previous)}); only the API's working definition holds the new import.`, retry);
  }
  let now: StageSnapshot;
  try {
    now = await ctx.readStage();
  } catch (readErr) {
    const rollback = ctx.previous ? [`If it moved, return it to deployment ${ctx.previous}: ${rollbackCommand(plan)}.`] : [];
    return e.explained(
      `The definition was imported into API ${apiId}, but the answer to the deployment to stage ${stage} was lost: ${e.message}\nReading the stage afterwards failed too (${asDeployError(readErr).message}), so whether stage ${stage} moved from ${ctx.previous ? `deployment ${ctx.previous}` : 'having no deployment'} is not known.`,
      [`See which deployment it serves: ${stageCommand(plan, apiId)}.`, ...rollback, 'Deploy again to finish the deploy.'],
    );
  }
  const moved = now !== undefined && (!ctx.stageExisted || now.deploymentId !== ctx.previous);
  if (!moved) {
    return e.explained(`The definition was imported into API ${apiId}, but the answer to the deployment to stage ${stage} was lost: ${e.message}\nThe stage, read again afterwards, is unchanged (${stageState(plan, ctx.previous)}); only the API's working definition holds the new import.`, retry);
  }
  const serving = now?.deploymentId ? `now serves deployment ${now.deploymentId}` : 'was created, without a deployment';
  const hints = ['Deploy again to finish the deploy (stage settings included).'];
  if (ctx.previous) hints.push(`Or return the stage to deployment ${ctx.previous}: ${rollbackCommand(plan)}.`);
  return e.explained(`The definition was imported into API ${apiId} and the answer to the deployment to stage ${stage} was lost: ${e.message}\nRead again afterwards, stage ${stage} ${serving}${ctx.previous ? ` (before: ${ctx.previous})` : ''}; its stage settings were not applied.`, hints);
}

function rollbackCommand(plan: DeployPlan): string {
  return `apigw rollback ${fileName(plan)} --stage ${plan.target.stage} (in VS Code: API Gateway: Roll Back Stage)`;
}

function stageCommand(plan: DeployPlan, apiId: string): string {
  const stage = plan.target.stage;
  return plan.kind === 'REST' ? `aws apigateway get-stage --rest-api-id ${apiId} --stage-name ${stage}` : `aws apigatewayv2 get-stage --api-id ${apiId} --stage-name '${stage}'`;
}

/** The new deployment is live but the stage settings did not all apply (or may not have). */
export function settingsFailure(err: unknown, plan: DeployPlan, deploymentId: string | undefined, previous: string | undefined): DeployError {
  const e = asDeployError(err);
  const stage = plan.target.stage;
  const live = deploymentId ? `Deployment ${deploymentId} is live on stage ${stage}` : `The import is live on stage ${stage}`;
  const hints = ['Deploy again to apply the settings.'];
  if (previous) hints.push(`Or return the stage to deployment ${previous}: ${rollbackCommand(plan)}.`);
  const which = e.outcomeUnknown ? 'may or may not have been applied (the answer was lost)' : 'were not applied';
  return e.explained(`${live}, but its stage settings ${which}: ${e.message}`, hints);
}

/** Stops before the point of no return when the adapter asked to cancel. */
export function throwIfCancelled(observer: DeployObserver): void {
  if (observer.signal?.aborted) throw new DeployError('Cancelled before the import; nothing was changed.', 'cancelled');
}
