import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apigwDiagnostics, brokenCopy, codeOf, extensionApi, waitFor, workspaceUri } from './workspace';

describe('diagnostics', () => {
  before(async () => {
    await extensionApi();
  });

  it('reports a broken copy of the example when it is opened', async () => {
    const uri = brokenCopy();
    await vscode.window.showTextDocument(uri);
    const found = await waitFor('the broken copy\'s diagnostics', () => {
      const list = apigwDiagnostics(uri);
      return list.length > 0 ? list : undefined;
    });
    const lambda = found.find((d) => codeOf(d) === 'apigw.integration.lambda-post');
    assert.ok(lambda, `expected apigw.integration.lambda-post, got ${found.map(codeOf).join(', ')}`);
    assert.equal(lambda.severity, vscode.DiagnosticSeverity.Error);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.getText(lambda.range), 'GET', 'the diagnostic underlines the offending value');
  });

  it('checks the example as it is edited: a mistake typed in appears, undoing it clears it', async () => {
    const uri = workspaceUri('examples', 'rest', 'api.yaml');
    const editor = await vscode.window.showTextDocument(uri);
    assert.deepEqual(apigwDiagnostics(uri).map(codeOf), [], 'the example is clean');
    const text = editor.document.getText();
    const at = text.indexOf('httpMethod: POST');
    const range = new vscode.Range(editor.document.positionAt(at + 'httpMethod: '.length), editor.document.positionAt(at + 'httpMethod: POST'.length));
    assert.ok(await editor.edit((e) => e.replace(range, 'GET')));
    await waitFor('the typed mistake to be reported', () => (apigwDiagnostics(uri).some((d) => codeOf(d) === 'apigw.integration.lambda-post') ? true : undefined));
    await vscode.commands.executeCommand('undo');
    await waitFor('the diagnostic to clear after undo', () => (apigwDiagnostics(uri).length === 0 ? true : undefined));
    assert.equal(editor.document.getText(), text);
  });
});
