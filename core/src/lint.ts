import { loadDocumentSet, type DocumentSet, type ReadFile } from './document/documentSet';
import type { LineIndex } from './document/lineIndex';
import { buildApiModel, type ApiModel, type KindOverride } from './model/apiModel';
import type { Diagnostic } from './validate/diagnostic';
import { validate } from './validate/validate';

export interface LintOptions {
  /** REST, HTTP, or detect from the document's markers (the default). */
  apiKind?: KindOverride;
  /** Follow `$ref`s to http(s) URLs. */
  allowRemoteRefs?: boolean;
  /** Files of more bytes are not checked (32 MB when undefined). */
  maxFileBytes?: number;
}

/** What language features read: the parsed files and the API model, before any rule runs. */
export interface Analysis {
  set: DocumentSet;
  model: ApiModel;
}

export interface LintResult extends Analysis {
  /** Sorted by file, then position; each names the file it belongs to. */
  diagnostics: Diagnostic[];
}

/**
 * Parses the text, loads what its `$ref`s reach and builds the model; runs no rule. `lines`:
 * the line index of `text`, where the caller keeps one (an editor's open document).
 */
export async function analyzeText(uri: string, text: string, read: ReadFile, options: LintOptions = {}, lines?: LineIndex): Promise<Analysis> {
  const set = await loadDocumentSet(uri, text, read, { allowRemoteRefs: options.allowRemoteRefs, maxFileBytes: options.maxFileBytes, entryLines: lines });
  return { set, model: buildApiModel(set, options.apiKind ?? 'auto') };
}

/** The one entry point the CLI and the language server share: text in, diagnostics out. */
export async function lintText(uri: string, text: string, read: ReadFile, options: LintOptions = {}): Promise<LintResult> {
  const { set, model } = await analyzeText(uri, text, read, options);
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
