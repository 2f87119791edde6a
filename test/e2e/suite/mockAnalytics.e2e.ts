import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceUri } from './workspace';

describe('mock analytics', () => {
  it('opens its webview panel, even before the mock runs', async () => {
    await vscode.window.showTextDocument(workspaceUri('examples', 'rest', 'api.yaml'));
    await extensionApi();
    await vscode.commands.executeCommand('apigw.showMockAnalytics');
    const tab = await waitFor('the Mock Analytics tab', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('apigw.mockAnalytics')),
    );
    await vscode.window.tabGroups.close(tab);
  });
});
