import { commands, EventEmitter, Uri, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';

const SCHEME = 'apigw-stage';

/**
 * Read-only documents holding the two sides of a comparison (the definition and the stage,
 * both normalised), so VS Code's own diff editor shows them side by side.
 */
export class StageDiffView implements TextDocumentContentProvider, Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = workspace.registerTextDocumentContentProvider(SCHEME, this);

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  async open(name: string, stage: string, remoteText: string, localText: string): Promise<void> {
    const remote = Uri.from({ scheme: SCHEME, path: `/${stage}/${name}.json` });
    const local = Uri.from({ scheme: SCHEME, path: `/local/${name}.json` });
    for (const [uri, text] of [[remote, remoteText], [local, localText]] as const) {
      this.texts.set(uri.toString(), text);
      this.changed.fire(uri);
    }
    await commands.executeCommand('vscode.diff', remote, local, `${name}: stage ${stage} ↔ local (normalised)`);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
