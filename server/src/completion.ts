import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, type CompletionEntry } from '../../core/src/language/completion';
import type { LineIndex } from '../../core/src/document/lineIndex';
import type { DiagnosticsScheduler } from './diagnosticsScheduler';
import { withAnalysis } from './featureAnalysis';

const KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  reference: CompletionItemKind.Reference,
  variable: CompletionItemKind.Variable,
};

function toItem(entry: CompletionEntry, lines: LineIndex): CompletionItem {
  return {
    label: entry.label,
    kind: KINDS[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    textEdit: { range: lines.range(entry.start, entry.end - entry.start), newText: entry.insertText },
    insertTextFormat: entry.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // The text already carries the full indentation of every line.
    insertTextMode: InsertTextMode.asIs,
    additionalTextEdits: entry.additionalEdits.map((e) => ({ range: lines.range(e.offset, 0), newText: e.text })),
    sortText: entry.sortText,
    filterText: entry.filterText,
  };
}

/** Completion of extension keys, catalog fields and values, integration and authorizer snippets, and references. */
export function registerCompletion(connection: Connection, documents: TextDocuments<TextDocument>, scheduler: DiagnosticsScheduler): ServerCapabilities {
  const host = { connection, documents, scheduler };
  connection.onCompletion(({ textDocument, position }) =>
    withAnalysis<CompletionList | null>(host, textDocument.uri, null, (result) => {
      const file = result.set.file(textDocument.uri);
      if (!file) return null;
      const offset = file.parsed.lines.offsetAt(position);
      const entries = complete({ set: result.set, model: result.model, uri: textDocument.uri, offset });
      return { isIncomplete: false, items: entries.map((e) => toItem(e, file.parsed.lines)) };
    }),
  );
  // '"' and "'" open keys and values, '.' continues mapping expressions, '/' and '#' $ref targets, '$' template variables.
  return { completionProvider: { triggerCharacters: ['"', "'", '.', '/', '#', '$'], resolveProvider: false } };
}
