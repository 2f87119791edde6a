import { workspace, type Disposable, type FileSystemWatcher, type TextDocument } from 'vscode';
import type { ApiTreeStore } from './apiTreeStore';

const DEFINITION_FILES = '**/*.{yaml,yml,json}';

function isCandidate(document: TextDocument): boolean {
  return document.uri.scheme === 'file' && (document.languageId === 'yaml' || document.languageId === 'json');
}

function watch(store: ApiTreeStore, glob: string): Disposable[] {
  const watcher: FileSystemWatcher = workspace.createFileSystemWatcher(glob);
  return [
    watcher,
    watcher.onDidChange((uri) => void store.fileChanged(uri.toString())),
    watcher.onDidCreate((uri) => void store.fileChanged(uri.toString(), 0)),
    watcher.onDidDelete((uri) => store.fileDeleted(uri.toString())),
  ];
}

function disposeAll(list: Disposable[]): void {
  for (const d of list.splice(0)) d.dispose();
}

/**
 * Keeps the tree in step with the workspace without a manual refresh: edits (debounced by the
 * store), saves of any file (a `$ref`'d file changes the trees that use it), and files
 * changed, created or deleted outside the editor, including those the `apigw.files` globs name.
 */
export function watchWorkspace(store: ApiTreeStore): Disposable {
  const settingWatchers: Disposable[] = [];
  const watchSettingGlobs = () => {
    disposeAll(settingWatchers);
    for (const glob of workspace.getConfiguration('apigw').get<string[]>('files', [])) settingWatchers.push(...watch(store, glob));
  };
  watchSettingGlobs();
  const subscriptions: Disposable[] = [
    ...watch(store, DEFINITION_FILES),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('apigw.files')) watchSettingGlobs();
    }),
    workspace.onDidChangeTextDocument((e) => {
      if (isCandidate(e.document) && e.contentChanges.length > 0) void store.fileChanged(e.document.uri.toString());
    }),
    workspace.onDidSaveTextDocument((document) => void store.fileChanged(document.uri.toString(), 0)),
    // Closing a modified buffer without saving brings the disk's text back.
    workspace.onDidCloseTextDocument((document) => {
      if (isCandidate(document)) void store.fileChanged(document.uri.toString(), 0);
    }),
  ];
  return {
    dispose: () => {
      disposeAll(settingWatchers);
      disposeAll(subscriptions);
    },
  };
}
