import type { TreeView } from 'vscode';
import type { ApiTreeProvider } from './tree/apiTreeProvider';
import type { ApiTreeStore } from './tree/apiTreeStore';
import type { TreeNode } from './tree/treeNodes';

/** What `activate` returns: lets the extension-host tests look at the tree as VS Code sees it. */
export interface ExtensionApi {
  /** The activate() call, in milliseconds: VS Code's activation time without loading the module. */
  readonly activationMs: number;
  /** Milliseconds from the start of activate() until the language server answered `initialize`. */
  readonly serverReadyMs: Promise<number>;
  readonly store: ApiTreeStore;
  readonly provider: ApiTreeProvider;
  readonly view: TreeView<TreeNode>;
}
