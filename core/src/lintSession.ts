import type { ReadFile } from './document/documentSet';
import { analyzeText, type Analysis, type LintOptions } from './lint';
import type { Diagnostic } from './validate/diagnostic';
import { validate } from './validate/validate';

/**
 * One open definition, version after version: what an editor session needs where the CLI
 * lints a text once. Analysis (parse, `$ref`s, model) and the rules are separate steps, so
 * language features can answer as soon as a version is analysed, before its diagnostics.
 */
export class LintSession {
  private latest: Analysis | undefined;
  /** Analyses run one after the other, so a slow one cannot land after a newer one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly uri: string,
    private readonly read: ReadFile,
    private readonly options: LintOptions,
  ) {}

  /** Analyses `text`, the current text of the document (the `$ref`'d files are read again). */
  analyze(text: string): Promise<Analysis> {
    const next = this.queue.then(async () => {
      const analysis = await analyzeText(this.uri, text, this.read, this.options);
      this.latest = analysis;
      return analysis;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The diagnostics of `analysis`, or undefined when a newer analysis has replaced it. */
  check(analysis: Analysis): Diagnostic[] | undefined {
    if (analysis !== this.latest) return undefined;
    return validate(analysis.set, analysis.model);
  }
}
