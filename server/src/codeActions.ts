import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, type DiagnosticRef } from '../../core/src/language/codeActions';
import type { DiagnosticsScheduler } from './diagnosticsScheduler';
import { withCheckedAnalysis, type FeatureHost } from './featureAnalysis';

/** One of our diagnostics as the client sent it back, with the pointer we put in its data. */
interface SentDiagnostic extends DiagnosticRef {
  sent: LspDiagnostic;
}

function pointerOf(d: LspDiagnostic): string | undefined {
  const data: unknown = d.data;
  if (data === null || typeof data !== 'object') return undefined;
  const pointer = (data as { pointer?: unknown }).pointer;
  return typeof pointer === 'string' ? pointer : undefined;
}

/**
 * Quick fixes for our diagnostics and the CORS refactoring. Returns the capabilities to
 * merge; a client that cannot take code action literals gets none.
 */
export function registerCodeActions(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  scheduler: DiagnosticsScheduler,
): (client: ClientCapabilities) => ServerCapabilities {
  const host: FeatureHost = { connection, documents, scheduler };
  let literals = false;

  connection.onCodeAction(({ textDocument, range, context }) =>
    withCheckedAnalysis<CodeAction[]>(host, textDocument.uri, [], (result) => {
      if (!literals) return [];
      const ours: SentDiagnostic[] = context.diagnostics
        .filter((d) => d.source === 'apigw')
        .map((d) => ({ code: d.code, pointer: pointerOf(d), range: d.range, sent: d }));
      const wanted = context.only;
      return codeActions(result, textDocument.uri, range, ours)
        .filter((a) => !wanted || wanted.some((kind) => a.kind === kind || a.kind.startsWith(`${kind}.`)))
        .map((a) => ({
          title: a.title,
          kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.Refactor,
          diagnostics: a.diagnostic ? [a.diagnostic.sent] : undefined,
          isPreferred: a.isPreferred,
          edit: a.edit,
        }));
    }),
  );

  return (client) => {
    literals = client.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] } };
  };
}
