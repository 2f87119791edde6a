import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, LintResult } from '../../core/src/lint';
import type { DiagnosticsScheduler } from './diagnosticsScheduler';

/** What a language feature needs from the server: where to log, the open buffers, and the analyses. */
export interface FeatureHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  scheduler: DiagnosticsScheduler;
}

/**
 * Runs a feature on the cached analysis of `uri` as the editor has it now, without waiting
 * for the rules. A `$ref`'d file edited since its definition was last checked has positions
 * the analysis does not know yet: the feature answers `empty` until the re-check lands, as
 * it does when it throws.
 */
export function withAnalysis<T>(host: FeatureHost, uri: string, empty: T, feature: (result: Analysis) => T): Promise<T> {
  return answer(host, uri, empty, () => host.scheduler.analysis(uri), feature);
}

/** As withAnalysis, for features that read the diagnostics too: waits until the rules have run. */
export function withCheckedAnalysis<T>(host: FeatureHost, uri: string, empty: T, feature: (result: LintResult) => T): Promise<T> {
  return answer(host, uri, empty, () => host.scheduler.checked(uri), feature);
}

async function answer<T, R extends Analysis>(host: FeatureHost, uri: string, empty: T, pending: () => Promise<R | undefined>, feature: (result: R) => T): Promise<T> {
  try {
    const result = await pending();
    const open = host.documents.get(uri)?.getText();
    if (!result || open === undefined || result.set.file(uri)?.parsed.text !== open) return empty;
    return feature(result);
  } catch (err) {
    host.connection.console.error(`apigw: a language feature failed on ${uri}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return empty;
  }
}
