import { window } from 'vscode';
import { compareWithStage } from '../../../core/src/deploy/diff/stageComparison';
import type { TreeNode } from '../tree/treeNodes';
import { onExistingStage, withNotification, type DeployContext } from './flowSupport';

/** "API Gateway: Compare with Stage": the stage's export beside the definition, both normalised, in a diff editor. */
export function runCompare(ctx: DeployContext, node: TreeNode | undefined): Promise<void> {
  return onExistingStage(ctx, node, async ({ def, info, target, clients }) => {
    const c = await withNotification(`Comparing ${def.name} with stage ${target.stage}…`, () => compareWithStage(clients, info, target));
    if (c.remote !== 'deployed') {
      void window.showInformationMessage(c.remote === 'no-api' ? `No ${info.kind} API found to compare with.` : `Stage ${target.stage} does not exist yet: a deploy would create it.`);
      return;
    }
    await ctx.diffView.open(def.name, target.stage, c.remoteText, c.localText);
    void window.showInformationMessage(`${def.name} against stage ${target.stage}: ${c.summary.join('; ')}`);
  });
}
