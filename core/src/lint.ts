import { loadDocumentSet, type DocumentSet, type ReadFile } from './document/documentSet';
import { buildApiModel, type ApiModel, type KindOverride } from './model/apiModel';
import type { Diagnostic } from './validate/diagnostic';
import { validate } from './validate/validate';

export interface LintOptions {
  /** REST, HTTP, or detect from the document's markers (the default). */
  apiKind?: KindOverride;
  /** Follow `$ref`s to http(s) URLs. */
  allowRemoteRefs?: boolean;
}

export interface LintResult {
  set: DocumentSet;
  model: ApiModel;
  /** Sorted by file, then position; each names the file it belongs to. */
  diagnostics: Diagnostic[];
}

/** The one entry point the CLI and the language server share: text in, diagnostics out. */
export async function lintText(uri: string, text: string, read: ReadFile, options: LintOptions = {}): Promise<LintResult> {
  const set = await loadDocumentSet(uri, text, read, { allowRemoteRefs: options.allowRemoteRefs });
  const model = buildApiModel(set, options.apiKind ?? 'auto');
  return { set, model, diagnostics: validate(set, model) };
}

/**
 * Is this text an OpenAPI document? A top-level `openapi` or `swagger` key, looked for
 * without parsing so that a workspace full of other YAML and JSON costs nothing.
 */
export function looksLikeOpenApi(text: string): boolean {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  return /^["']?(?:openapi|swagger)["']?\s*:/m.test(head) || /"(?:openapi|swagger)"\s*:/.test(head);
}
