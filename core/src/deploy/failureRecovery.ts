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

/** A failed import changed nothing; a rejected one also gets its messages placed on the definition. */
export function importFailure(err: unknown, plan: DeployPlan, previous: string | undefined): DeployError {
  const e = asDeployError(err);
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

export interface AfterImport {
  plan: DeployPlan;
  apiId: string;
  created: boolean;
  previous: string | undefined;
  observer: DeployObserver;
  /** Deletes the API the deploy created. */
  deleteApi: () => Promise<void>;
  /** The command that deletes the API by hand, should deleteApi fail too. */
  deleteCommand: string;
}

/**
 * The import went through but deploying it to the stage did not. A new API is deleted again
 * (a retry then starts from nothing); an existing one keeps the import in its working
 * definition while the stage goes on serving what it served.
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
  return e.explained(
    `The definition was imported into API ${apiId}, but the deployment to stage ${stage} failed: ${e.message}\nThe stage is unchanged (${stageState(plan, ctx.previous)}); only the API's working definition holds the new import.`,
    ['Fix the problem and deploy again: the import is repeated, nothing needs undoing first.', "To put the API's working definition back too, deploy the previous version of the file."],
  );
}

/** The new deployment is live but the stage settings did not all apply. */
export function settingsFailure(err: unknown, plan: DeployPlan, deploymentId: string | undefined, previous: string | undefined): DeployError {
  const e = asDeployError(err);
  const stage = plan.target.stage;
  const live = deploymentId ? `Deployment ${deploymentId} is live on stage ${stage}` : `The import is live on stage ${stage}`;
  const hints = ['Deploy again to apply the settings.'];
  if (previous) hints.push(`Or return the stage to deployment ${previous}: apigw rollback ${fileName(plan)} --stage ${stage} (in VS Code: API Gateway: Roll Back Stage).`);
  return e.explained(`${live}, but its stage settings were not applied: ${e.message}`, hints);
}

/** Stops before the point of no return when the adapter asked to cancel. */
export function throwIfCancelled(observer: DeployObserver): void {
  if (observer.signal?.aborted) throw new DeployError('Cancelled before the import; nothing was changed.', 'cancelled');
}
