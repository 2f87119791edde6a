import { createConnection, DiagnosticSeverity, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { registerApiTreeRequest } from './apiTreeRequest';
import { registerCodeActions } from './codeActions';
import { registerCompletion } from './completion';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { registerHover } from './hover';
import { registerNavigation } from './navigation';
import { openDocuments } from './openDocument';
import { readSettings, type Settings } from './settings';
import type { Diagnostic } from '../../core/src/validate/diagnostic';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(openDocuments);
let supportsConfiguration = false;

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

function toLsp(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: d.link ? { href: d.link } : undefined,
    source: 'apigw',
    message: d.message,
    data: { pointer: d.pointer },
  };
}

const clientSettings = async (): Promise<Settings> => (supportsConfiguration ? readSettings(await connection.workspace.getConfiguration('apigw')) : readSettings(undefined));

const scheduler = new DiagnosticsScheduler({
  openText: (uri) => documents.get(uri)?.getText(),
  openLines: (uri) => documents.get(uri)?.lines,
  openVersion: (uri) => documents.get(uri)?.version,
  settings: clientSettings,
  publish: (uri, diagnostics, version) => {
    void connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map(toLsp) });
  },
  log: (message) => connection.console.log(message),
});

registerApiTreeRequest(connection, {
  analysis: (uri) => scheduler.checked(uri),
  openText: (uri) => documents.get(uri)?.getText(),
  settings: clientSettings,
  readReferenced: (uri, entryUri) => scheduler.read(uri, entryUri),
});
const navigationCapabilities = registerNavigation(connection, documents, scheduler);
const codeActionCapabilities = registerCodeActions(connection, documents, scheduler);
const completionCapabilities = registerCompletion(connection, documents, scheduler);
const hoverCapabilities = registerHover(connection, documents, scheduler);

/** The workspace folders, which decide the files `$ref`s may read; followed as folders are added and removed. */
let workspaceFolders: string[] = [];
let followsFolders = false;

connection.onInitialize((params) => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  scheduler.configure(readSettings(params.initializationOptions));
  workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  scheduler.setWorkspaceFolders(workspaceFolders);
  followsFolders = params.capabilities.workspace?.workspaceFolders === true;
  return {
    capabilities: {
      ...(followsFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...navigationCapabilities(params.capabilities),
      ...codeActionCapabilities(params.capabilities),
      ...completionCapabilities(params.capabilities),
      ...hoverCapabilities,
    },
    serverInfo: { name: 'apigw-language-server' },
  };
});

connection.onInitialized(() => {
  if (!followsFolders) return;
  connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
    workspaceFolders = [...workspaceFolders.filter((uri) => !removed.some((f) => f.uri === uri)), ...added.map((f) => f.uri)];
    scheduler.setWorkspaceFolders(workspaceFolders);
  });
});

connection.onDidChangeConfiguration(() => scheduler.refreshAll());
documents.onDidOpen((e) => scheduler.schedule(e.document.uri, 0));
// Fired on opening too, right after onDidOpen, and then replaces its timer: a document with
// no check of an edit yet waits 0 ms (before, the check on opening waited the full 150 ms).
documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
documents.onDidClose((e) => scheduler.close(e.document.uri));

// A language feature that throws must never take the server down with it.
process.on('uncaughtException', (err) => connection.console.error(`apigw: unexpected error: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`apigw: unexpected error: ${String(err)}`));

documents.listen(connection);
connection.listen();
