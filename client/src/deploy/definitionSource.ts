import * as path from 'node:path';
import { Uri, window, workspace, type TextDocument } from 'vscode';
import { CONFIG_FILE, readApigwConfig, type ApigwConfig } from '../../../core/src/config/apigwConfig';
import type { DefinitionSource } from '../../../core/src/deploy/definitionInfo';
import { looksLikeOpenApi } from '../../../core/src/lint';
import type { KindOverride } from '../../../core/src/model/apiModel';
import type { TreeNode } from '../tree/treeNodes';

export interface OpenDefinition {
  document: TextDocument;
  source: DefinitionSource;
  config: ApigwConfig;
  /** The file name, for titles and messages. */
  name: string;
}

/** `$ref`d files as the editor has them (unsaved edits included), else from disk. */
async function readRef(uri: string): Promise<string | undefined> {
  const open = workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (open) return open.getText();
  if (/^https?:/i.test(uri)) {
    if (!workspace.getConfiguration('apigw').get<boolean>('allowRemoteRefs', false)) return undefined;
    const res = await fetch(uri, { signal: AbortSignal.timeout(10_000) });
    return res.ok ? await res.text() : undefined;
  }
  try {
    return new TextDecoder().decode(await workspace.fs.readFile(Uri.parse(uri)));
  } catch {
    return undefined;
  }
}

/**
 * The definition a deploy command acts on: the tree node's file, else the active editor's.
 * An unsaved definition is saved first, with consent: what is deployed is what is on disk.
 */
export async function openDefinition(node: TreeNode | undefined): Promise<OpenDefinition | undefined> {
  const uri = node ? Uri.parse(node.type === 'api' ? node.tree.uri : node.api.tree.uri) : window.activeTextEditor?.document.uri;
  const document = uri && (await workspace.openTextDocument(uri));
  if (!document || document.uri.scheme !== 'file' || !looksLikeOpenApi(document.getText())) {
    void window.showInformationMessage('Open an API definition (a saved YAML or JSON file with an openapi or swagger key), or choose an API in the API Gateway view.');
    return undefined;
  }
  const name = path.basename(document.uri.fsPath);
  if (document.isDirty) {
    const save = await window.showWarningMessage(`${name} has unsaved changes.`, { modal: true }, 'Save and Continue');
    if (save !== 'Save and Continue' || !(await document.save())) return undefined;
  }
  const settings = workspace.getConfiguration('apigw', document.uri);
  let config: ApigwConfig;
  try {
    config = await readApigwConfig(path.join(path.dirname(document.uri.fsPath), CONFIG_FILE), false);
  } catch (err) {
    void window.showErrorMessage(err instanceof Error ? err.message : String(err));
    return undefined;
  }
  return {
    document,
    name,
    config,
    source: {
      uri: document.uri.toString(),
      text: document.getText(),
      read: readRef,
      apiKind: settings.get<KindOverride>('apiKind', 'auto'),
      allowRemoteRefs: settings.get<boolean>('allowRemoteRefs', false),
    },
  };
}
