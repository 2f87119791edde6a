import { commands, ProgressLocation, window, type LogOutputChannel, type Memento } from 'vscode';
import { listApis } from '../../../core/src/deploy/apiLookup';
import { createAwsClients, type AwsClients } from '../../../core/src/deploy/awsClients';
import { loadDefinitionInfo, type DefinitionInfo } from '../../../core/src/deploy/definitionInfo';
import { DeployError } from '../../../core/src/deploy/deployError';
import { confirmByTypingStageName } from '../../../core/src/deploy/protectedStage';
import { resolveTarget, type DeployTarget, type TargetOverrides } from '../../../core/src/deploy/deployTarget';
import type { DeployDiagnostics } from './deployDiagnostics';
import type { TreeNode } from '../tree/treeNodes';
import { openDefinition, type OpenDefinition } from './definitionSource';
import type { StageDiffView } from './stageDiffView';
import { pickApi, pickTarget } from './targetPicks';

/** What the three deploy commands share for the extension's lifetime. */
export interface DeployContext {
  state: Memento;
  log: LogOutputChannel;
  diagnostics: DeployDiagnostics;
  diffView: StageDiffView;
}

export interface ChosenTarget {
  target: DeployTarget;
  overrides: TargetOverrides;
}

/** Runs `task` under a notification that names it; the task's own failures pass through. */
export function withNotification<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return window.withProgress({ location: ProgressLocation.Notification, title }, task);
}

/**
 * The stage, profile, region and API, asked for where apigw.config.json does not say.
 * `create` offers a new API (deploy), otherwise only existing ones (compare, rollback).
 */
export async function chooseTarget(ctx: DeployContext, def: OpenDefinition, info: DefinitionInfo, create: boolean): Promise<ChosenTarget | undefined> {
  const file = def.document.uri.toString();
  const picked = await pickTarget(def.config, file, ctx.state);
  if (!picked) return undefined;
  const settings = def.config.stages[picked.stage];
  let overrides = picked.overrides;
  if (settings?.apiId === undefined && settings?.apiName === undefined) {
    const clients = createAwsClients({ region: overrides.region ?? settings?.region, profile: overrides.profile ?? settings?.profile, endpoint: settings?.endpoint });
    try {
      const apis = await withNotification(`Listing ${info.kind} APIs…`, () => listApis(clients, info.kind));
      const api = await pickApi(apis, info.kind, info.title, create, file, ctx.state);
      if (!api) return undefined;
      overrides = { ...overrides, ...api };
    } finally {
      clients.destroy();
    }
  }
  return { target: resolveTarget(picked.stage, settings, overrides, info.title), overrides };
}

/** Asks for the stage name to be typed, as `protected: true` in the config demands. */
export function confirmProtected(stage: string, what: string): Promise<boolean> {
  return confirmByTypingStageName(stage, what, (q) => window.showInputBox({ prompt: q.prompt, placeHolder: q.placeHolder, ignoreFocusOut: true, validateInput: q.validate }));
}

/** A failure: its diagnostics in Problems, the whole story in the log, the gist in a dialog. */
export async function showFailure(ctx: DeployContext, def: OpenDefinition, err: unknown, clients?: AwsClients): Promise<void> {
  const e = err instanceof DeployError ? err : new DeployError(clients ? clients.redactor.redact(err instanceof Error ? err.message : String(err)) : 'Unexpected failure', 'other');
  if (e.diagnostics.length > 0) ctx.diagnostics.show(def.document.uri, e.diagnostics);
  ctx.log.error(`${def.name}: ${e.message}${e.hints.map((h) => `\n  ${h}`).join('')}`);
  if (e.kind === 'cancelled') {
    void window.showInformationMessage(e.message);
    return;
  }
  const choice = await window.showErrorMessage(e.message, { modal: true, detail: e.hints.join('\n') || undefined }, ...(e.diagnostics.length > 0 ? ['Show Problems'] : []), 'Show Log');
  if (choice === 'Show Problems') await commands.executeCommand('workbench.actions.view.problems');
  else if (choice === 'Show Log') ctx.log.show(true);
}

/** What compare and rollback work on: an existing stage of an existing API, with SDK clients for it. */
export interface StageSession {
  def: OpenDefinition;
  info: DefinitionInfo;
  target: DeployTarget;
  clients: AwsClients;
}

/**
 * Opens the definition, asks for an existing stage and runs `work` with clients for it; a
 * failure anywhere is shown the one way, and the clients are released in every case.
 */
export async function onExistingStage(ctx: DeployContext, node: TreeNode | undefined, work: (session: StageSession) => Promise<void>): Promise<void> {
  const def = await openDefinition(node);
  if (!def) return;
  let clients: AwsClients | undefined;
  try {
    const info = await loadDefinitionInfo(def.source);
    const chosen = await chooseTarget(ctx, def, info, false);
    if (!chosen) return;
    clients = createAwsClients(chosen.target.connection);
    await work({ def, info, target: chosen.target, clients });
  } catch (err) {
    await showFailure(ctx, def, err, clients);
  } finally {
    clients?.destroy();
  }
}
