import type { TreeView } from 'vscode';
import type { ApiTreeProvider } from './tree/apiTreeProvider';
import type { ApiTreeStore } from './tree/apiTreeStore';
import type { TreeNode } from './tree/treeNodes';

/** What `activate` returns: lets the extension-host tests look at the tree as VS Code sees it. */
export interface ExtensionApi {
  /** How long `activate` took, in milliseconds, until the language server was running. */
  readonly activationMs: number;
  readonly store: ApiTreeStore;
  readonly provider: ApiTreeProvider;
  readonly view: TreeView<TreeNode>;
}
