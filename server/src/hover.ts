import { MarkupKind, type Connection, type Hover, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hover } from '../../core/src/language/hover';
import type { DiagnosticsScheduler } from './diagnosticsScheduler';
import { withAnalysis } from './featureAnalysis';

/** Hover documentation of extension keys and fields, `$ref` previews, gateway response types and `$context` variables. */
export function registerHover(connection: Connection, documents: TextDocuments<TextDocument>, scheduler: DiagnosticsScheduler): ServerCapabilities {
  const host = { connection, documents, scheduler };
  connection.onHover(({ textDocument, position }) =>
    withAnalysis<Hover | null>(host, textDocument.uri, null, (result) => {
      const file = result.set.file(textDocument.uri);
      if (!file) return null;
      const found = hover({ set: result.set, model: result.model, uri: textDocument.uri, offset: file.parsed.lines.offsetAt(position) });
      if (!found) return null;
      return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: file.parsed.lines.range(found.start, found.end - found.start) };
    }),
  );
  return { hoverProvider: true };
}
