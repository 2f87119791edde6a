import { window } from 'vscode';
import { createAwsClients, type AwsClients } from '../../../core/src/deploy/awsClients';
import { loadDefinitionInfo } from '../../../core/src/deploy/definitionInfo';
import { compareWithStage } from '../../../core/src/deploy/diff/stageComparison';
import type { TreeNode } from '../tree/treeNodes';
import { openDefinition } from './definitionSource';
import { chooseTarget, showFailure, withNotification, type DeployContext } from './flowSupport';

/** "API Gateway: Compare with Stage": the stage's export beside the definition, both normalised, in a diff editor. */
export async function runCompare(ctx: DeployContext, node: TreeNode | undefined): Promise<void> {
  const def = await openDefinition(node);
  if (!def) return;
  let clients: AwsClients | undefined;
  try {
    const info = await loadDefinitionInfo(def.source);
    const chosen = await chooseTarget(ctx, def, info, false);
    if (!chosen) return;
    const { target } = chosen;
    const live = createAwsClients(target.connection);
    clients = live;
    const c = await withNotification(`Comparing ${def.name} with stage ${target.stage}…`, () => compareWithStage(live, info, target));
    if (c.remote !== 'deployed') {
      void window.showInformationMessage(c.remote === 'no-api' ? `No ${info.kind} API found to compare with.` : `Stage ${target.stage} does not exist yet: a deploy would create it.`);
      return;
    }
    await ctx.diffView.open(def.name, target.stage, c.remoteText, c.localText);
    void window.showInformationMessage(`${def.name} against stage ${target.stage}: ${c.summary.join('; ')}`);
  } catch (err) {
    await showFailure(ctx, def, err, clients);
  } finally {
    clients?.destroy();
  }
}
