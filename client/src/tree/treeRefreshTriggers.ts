import { workspace, type Disposable, type TextDocument } from 'vscode';
import type { ApiTreeStore } from './apiTreeStore';

const DEFINITION_FILES = '**/*.{yaml,yml,json}';

function isCandidate(document: TextDocument): boolean {
  return document.uri.scheme === 'file' && (document.languageId === 'yaml' || document.languageId === 'json');
}

/**
 * Keeps the tree in step with the workspace without a manual refresh: edits (debounced by the
 * store), saves of any file (a `$ref`'d file changes the trees that use it), and files
 * changed, created or deleted outside the editor.
 */
export function watchWorkspace(store: ApiTreeStore): Disposable {
  const watchers = [DEFINITION_FILES, ...workspace.getConfiguration('apigw').get<string[]>('files', [])].map((glob) => workspace.createFileSystemWatcher(glob));
  const subscriptions: Disposable[] = [
    ...watchers,
    workspace.onDidChangeTextDocument((e) => {
      if (isCandidate(e.document) && e.contentChanges.length > 0) void store.fileChanged(e.document.uri.toString());
    }),
    workspace.onDidSaveTextDocument((document) => void store.fileChanged(document.uri.toString(), 0)),
    // Closing a modified buffer without saving brings the disk's text back.
    workspace.onDidCloseTextDocument((document) => {
      if (isCandidate(document)) void store.fileChanged(document.uri.toString(), 0);
    }),
  ];
  for (const watcher of watchers) {
    subscriptions.push(
      watcher.onDidChange((uri) => void store.fileChanged(uri.toString())),
      watcher.onDidCreate((uri) => void store.fileChanged(uri.toString(), 0)),
      watcher.onDidDelete((uri) => store.fileDeleted(uri.toString())),
    );
  }
  return {
    dispose: () => {
      for (const s of subscriptions) s.dispose();
    },
  };
}
