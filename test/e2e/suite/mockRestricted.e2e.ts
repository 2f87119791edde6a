import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, workspaceUri } from './workspace';

describe('local mock in restricted mode', () => {
  it('refuses to start: the mock would run code from the workspace', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await vscode.window.showTextDocument(workspaceUri('examples', 'rest', 'api.yaml'));
    await extensionApi();
    assert.equal(await vscode.commands.executeCommand('apigw.startMock'), undefined);
  });
});
