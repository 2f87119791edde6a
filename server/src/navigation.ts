import {
  SymbolKind,
  type ClientCapabilities,
  type Connection,
  type DocumentSymbol as LspDocumentSymbol,
  type Location,
  type LocationLink,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findDefinition } from '../../core/src/language/definition';
import { documentSymbols, type DocumentSymbol, type SymbolKind as CoreSymbolKind } from '../../core/src/language/documentSymbols';
import { foldingRanges } from '../../core/src/language/foldingRanges';
import { findReferences } from '../../core/src/language/references';
import { selectionRanges } from '../../core/src/language/selectionRanges';
import type { DiagnosticsScheduler } from './diagnosticsScheduler';
import { withAnalysis, type FeatureHost } from './featureAnalysis';

const SYMBOL_KINDS: Record<CoreSymbolKind, SymbolKind> = {
  module: SymbolKind.Module,
  namespace: SymbolKind.Namespace,
  package: SymbolKind.Package,
  method: SymbolKind.Method,
  function: SymbolKind.Function,
  key: SymbolKind.Key,
  property: SymbolKind.Property,
  event: SymbolKind.Event,
  struct: SymbolKind.Struct,
};

function toLspSymbol(s: DocumentSymbol): LspDocumentSymbol {
  return { name: s.name, detail: s.detail, kind: SYMBOL_KINDS[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toLspSymbol) };
}

/**
 * Go to definition, find references, the outline, folding and selection ranges. Returns
 * what to merge into the server capabilities, given the client's (which decide between
 * location links and plain locations, and how many folding ranges to send).
 */
export function registerNavigation(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  scheduler: DiagnosticsScheduler,
): (client: ClientCapabilities) => ServerCapabilities {
  const host: FeatureHost = { connection, documents, scheduler };
  let linkSupport = false;
  let foldingLimit = Number.POSITIVE_INFINITY;

  connection.onDefinition(({ textDocument, position }) =>
    withAnalysis<Location[] | LocationLink[]>(host, textDocument.uri, [], (result) => {
      const found = findDefinition(result, textDocument.uri, position);
      if (linkSupport) {
        return found.map((d) => ({ originSelectionRange: d.originRange, targetUri: d.uri, targetRange: d.range, targetSelectionRange: d.selectionRange }));
      }
      return found.map((d) => ({ uri: d.uri, range: d.range }));
    }),
  );

  connection.onReferences(({ textDocument, position, context }) =>
    withAnalysis<Location[]>(host, textDocument.uri, [], (result) => findReferences(result, textDocument.uri, position, context.includeDeclaration)),
  );

  connection.onDocumentSymbol(({ textDocument }) => withAnalysis(host, textDocument.uri, [], (result) => documentSymbols(result, textDocument.uri).map(toLspSymbol)));

  connection.onFoldingRanges(({ textDocument }) =>
    withAnalysis(host, textDocument.uri, [], (result) => {
      const file = result.set.file(textDocument.uri);
      return file ? foldingRanges(file.parsed).slice(0, foldingLimit) : [];
    }),
  );

  connection.onSelectionRanges(({ textDocument, positions }) =>
    withAnalysis(host, textDocument.uri, [], (result) => {
      const file = result.set.file(textDocument.uri);
      return file ? selectionRanges(file.parsed, positions) : [];
    }),
  );

  return (client) => {
    linkSupport = client.textDocument?.definition?.linkSupport === true;
    foldingLimit = client.textDocument?.foldingRange?.rangeLimit ?? Number.POSITIVE_INFINITY;
    return { definitionProvider: true, referencesProvider: true, documentSymbolProvider: true, foldingRangeProvider: true, selectionRangeProvider: true };
  };
}
