import type { ApiKind } from '../catalog/types';
import type { DocumentSet, LoadedFile } from '../document/documentSet';
import type { ApiModel, Operation } from '../model/apiModel';
import type { CursorContext } from './cursorContext';
import type { ApiLocation } from './apiLocation';

/** One completion, in document offsets; the server turns it into an LSP item. */
export interface CompletionEntry {
  label: string;
  kind: 'property' | 'value' | 'enum' | 'snippet' | 'reference' | 'variable';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Snippet syntax when `isSnippet`, else plain text. */
  insertText: string;
  isSnippet: boolean;
  /** The text the insertion replaces. */
  start: number;
  end: number;
  /** Other edits, e.g. the ',' JSON needs after the entry before. */
  additionalEdits: Array<{ offset: number; text: string }>;
  sortText: string;
  /** What the typed text is matched against, quotes included. */
  filterText: string;
}

/** Everything the completion sources need about the place being completed. */
export interface CompletionEnv {
  ctx: CursorContext;
  /** The cursor. */
  offset: number;
  set: DocumentSet;
  file: LoadedFile;
  model: ApiModel;
  /** The path as the entry document sees it (a `$ref`'d file is read where it is used). */
  path: string[];
  location: ApiLocation;
  kind: ApiKind;
  /**
   * Nothing in the document says REST or HTTP yet: offer both kinds' items, the other
   * kind's ranked lower, so that the very marker that decides the kind can be completed.
   */
  kindOpen: boolean;
  operation: Operation | undefined;
  /** Keys already present in the object being completed (the one being typed excluded). */
  existing: ReadonlySet<string>;
}

export interface EntryOptions {
  kind: CompletionEntry['kind'];
  detail?: string;
  documentation?: string;
  snippet?: boolean;
  /** Sorting group: lower comes first. */
  rank?: number;
  filterText?: string;
  start?: number;
}

export function makeEntry(env: CompletionEnv, label: string, insertText: string, options: EntryOptions): CompletionEntry {
  const { ctx } = env;
  return {
    label,
    kind: options.kind,
    detail: options.detail,
    documentation: options.documentation,
    insertText,
    isSnippet: options.snippet ?? true,
    start: options.start ?? ctx.replaceStart,
    end: ctx.replaceEnd,
    additionalEdits: ctx.commaBefore === undefined ? [] : [{ offset: ctx.commaBefore, text: ',' }],
    sortText: `${options.rank ?? 1}_${label}`,
    filterText: options.filterText ?? quotedFilter(ctx, label),
  };
}

/** `text` in the quotes the user opened, which the typed text (and so the filter) starts with. */
export function quotedFilter(ctx: CursorContext, text: string): string {
  const quote = ctx.quote ?? '';
  return `${quote}${text}${quote}`;
}

/** Whether an item for `kinds` belongs in this document's list, and how to rank it. */
export function kindFit(env: CompletionEnv, kinds: readonly ApiKind[] | undefined): { offer: boolean; rank: number; note: string } {
  if (!kinds || kinds.includes(env.kind)) return { offer: true, rank: 0, note: '' };
  return { offer: env.kindOpen, rank: 5, note: ` (${kinds.join('/')} APIs)` };
}
