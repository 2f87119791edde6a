import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceUri } from './workspace';

/** A port nothing listens on right now, so the run never collides with a mock already on 3000. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('local mock', () => {
  const settings = () => vscode.workspace.getConfiguration('apigw.mock');

  after(async () => {
    await vscode.commands.executeCommand('apigw.stopMock');
    await settings().update('port', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('starts on the configured port, answers /dev/health, and stops', async () => {
    const port = await freePort();
    await settings().update('port', port, vscode.ConfigurationTarget.Workspace);
    await vscode.window.showTextDocument(workspaceUri('examples', 'rest', 'api.yaml'));
    await extensionApi();

    const baseUrl = await vscode.commands.executeCommand<string | undefined>('apigw.startMock');
    assert.equal(baseUrl, `http://127.0.0.1:${port}/dev`);
    const res = await fetch(`${baseUrl}/health`);
    assert.equal(res.status, 200, await res.text());

    const lenses = await waitFor('Send request lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri('examples', 'rest', 'api.yaml'));
      const send = found.filter((l) => l.command?.command === 'apigw.sendRequest');
      return send.length > 0 ? send : undefined;
    });
    assert.ok(lenses.some((l) => l.command?.arguments?.[0] === 'GET' && l.command.arguments[1] === '/health'), 'a lens over GET /health');

    await vscode.commands.executeCommand('apigw.stopMock');
    await assert.rejects(fetch(`${baseUrl}/health`), 'nothing listens once the mock stopped');
  });
});
