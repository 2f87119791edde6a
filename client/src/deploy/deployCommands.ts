import { commands, type Disposable, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { redactingChannel } from '../redactingChannel';
import type { TreeNode } from '../tree/treeNodes';
import { DeployDiagnostics } from './deployDiagnostics';
import type { DeployContext } from './flowSupport';
import { StageDiffView } from './stageDiffView';

/**
 * "Deploy to Stage", "Compare with Stage" and "Roll Back Stage". The flows (and the AWS SDK
 * under them) load on first use, so activating the extension does not pay for them.
 */
export function registerDeployCommands(extension: ExtensionContext, log: LogOutputChannel): Disposable[] {
  const diagnostics = new DeployDiagnostics();
  const diffView = new StageDiffView();
  // Deploy errors are redacted where they are made; the channel masks whatever else reaches it (SDK messages, stacks).
  const ctx: DeployContext = { state: extension.workspaceState, log: redactingChannel(log), diagnostics, diffView };
  return [
    diagnostics,
    diffView,
    commands.registerCommand('apigw.deployToStage', async (node?: TreeNode) => (await import('./deployFlows')).runDeploy(ctx, node)),
    commands.registerCommand('apigw.compareWithStage', async (node?: TreeNode) => (await import('./deployFlows')).runCompare(ctx, node)),
    commands.registerCommand('apigw.rollbackStage', async (node?: TreeNode) => (await import('./deployFlows')).runRollback(ctx, node)),
  ];
}
