import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { measured } from './index';
import { EXTENSION_ID, extensionApi, workspaceUri } from './workspace';

describe('activation', () => {
  it('activates on opening an API definition and starts the language server', async () => {
    await vscode.window.showTextDocument(workspaceUri('examples', 'rest', 'api.yaml'));
    const api = await extensionApi();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.ok(api.activationMs > 0 && api.activationMs < 30_000, `activate() took ${api.activationMs} ms`);
    const serverReadyMs = await api.serverReadyMs;
    assert.ok(serverReadyMs >= api.activationMs && serverReadyMs < 30_000, `the language server answered after ${serverReadyMs} ms`);
    measured.activationMs = api.activationMs;
    measured.serverReadyMs = serverReadyMs;
  });

  it('registers every command the manifest contributes', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: Array<{ command: string; category?: string }> } };
    const contributed = manifest.contributes.commands;
    assert.ok(contributed.length >= 5);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command, category } of contributed) {
      assert.ok(registered.has(command), `${command} is registered`);
      assert.equal(category, 'API Gateway', `${command} is in the API Gateway category`);
    }
  });
});
