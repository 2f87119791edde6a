import { commands, env, ProgressLocation, Uri, window } from 'vscode';
import { createAwsClients, type AwsClients } from '../../../core/src/deploy/awsClients';
import { deploy } from '../../../core/src/deploy/deploy';
import { loadDefinitionInfo } from '../../../core/src/deploy/definitionInfo';
import type { DeployOutcome } from '../../../core/src/deploy/deployOutcome';
import { planDeploy, type DeployPlan } from '../../../core/src/deploy/deployPlan';
import { compareWithStage } from '../../../core/src/deploy/diff/stageComparison';
import type { TreeNode } from '../tree/treeNodes';
import { openDefinition, type OpenDefinition } from './definitionSource';
import { chooseTarget, confirmProtected, showFailure, withNotification, type DeployContext } from './flowSupport';

/**
 * Shows what the deploy will change and asks to go on. "Show Changes" opens the comparison and
 * asks again in a notification, which (unlike the dialog) leaves the diff editor usable.
 */
async function confirmChanges(ctx: DeployContext, def: OpenDefinition, plan: DeployPlan, clients: AwsClients): Promise<boolean> {
  const stage = plan.target.stage;
  let detail: string;
  let texts: { remote: string; local: string } | undefined;
  try {
    const c = await withNotification(`Comparing ${def.name} with stage ${stage}…`, () => compareWithStage(clients, plan, plan.target));
    const against = c.remote === 'no-api' ? 'A new API will be created.' : c.remote === 'no-stage' ? `Stage ${stage} will be created.` : `Against stage ${stage} of API ${c.apiId}:`;
    detail = [against, ...c.summary].join('\n');
    texts = { remote: c.remoteText, local: c.localText };
  } catch (err) {
    detail = `The stage could not be compared: ${err instanceof Error ? err.message : String(err)}`;
  }
  const question = `Deploy ${def.name} to stage ${stage}?`;
  const choice = await window.showInformationMessage(question, { modal: true, detail }, 'Deploy', ...(texts ? ['Show Changes'] : []));
  if (choice !== 'Show Changes' || !texts) return choice === 'Deploy';
  await ctx.diffView.open(def.name, stage, texts.remote, texts.local);
  return (await window.showInformationMessage(question, 'Deploy', 'Cancel')) === 'Deploy';
}

/**
 * The deploy itself, in a notification whose Cancel works until the import: after it the
 * deploy runs to the end, so the API is not left imported but not deployed.
 */
function runWithProgress(def: OpenDefinition, plan: DeployPlan, clients: AwsClients): Thenable<DeployOutcome> {
  return window.withProgress({ location: ProgressLocation.Notification, title: `Deploying ${def.name} to ${plan.target.stage}`, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    let pastImport = false;
    token.onCancellationRequested(() => {
      if (!pastImport) controller.abort();
      else void window.showInformationMessage('The import has started: the deploy finishes so the API is not left half-deployed.');
    });
    return deploy(plan, clients, {
      signal: controller.signal,
      step: (step, message) => {
        if (step === 'import') pastImport = true;
        progress.report({ message });
      },
    });
  });
}

async function announce(ctx: DeployContext, def: OpenDefinition, o: DeployOutcome): Promise<void> {
  ctx.diagnostics.show(def.document.uri, o.warningDiagnostics);
  ctx.log.info(`${def.name}: deployed ${o.kind} API ${o.apiId}${o.created ? ' (created)' : ''} to stage ${o.stage}, deployment ${o.deploymentId ?? '(auto)'}${o.previousDeploymentId ? `, previous ${o.previousDeploymentId}` : ''}: ${o.invokeUrl}`);
  for (const w of o.warnings) ctx.log.warn(`${def.name}: API Gateway import: ${w}`);
  for (const n of o.notes) ctx.log.info(`${def.name}: ${n}`);
  const warned = o.warnings.length > 0 ? ` with ${o.warnings.length} import warning${o.warnings.length === 1 ? '' : 's'} (in Problems)` : '';
  const choice = await window.showInformationMessage(`Deployed ${def.name} to stage ${o.stage}${warned}: ${o.invokeUrl}`, 'Copy URL', 'Open in Browser');
  if (choice === 'Copy URL') await env.clipboard.writeText(o.invokeUrl);
  else if (choice === 'Open in Browser') await env.openExternal(Uri.parse(o.invokeUrl));
}

/** "API Gateway: Deploy to Stage". */
export async function runDeploy(ctx: DeployContext, node: TreeNode | undefined): Promise<void> {
  const def = await openDefinition(node);
  if (!def) return;
  let clients: AwsClients | undefined;
  try {
    const info = await loadDefinitionInfo(def.source);
    const errors = info.lint.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) {
      const choice = await window.showErrorMessage(`${def.name} has ${errors} error${errors === 1 ? '' : 's'}; API Gateway would reject it or misbehave. Fix ${errors === 1 ? 'it' : 'them'} before deploying.`, 'Show Problems');
      if (choice) await commands.executeCommand('workbench.actions.view.problems');
      return;
    }
    const chosen = await chooseTarget(ctx, def, info, true);
    if (!chosen) return;
    const planned = await planDeploy({ ...def.source, config: def.config, stage: chosen.target.stage, overrides: chosen.overrides });
    if (!planned.ok) return;
    const plan = planned.plan;
    clients = createAwsClients(plan.target.connection);
    if (!(await confirmChanges(ctx, def, plan, clients))) return;
    if (plan.target.protected && !(await confirmProtected(plan.target.stage, 'deploy to it'))) return;
    ctx.diagnostics.clear(def.document.uri);
    await announce(ctx, def, await runWithProgress(def, plan, clients));
  } catch (err) {
    await showFailure(ctx, def, err, clients);
  } finally {
    clients?.destroy();
  }
}
