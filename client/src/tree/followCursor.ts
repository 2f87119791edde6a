import { window, type Disposable, type TextEditor, type TreeView } from 'vscode';
import type { ApiTreeStore } from './apiTreeStore';
import { nodeAt, type TreeNode } from './treeNodes';

const FOLLOW_DELAY_MS = 200;

/** The tree node written around the editor's cursor. */
export function nodeAtCursor(store: ApiTreeStore, editor: TextEditor | undefined): TreeNode | undefined {
  if (!editor) return undefined;
  const { line, character } = editor.selection.active;
  return nodeAt(store.all, editor.document.uri.toString(), line, character);
}

/** Shows the tree node at the cursor while the view is visible ("reveal in tree" that follows). */
export function followCursor(store: ApiTreeStore, view: TreeView<TreeNode>): Disposable {
  let timer: NodeJS.Timeout | undefined;
  const follow = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!view.visible) return;
      const node = nodeAtCursor(store, window.activeTextEditor);
      if (node && view.selection[0]?.id !== node.id) void view.reveal(node, { select: true, focus: false, expand: true });
    }, FOLLOW_DELAY_MS);
  };
  const subscriptions = [window.onDidChangeTextEditorSelection(follow), window.onDidChangeActiveTextEditor(follow), view.onDidChangeVisibility(follow), store.onDidChange(follow)];
  return {
    dispose: () => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
    },
  };
}
