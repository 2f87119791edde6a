import { collectRefs, DocumentSet, pointsIntoPaths, type ReadFile } from './document/documentSet';
import type { LineIndex } from './document/lineIndex';
import { getProperty } from './document/pointer';
import { reparseEdit } from './document/reparse';
import { analyzeText, type Analysis, type LintOptions } from './lint';
import { buildApiModel, updateApiModel } from './model/apiModel';
import type { PropertyNode } from './document/types';
import type { Diagnostic } from './validate/diagnostic';
import { revalidate, validateAll, type Validation } from './validate/validate';

/**
 * One open definition, version after version: what an editor session needs where the CLI
 * lints a text once. Analysis (parse, `$ref`s, model) and the rules are separate steps, so
 * language features can answer as soon as a version is analysed, before its diagnostics.
 * After small edits both steps redo only what the edits touched.
 */
export class LintSession {
  private latest: Analysis | undefined;
  /** The last validation; its findings are kept for the entries edited since. */
  private validation: Validation | undefined;
  /** The entries re-read since the last validation, or 'all' after a full parse. */
  private edited: Set<PropertyNode> | 'all' = 'all';
  /** Whether some `$ref` of the document points into `paths`: noted by the full parse, then kept up to date by each edit. */
  private refsIntoPaths = true;
  /** Analyses run one after the other, so a slow one cannot land after a newer one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly uri: string,
    private readonly read: ReadFile,
    private readonly options: LintOptions,
  ) {}

  /**
   * Analyses `text`, the current text of the document. After a small edit of a definition
   * that is one file, only the edited entry is read again; otherwise the text is parsed and
   * the `$ref`'d files are read again (the same text twice means something else changed).
   * `lines`: the line index of `text`, where the caller keeps one (an editor's open document).
   */
  analyze(text: string, lines?: LineIndex): Promise<Analysis> {
    const next = this.queue.then(async () => {
      let analysis = this.afterEdit(text, lines);
      if (!analysis) {
        analysis = await analyzeText(this.uri, text, this.read, this.options, lines);
        this.edited = 'all';
        // Loading listed the references.
        this.refsIntoPaths = analysis.set.refsIn(analysis.set.entry).some((ref) => pointsIntoPaths(ref.value));
      }
      this.latest = analysis;
      return analysis;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private afterEdit(text: string, lines: LineIndex | undefined): Analysis | undefined {
    const previous = this.latest;
    if (!previous || previous.set.files.length !== 1 || !previous.set.complete) return undefined;
    const entry = previous.set.entry;
    if (entry.parsed.text === text) return undefined;
    const reparsed = reparseEdit(entry.parsed, text, lines);
    // The previous tree now belongs to the new text, whatever happens next.
    this.latest = undefined;
    if (!reparsed) return undefined;
    // A new reference to another file needs that file read: the full path does it.
    if (collectRefs(reparsed.entry.valueNode).some((ref) => !ref.value.startsWith('#'))) return undefined;
    const set = new DocumentSet({ uri: entry.uri, parsed: reparsed.parsed });
    if (this.edited !== 'all') this.edited.add(reparsed.entry);
    // Once a reference into paths is seen, the model is built in full until the next full parse.
    const root = reparsed.parsed.root;
    if (!this.refsIntoPaths) this.refsIntoPaths = collectRefs(reparsed.entry.valueNode).some((ref) => pointsIntoPaths(ref.value));
    const paths = root?.kind === 'object' ? getProperty(root, 'paths')?.valueNode : undefined;
    const kind = this.options.apiKind ?? 'auto';
    const model = !this.refsIntoPaths && reparsed.entry.parent === paths ? updateApiModel(previous.model, set, kind, new Set([reparsed.entry])) : buildApiModel(set, kind);
    return { set, model };
  }

  /** The diagnostics of `analysis`, or undefined when a newer analysis has replaced it. */
  check(analysis: Analysis): Diagnostic[] | undefined {
    if (analysis !== this.latest) return undefined;
    const { set, model } = analysis;
    const edited = this.edited;
    const kept = edited !== 'all' && this.validation ? revalidate(this.validation, set, model, edited) : undefined;
    this.validation = kept ?? validateAll(set, model);
    this.edited = new Set();
    return this.validation.diagnostics;
  }
}
