import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AwsClients } from './awsClients';
import { DeployError } from './deployError';
import { gitProvenance, type Provenance } from './deploymentDescription';
import type { DeployObserver } from './deployObserver';
import type { DeployOutcome } from './deployOutcome';
import type { DeployPlan } from './deployPlan';
import { deployHttp } from './httpDeploy';
import { deployRest } from './restDeploy';

/**
 * Deploys a plan: import, deployment to the stage, stage settings. Every failure is a
 * DeployError that says what state the API and stage were left in.
 */
export async function deploy(plan: DeployPlan, clients: AwsClients, observer: DeployObserver = {}): Promise<DeployOutcome> {
  let provenance: Provenance = {};
  if (plan.uri.startsWith('file:')) {
    const file = fileURLToPath(plan.uri);
    provenance = await gitProvenance(path.dirname(file), file);
  }
  try {
    return plan.kind === 'REST' ? await deployRest(plan, clients, observer, provenance) : await deployHttp(plan, clients, observer, provenance);
  } catch (err) {
    if (err instanceof DeployError) throw err;
    throw new DeployError(clients.redactor.redact(err instanceof Error ? err.message : String(err)), 'other');
  }
}
