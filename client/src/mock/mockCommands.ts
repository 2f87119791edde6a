import * as path from 'node:path';
import { commands, env, StatusBarAlignment, Uri, window, workspace, type Disposable, type ExtensionContext, type TextDocument } from 'vscode';
import { redactingChannel } from '../redactingChannel';
import type { ApiTreeStore } from '../tree/apiTreeStore';
import type { TreeNode } from '../tree/treeNodes';
import { MockRunner, type RunningMock } from './mockRunner';
import { registerMockAnalytics } from './analytics';
import { registerSendRequest } from './sendRequest';

const RESTART_DEBOUNCE_MS = 400;

function definitionUri(node: TreeNode | undefined): Uri | undefined {
  if (node) return Uri.parse(node.type === 'api' ? node.tree.uri : node.api.tree.uri);
  return window.activeTextEditor?.document.uri;
}

/** Handlers the mock runs: saving one means the running mock serves stale code. */
function isHandlerSource(document: TextDocument): boolean {
  return /\.(m?js|ts)$/.test(document.uri.fsPath) && workspace.getWorkspaceFolder(document.uri) !== undefined;
}

/**
 * "Start Local Mock" / "Stop Local Mock": runs the bundled CLI's `apigw mock` on the active
 * definition and shows what it prints. Everything API Gateway-specific stays in the CLI.
 */
export function registerMockCommands(context: ExtensionContext, store: ApiTreeStore): Disposable[] {
  // The CLI keeps credentials out of what it prints; the channel masks them again should a handler's own output carry one.
  const output = redactingChannel(window.createOutputChannel('API Gateway Mock'));
  const runner = new MockRunner(context.asAbsolutePath(path.join('dist', 'cli.js')), output);
  const item = window.createStatusBarItem('apigw.mock', StatusBarAlignment.Left, -1);
  item.name = 'API Gateway Mock';
  item.command = 'apigw.mockActions';
  const showState = (state: RunningMock | undefined) => {
    void commands.executeCommand('setContext', 'apigw.mockRunning', state !== undefined);
    if (!state) return item.hide();
    item.text = `$(server-process) ${state.baseUrl}`;
    item.tooltip = `API Gateway mock of ${path.basename(state.file)}: click to copy the URL, open it or stop the mock`;
    item.show();
  };

  /** Returns the base URL when the mock started, so callers (and tests) can tell a refusal apart. */
  const start = async (uri: Uri | undefined): Promise<string | undefined> => {
    if (!workspace.isTrusted) {
      void window
        .showWarningMessage('The local mock runs code from this workspace (Lambda handlers), so it is off in Restricted Mode. Trust the workspace to start it.', 'Manage Workspace Trust')
        .then((choice) => choice && commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    if (!uri || uri.scheme !== 'file') {
      void window.showInformationMessage('Open an API definition saved in a file, or choose an API in the API Gateway view.');
      return undefined;
    }
    const document = await workspace.openTextDocument(uri);
    // The CLI reads the file from disk.
    if (document.isDirty && !(await document.save())) return undefined;
    const settings = workspace.getConfiguration('apigw.mock', uri);
    const folder = workspace.getWorkspaceFolder(uri);
    try {
      const state = await runner.start({
        file: uri.fsPath,
        port: settings.get<number>('port', 3000),
        stage: settings.get<string>('stage', ''),
        cwd: folder?.uri.fsPath ?? path.dirname(uri.fsPath),
      });
      return state.baseUrl;
    } catch (err) {
      output.show(true);
      void window.showErrorMessage(`The local mock did not start: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };

  let restartTimer: NodeJS.Timeout | undefined;
  const restartOnSave = workspace.onDidSaveTextDocument((document) => {
    const running = runner.running;
    if (!running) return;
    const definition = Uri.file(running.file).toString();
    const files = store.get(definition)?.tree.files ?? [definition];
    if (!files.includes(document.uri.toString()) && !isHandlerSource(document)) return;
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      output.appendLine(`${path.basename(document.uri.fsPath)} saved: restarting`);
      void start(Uri.file(running.file));
    }, RESTART_DEBOUNCE_MS);
  });

  // The editor title shows Start/Stop on API definitions only: the store knows which files are.
  const publishDefinitions = () => {
    const paths = Object.fromEntries(store.all.map((api) => [Uri.parse(api.tree.uri).fsPath, true]));
    void commands.executeCommand('setContext', 'apigw.definitionPaths', paths);
  };
  publishDefinitions();

  return [
      store.onDidChange(publishDefinitions),
    ...registerSendRequest(store, runner),
    ...registerMockAnalytics(runner),
      output,
      item,
      runner,
      restartOnSave,
      { dispose: () => clearTimeout(restartTimer) },
      runner.onDidChange(showState),
      commands.registerCommand('apigw.startMock', (node?: TreeNode) => start(definitionUri(node))),
      commands.registerCommand('apigw.stopMock', () => runner.stop()),
      commands.registerCommand('apigw.mockActions', async () => {
        const running = runner.running;
        if (!running) return;
        const choice = await window.showQuickPick(['Copy URL', 'Open in Browser', 'Stop'], { title: `API Gateway mock: ${running.baseUrl}` });
        if (choice === 'Copy URL') await env.clipboard.writeText(running.baseUrl);
        else if (choice === 'Open in Browser') await env.openExternal(Uri.parse(running.baseUrl));
        else if (choice === 'Stop') await runner.stop();
      }),
  ];
}
