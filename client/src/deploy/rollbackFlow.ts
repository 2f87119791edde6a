import { window } from 'vscode';
import { rollbackStage, UnknownPreviousDeployment } from '../../../core/src/deploy/rollback';
import type { TreeNode } from '../tree/treeNodes';
import { confirmProtected, onExistingStage, withNotification, type DeployContext } from './flowSupport';

/** "API Gateway: Roll Back Stage": the stage back on the deployment it served before the last deploy. */
export function runRollback(ctx: DeployContext, node: TreeNode | undefined): Promise<void> {
  return onExistingStage(ctx, node, async ({ def, info, target, clients }) => {
    const sure = await window.showWarningMessage(`Roll stage ${target.stage} back to the deployment before its current one?`, { modal: true, detail: 'The stage then serves that deployment again; its settings stay as they are.' }, 'Roll Back');
    if (sure !== 'Roll Back') return;
    if (target.protected && !(await confirmProtected(target.stage, 'roll it back'))) return;
    const back = (to?: string) => withNotification(`Rolling back stage ${target.stage}…`, () => rollbackStage(clients, info.kind, target, to));
    let out;
    try {
      out = await back();
    } catch (err) {
      if (!(err instanceof UnknownPreviousDeployment) || err.recent.length === 0) throw err;
      const chosen = await window.showQuickPick(
        err.recent.map((d) => ({ label: d.id, description: d.created?.toLocaleString(), detail: d.description })),
        { placeHolder: 'The deployment before the current one is not recorded: choose one to return to', ignoreFocusOut: true },
      );
      if (!chosen) return;
      out = await back(chosen.label);
    }
    ctx.log.info(`${def.name}: stage ${out.stage} of API ${out.apiId} rolled back from deployment ${out.from} to ${out.to}`);
    void window.showInformationMessage(`Stage ${out.stage} now serves deployment ${out.to} (was ${out.from}).`);
  });
}
