import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, type CompletionEntry } from '../../core/src/language/completion';
import { expandSnippet } from '../../core/src/language/templateRender';
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

function toItem(entry: CompletionEntry, lines: LineIndex, snippets: boolean): CompletionItem {
  // A client without snippet support gets the text the snippet gives with its defaults.
  const snippet = entry.isSnippet && snippets;
  return {
    label: entry.label,
    kind: KINDS[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    textEdit: { range: lines.range(entry.start, entry.end - entry.start), newText: entry.isSnippet && !snippets ? expandSnippet(entry.insertText) : entry.insertText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // The text already carries the full indentation of every line.
    insertTextMode: InsertTextMode.asIs,
    additionalTextEdits: entry.additionalEdits.map((e) => ({ range: lines.range(e.offset, 0), newText: e.text })),
    sortText: entry.sortText,
    filterText: entry.filterText,
  };
}

/**
 * Completion of extension keys, catalog fields and values, integration and authorizer
 * snippets, and references. Returns what to merge into the server capabilities, given the
 * client's (which decide whether items may be snippets).
 */
export function registerCompletion(connection: Connection, documents: TextDocuments<TextDocument>, scheduler: DiagnosticsScheduler): (client: ClientCapabilities) => ServerCapabilities {
  const host = { connection, documents, scheduler };
  let snippets = false;
  connection.onCompletion(({ textDocument, position }) =>
    withAnalysis<CompletionList | null>(host, textDocument.uri, null, (result) => {
      const file = result.set.file(textDocument.uri);
      if (!file) return null;
      const offset = file.parsed.lines.offsetAt(position);
      const entries = complete({ set: result.set, model: result.model, uri: textDocument.uri, offset });
      return { isIncomplete: false, items: entries.map((e) => toItem(e, file.parsed.lines, snippets)) };
    }),
  );
  return (client) => {
    snippets = client.textDocument?.completion?.completionItem?.snippetSupport === true;
    // '"' and "'" open keys and values, '.' continues mapping expressions, '/' and '#' $ref targets, '$' template variables.
    return { completionProvider: { triggerCharacters: ['"', "'", '.', '/', '#', '$'], resolveProvider: false } };
  };
}
