import assert from 'node:assert/strict';
import { lintText, type LintResult } from '../../core/src/lint';
import { complete, type CompletionEntry } from '../../core/src/language/completion';
import { expandSnippet } from '../../core/src/language/templateRender';
import { withCursor } from './cursor';

export interface Completed {
  result: LintResult;
  text: string;
  offset: number;
  entries: CompletionEntry[];
}

/** Completions at the ‸ of `marked`, as file:///api/<name>, with `files` reachable through $ref. */
export async function completeAt(marked: string, options: { name?: string; files?: Record<string, string> } = {}): Promise<Completed> {
  const { text, offset } = withCursor(marked);
  const uri = `file:///api/${options.name ?? 'api.yaml'}`;
  const result = await lintText(uri, text, async (u) => options.files?.[u.replace('file:///api/', '')]);
  return { result, text, offset, entries: complete({ set: result.set, model: result.model, uri, offset }) };
}

export function entry(completed: Completed, label: string): CompletionEntry {
  const found = completed.entries.find((e) => e.label === label);
  assert.ok(found, `no completion '${label}' among ${JSON.stringify(completed.entries.map((e) => e.label))}`);
  return found;
}

export function labels(completed: Completed): string[] {
  return completed.entries.map((e) => e.label);
}

/** The text after accepting `e` with every tab stop left at its default, as an editor would leave it. */
export function accept(completed: Completed, e: CompletionEntry): string {
  const inserted = e.isSnippet ? expandSnippet(e.insertText) : e.insertText;
  const edits = [{ start: e.start, end: e.end, text: inserted }, ...e.additionalEdits.map((a) => ({ start: a.offset, end: a.offset, text: a.text }))].sort((a, b) => b.start - a.start);
  let out = completed.text;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
