import type { Range } from '../document/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** What every adapter (CLI, language server) shows: one problem at one place of one file. */
export interface Diagnostic {
  /** The file the problem is in (a `$ref`'d file for problems found there). */
  uri: string;
  severity: Severity;
  /** Stable rule code, e.g. `apigw.integration.lambda-post`. */
  code: string;
  message: string;
  /** JSON pointer of the offending node inside `uri`. */
  pointer: string;
  range: Range;
  /** The AWS page that documents the rule. */
  link?: string;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.uri.localeCompare(b.uri) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    ORDER[a.severity] - ORDER[b.severity] ||
    a.code.localeCompare(b.code)
  );
}
