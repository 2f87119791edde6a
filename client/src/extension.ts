import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { window, workspace, type ExtensionContext } from 'vscode';
import type { ApiTree } from '../../core/src/model/apiTree';
import { API_TREE_REQUEST, type ApiTreeParams, type ApiTreeResult } from '../../server/src/apiTreeProtocol';
import { registerCommands } from './commands';
import { registerDeployCommands } from './deploy/deployCommands';
import type { ExtensionApi } from './extensionApi';
import { LanguageServer } from './languageServer';
import { registerMockCommands } from './mock/mockCommands';
import { createStatusBar } from './statusBar';
import { ApiTreeProvider } from './tree/apiTreeProvider';
import { ApiTreeStore } from './tree/apiTreeStore';
import { followCursor } from './tree/followCursor';
import { ProblemDecorationProvider } from './tree/problemDecorations';
import { watchWorkspace } from './tree/treeRefreshTriggers';
import { findCandidateFiles } from './tree/workspaceApiFiles';

let server: LanguageServer | undefined;

/**
 * Starts the bundled language server (everything API Gateway-specific lives there and in
 * core) and returns without waiting for it: the tree, the status bar ("starting") and the
 * commands are in place at once and serve requests when the server is ready.
 */
export function activate(context: ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = window.createOutputChannel('API Gateway', { log: true });
  const languageServer = new LanguageServer(
    {
      loader: context.asAbsolutePath(path.join('dist', 'serverLoader.js')),
      server: context.asAbsolutePath(path.join('dist', 'server.js')),
      codeCache: path.join(context.globalStorageUri.fsPath, 'server.v8cache'),
    },
    log,
  );
  server = languageServer;
  context.subscriptions.push(log, languageServer, createStatusBar(languageServer));

  const fetchTrees = async (uris: string[]): Promise<ApiTree[]> => {
    const params: ApiTreeParams = { uris };
    return (await languageServer.sendRequest<ApiTreeResult>(API_TREE_REQUEST, params)).trees;
  };
  const store = new ApiTreeStore(fetchTrees, async () => (await findCandidateFiles()).map((u) => u.toString()), (m) => log.warn(m));
  const provider = new ApiTreeProvider(store);
  const view = window.createTreeView('apigw.apiTree', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    store,
    view,
    window.registerFileDecorationProvider(new ProblemDecorationProvider()),
    followCursor(store, view),
    watchWorkspace(store),
    ...registerCommands(store, view, () => log.show(true)),
    ...registerDeployCommands(context, log),
    ...registerMockCommands(context, store),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('apigw')) void store.scanAll();
    }),
  );

  void store.scanAll();
  const activationMs = Number((performance.now() - started).toFixed(1));
  const serverReadyMs = languageServer.ready.then(() => Math.round(performance.now() - started));
  void serverReadyMs.then(
    (readyMs) => log.info(`activate() returned after ${activationMs} ms; the language server answered initialize ${readyMs} ms after activate() began`),
    (err: unknown) => log.error(`The language server did not start: ${err instanceof Error ? err.message : String(err)}`),
  );
  return { activationMs, serverReadyMs, store, provider, view };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
}
