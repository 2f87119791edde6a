import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ApiTree } from '../../core/src/model/apiTree';
import { API_TREE_REQUEST, type ApiTreeParams, type ApiTreeResult } from '../../server/src/apiTreeProtocol';
import { registerCommands } from './commands';
import { registerDeployCommands } from './deploy/deployCommands';
import type { ExtensionApi } from './extensionApi';
import { registerMockCommands } from './mock/mockCommands';
import { createStatusBar } from './statusBar';
import { ApiTreeProvider } from './tree/apiTreeProvider';
import { ApiTreeStore } from './tree/apiTreeStore';
import { followCursor } from './tree/followCursor';
import { ProblemDecorationProvider } from './tree/problemDecorations';
import { watchWorkspace } from './tree/treeRefreshTriggers';
import { findCandidateFiles } from './tree/workspaceApiFiles';

let client: LanguageClient | undefined;

/** Starts the bundled language server; everything API Gateway-specific lives there and in core. */
export async function activate(context: ExtensionContext): Promise<ExtensionApi> {
  const started = performance.now();
  const log = window.createOutputChannel('API Gateway', { log: true });
  context.subscriptions.push(log);

  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: { configurationSection: 'apigw' },
    // Server log and the `apigw.trace.server` protocol trace share one channel.
    outputChannel: log,
    traceOutputChannel: log,
  };
  const languageClient = new LanguageClient('apigw', 'API Gateway', serverOptions, clientOptions);
  client = languageClient;
  context.subscriptions.push(languageClient, createStatusBar(languageClient));

  const fetchTrees = async (uris: string[]): Promise<ApiTree[]> => {
    const params: ApiTreeParams = { uris };
    return (await languageClient.sendRequest<ApiTreeResult>(API_TREE_REQUEST, params)).trees;
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

  await languageClient.start();
  void store.scanAll();
  const activationMs = Math.round(performance.now() - started);
  log.info(`API Gateway Designer activated in ${activationMs} ms (language server running)`);
  return { activationMs, store, provider, view };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
