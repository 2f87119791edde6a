import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import * as vscode from 'vscode';
import { measured } from './index';
import { apigwDiagnostics, codeOf, extensionApi, waitFor, workspaceUri } from './workspace';

/**
 * Processes running a program or script from inside `folder`. (Their working folder may be
 * the workspace: the language server runs there, from the extension's own bundle.)
 */
function programsFrom(folder: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const exe = readlinkSync(`/proc/${pid}/exe`);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (exe.startsWith(folder) || cmdline.includes(folder)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

describe('restricted mode (untrusted workspace)', () => {
  it('runs in restricted mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still validates: the extension activates and diagnostics arrive', async () => {
    const uri = workspaceUri('remote', 'api.yaml');
    await vscode.window.showTextDocument(uri);
    const api = await extensionApi();
    measured.activationMs = api.activationMs;
    await waitFor('diagnostics on the definition with a remote $ref', () => (apigwDiagnostics(uri).length > 0 ? true : undefined));
  });

  it('ignores the workspace\'s request to fetch remote $refs', async () => {
    const settings = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.vscode', 'settings.json')));
    assert.match(settings, /"apigw.allowRemoteRefs": true/, 'the workspace asks for remote fetching');
    assert.equal(vscode.workspace.getConfiguration('apigw').get('allowRemoteRefs'), false, 'restricted mode does not grant it');
    const codes = apigwDiagnostics(workspaceUri('remote', 'api.yaml')).map(codeOf);
    assert.ok(codes.includes('apigw.ref.remote-not-fetched'), `got ${codes.join(', ')}`);
  });

  it('starts no process from the workspace', () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder);
    assert.deepEqual(programsFrom(folder), []);
  });
});
