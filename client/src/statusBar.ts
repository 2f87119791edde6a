import { DiagnosticSeverity, languages, StatusBarAlignment, window, type Disposable, type Uri } from 'vscode';
import type { LanguageServer, ServerState } from './languageServer';

/** The source the server puts on its diagnostics: only those are counted. */
const SOURCE = 'apigw';

const STATE_ICON: Readonly<Record<ServerState, string>> = {
  starting: '$(sync~spin)',
  running: '$(cloud)',
  stopped: '$(debug-disconnect)',
};

/** Shows the language server's state and the problem count of the file in the editor. */
export function createStatusBar(server: LanguageServer): Disposable {
  const item = window.createStatusBarItem('apigw.status', StatusBarAlignment.Left, 0);
  item.name = 'API Gateway';
  item.command = 'workbench.actions.view.problems';

  const update = () => {
    const uri: Uri | undefined = window.activeTextEditor?.document.uri;
    const ours = uri ? languages.getDiagnostics(uri).filter((d) => d.source === SOURCE) : [];
    const errors = ours.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
    const counts = server.state === 'running' && ours.length > 0 ? ` $(error) ${errors} $(warning) ${warnings}` : '';
    item.text = `${STATE_ICON[server.state]} API Gateway${counts}`;
    item.tooltip = `API Gateway language server: ${server.state}${uri ? `\nThis file: ${errors} error(s), ${warnings} warning(s)` : ''}\nClick to open the Problems panel`;
    item.show();
  };

  update();
  const subscriptions = [
    item,
    server.onDidChangeState(update),
    window.onDidChangeActiveTextEditor(update),
    languages.onDidChangeDiagnostics((e) => {
      const uri = window.activeTextEditor?.document.uri.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) update();
    }),
  ];
  return {
    dispose: () => {
      for (const s of subscriptions) s.dispose();
    },
  };
}
