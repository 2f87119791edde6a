import { commands, env, Range, Selection, TextEditorRevealType, Uri, window, workspace, type Disposable, type TreeView } from 'vscode';
import { defaultLocalStage, invokeUrl } from '../../core/src/model/invokeUrl';
import type { ApiTreeStore } from './tree/apiTreeStore';
import { nodeAtCursor } from './tree/followCursor';
import { locationOf, type MethodNode, type TreeNode } from './tree/treeNodes';

/*
 * Tree item context menus are grouped so the commands of later features slot in without
 * reshuffling: `1_navigate` reveal, `2_copy` path and mock URL, `3_mock` start/stop the
 * local mock runner, `4_deploy` deploy to a stage. The manifest's `view/item/context`
 * entries use these group names.
 */

/** A command run from the palette gets no node: it acts on the node at the cursor. */
function target(store: ApiTreeStore, node: TreeNode | undefined): TreeNode | undefined {
  return node ?? nodeAtCursor(store, window.activeTextEditor);
}

async function revealDefinition(node: TreeNode | undefined): Promise<void> {
  const location = node && locationOf(node);
  if (!location) return;
  const { start, end } = location.range;
  const range = new Range(start.line, start.character, end.line, end.character);
  const editor = await window.showTextDocument(Uri.parse(location.uri), { preserveFocus: false, preview: true });
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}

function pathOf(node: TreeNode): string | undefined {
  return node.type === 'resource' ? node.resource.path : node.type === 'method' ? node.method.path : undefined;
}

function mockUrl(node: MethodNode): string {
  const settings = workspace.getConfiguration('apigw.mock', Uri.parse(node.api.tree.uri));
  const port = settings.get<number>('port', 3000);
  const stage = settings.get<string>('stage', '') || defaultLocalStage(node.api.tree.kind);
  return invokeUrl(`http://127.0.0.1:${port}`, stage, node.api.tree.kind, node.method.path);
}

async function copy(text: string, what: string): Promise<void> {
  await env.clipboard.writeText(text);
  void window.setStatusBarMessage(`Copied ${what}: ${text}`, 4000);
}

export function registerCommands(store: ApiTreeStore, view: TreeView<TreeNode>, showLog: () => void): Disposable[] {
  return [
    commands.registerCommand('apigw.revealDefinition', (node?: TreeNode) => revealDefinition(target(store, node))),
    commands.registerCommand('apigw.revealInTree', async () => {
      await store.whenIdle();
      const node = nodeAtCursor(store, window.activeTextEditor);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
      else void window.showInformationMessage('The cursor is not in an API definition.');
    }),
    commands.registerCommand('apigw.copyPath', async (node?: TreeNode) => {
      const chosen = target(store, node);
      const path = chosen && pathOf(chosen);
      if (path) await copy(path, 'path');
    }),
    commands.registerCommand('apigw.copyMockUrl', async (node?: TreeNode) => {
      const chosen = target(store, node);
      if (chosen?.type === 'method') await copy(mockUrl(chosen), 'local mock URL');
      else void window.showInformationMessage('Choose a method (GET, POST, …) in the API Gateway view, or put the cursor in one.');
    }),
    commands.registerCommand('apigw.refreshTree', () => store.scanAll()),
    commands.registerCommand('apigw.showServerLog', showLog),
  ];
}
