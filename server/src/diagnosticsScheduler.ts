import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { looksLikeOpenApi, type Analysis, type LintResult } from '../../core/src/lint';
import { LintSession } from '../../core/src/lintSession';
import { isRemote } from '../../core/src/document/documentSet';
import type { LineIndex } from '../../core/src/document/lineIndex';
import { DEFAULT_MAX_FILE_BYTES } from '../../core/src/document/readLimits';
import { globToRegExp } from '../../core/src/glob';
import type { Diagnostic } from '../../core/src/validate/diagnostic';
import type { Settings } from './settings';

export interface SchedulerHost {
  /** Text of an open document (the editor's buffer wins over the disk). */
  openText(uri: string): string | undefined;
  /** The line index of an open document's text, which the document keeps from version to version. */
  openLines(uri: string): LineIndex | undefined;
  openVersion(uri: string): number | undefined;
  settings(): Promise<Settings>;
  publish(uri: string, diagnostics: Diagnostic[], version: number | undefined): void;
  log(message: string): void;
}

/**
 * Longest quiet time after the last keystroke before a document is checked again. A
 * document whose last check of an edit took less waits only that long: at most half of the
 * checking work is then spent on versions that a next keystroke makes stale, and an edit
 * that is checked incrementally in tens of milliseconds shows its diagnostics in about twice
 * that. The check on opening (or after new settings) reads everything and says nothing about
 * what checking an edit costs, so the first edit after it is checked at once.
 */
const DEBOUNCE_MS = 150;

/**
 * Decides when each open API definition is checked and where the results go. Runs are
 * debounced per document; a run whose document changed meanwhile is dropped (stale);
 * diagnostics found in `$ref`'d files are published on those files, and editing such a
 * file re-checks every open definition that uses it. A run analyses first (parse, model),
 * which is all language features wait for, and runs the rules after.
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  /** Per entry document: its diagnostics by file. */
  private readonly results = new Map<string, Map<string, Diagnostic[]>>();
  /** The latest analysis of each open definition, for language features to read (one parse per version). */
  private readonly analyses = new Map<string, { version: number | undefined; analysis: Analysis }>();
  /** The analysis being computed for each definition, which a language feature may await instead of starting another. */
  private readonly inFlight = new Map<string, { version: number | undefined; analysis: Promise<Analysis> }>();
  /** The latest checked version of each definition, with its diagnostics. */
  private readonly checkedResults = new Map<string, { version: number | undefined; result: LintResult }>();
  private readonly checkWaiters = new Map<string, Array<() => void>>();
  /** Runs under way per definition, between their start and their publication or drop. */
  private readonly running = new Map<string, number>();
  private readonly sessions = new Map<string, LintSession>();
  /** How long the last check of an edit of each definition took, from its start to its publication. */
  private readonly lastEditRunMs = new Map<string, number>();
  private settings: Settings = { apiKind: 'auto', allowRemoteRefs: false, files: [], maxFileSizeMB: DEFAULT_MAX_FILE_BYTES / 1024 / 1024, allowRefsOutsideWorkspace: false };
  /** Paths of the workspace folders; none when the editor opened files alone. */
  private workspaceFolders: string[] = [];
  private fileGlobs: RegExp[] = [];

  constructor(private readonly host: SchedulerHost) {}

  configure(settings: Settings): void {
    this.settings = settings;
    this.fileGlobs = settings.files.map(globToRegExp);
    // Sessions and analyses were made under the old settings (API kind, remote refs).
    this.sessions.clear();
    this.analyses.clear();
    this.checkedResults.clear();
  }

  /** Re-reads the settings and, when ours changed, re-checks every document that has results. */
  refreshAll(): void {
    void this.host.settings().then(
      (s) => {
        // A client tells of a change to any setting of any extension; dropping the sessions
        // for nothing would make the next edit of every open definition a full check (and
        // an answer that arrives while a document is first checked would do so at once).
        if (sameSettings(s, this.settings)) return;
        this.configure(s);
        for (const uri of this.results.keys()) this.schedule(uri, 0);
      },
      (err: unknown) => this.host.log(`apigw: cannot read settings: ${String(err)}`),
    );
  }

  /** Checks `uri` (and the open definitions that use it) after `delay`, or after the debounce time. */
  schedule(uri: string, delay?: number): void {
    const targets = new Set([uri]);
    for (const [entry, byFile] of this.results) if (byFile.has(uri)) targets.add(entry);
    for (const target of targets) {
      const wait = delay ?? Math.min(DEBOUNCE_MS, this.lastEditRunMs.get(target) ?? 0);
      clearTimeout(this.timers.get(target));
      const gen = (this.generation.get(target) ?? 0) + 1;
      this.generation.set(target, gen);
      this.timers.set(
        target,
        setTimeout(() => {
          this.timers.delete(target);
          this.start(target, gen);
        }, wait),
      );
    }
  }

  private start(uri: string, gen: number): void {
    this.running.set(uri, (this.running.get(uri) ?? 0) + 1);
    this.run(uri, gen)
      .catch((err: unknown) => this.host.log(`apigw: checking ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`))
      .finally(() => {
        const left = (this.running.get(uri) ?? 1) - 1;
        if (left > 0) this.running.set(uri, left);
        else this.running.delete(uri);
        this.wakeCheckWaiters(uri);
      });
  }

  /**
   * The analysis (document set, model) of the open document's current version, without
   * waiting for the rules: a version still in its debounce is analysed now, by the run that
   * then checks it. For a file that is only `$ref`'d by open definitions: the analysis of one
   * of those.
   */
  async analysis(uri: string): Promise<Analysis | undefined> {
    const text = this.host.openText(uri);
    if (text === undefined) return undefined;
    const version = this.host.openVersion(uri);
    const cached = this.analyses.get(uri);
    if (cached && cached.version === version) return cached.analysis;
    if (!this.isDefinition(uri, text)) {
      for (const { analysis } of this.analyses.values()) if (analysis.set.file(uri)) return analysis;
      return undefined;
    }
    let flight = this.inFlight.get(uri);
    if (!flight || flight.version !== version) {
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      const gen = (this.generation.get(uri) ?? 0) + 1;
      this.generation.set(uri, gen);
      this.start(uri, gen);
      flight = this.inFlight.get(uri);
    }
    return flight?.analysis;
  }

  /** The analysis and diagnostics of an open definition's current version, once its rules have run. */
  async checked(uri: string): Promise<LintResult | undefined> {
    for (;;) {
      const analysis = await this.analysis(uri);
      if (!analysis || analysis.set.entry.uri !== uri) return undefined;
      const done = this.checkedResults.get(uri);
      if (done && done.version === this.host.openVersion(uri) && done.result.set === analysis.set) return done.result;
      // A run that failed leaves nothing to wait for.
      if (!this.running.has(uri) && !this.timers.has(uri)) return undefined;
      await new Promise<void>((resolve) => this.checkWaiters.set(uri, [...(this.checkWaiters.get(uri) ?? []), resolve]));
    }
  }

  private wakeCheckWaiters(uri: string): void {
    const waiters = this.checkWaiters.get(uri) ?? [];
    this.checkWaiters.delete(uri);
    for (const wake of waiters) wake();
  }

  close(uri: string): void {
    this.analyses.delete(uri);
    this.inFlight.delete(uri);
    this.checkedResults.delete(uri);
    this.sessions.delete(uri);
    this.lastEditRunMs.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
    const previous = this.results.get(uri);
    this.results.delete(uri);
    this.republish(new Set(previous?.keys() ?? [uri]));
    // Open definitions that use the closed file now read it from disk.
    for (const [entry, byFile] of this.results) if (byFile.has(uri)) this.schedule(entry, 0);
  }

  private isDefinition(uri: string, text: string): boolean {
    if (looksLikeOpenApi(text)) return true;
    if (this.fileGlobs.length === 0 || !uri.startsWith('file:')) return false;
    const path = fileURLToPath(uri).split('\\').join('/');
    return this.fileGlobs.some((g) => g.test(path));
  }

  /** The folders whose files `$ref`s may read (file: URIs; others are ignored). */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    // A $ref refused as outside the workspace may be inside it now, or the other way round.
    this.configure(this.settings);
    for (const uri of this.results.keys()) this.schedule(uri, 0);
  }

  /**
   * Whether `file` is in a workspace folder or, with no folder open, beside or below the
   * definition: a definition from a cloned repository must not make the server read the
   * user's other files (keys, credentials) into diagnostics and hovers. Paths are compared
   * once links are resolved, so a link inside the workspace cannot lead out of it; a file
   * that does not exist (yet) is judged by its path, and reading it finds nothing.
   */
  private async inWorkspace(file: string, entryUri: string): Promise<boolean> {
    const roots = this.workspaceFolders.length > 0 ? this.workspaceFolders : entryUri.startsWith('file:') ? [path.dirname(fileURLToPath(entryUri))] : [];
    const real = await fs.realpath(file).catch(() => undefined);
    for (const root of roots) {
      if (real === undefined ? isWithin(root, file) : isWithin(await fs.realpath(root).catch(() => root), real)) return true;
    }
    return false;
  }

  /** Reads a file a `$ref` of the definition `entryUri` names: the open buffer, else the URL or the disk. */
  readonly read = async (uri: string, entryUri: string): Promise<string | undefined> => {
    const open = this.host.openText(uri);
    if (open !== undefined) return open;
    if (isRemote(uri)) {
      if (!this.settings.allowRemoteRefs) return undefined;
      const res = await fetch(uri, { signal: AbortSignal.timeout(10_000) });
      return res.ok ? await res.text() : undefined;
    }
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    if (!this.settings.allowRefsOutsideWorkspace && !(await this.inWorkspace(file, entryUri))) {
      throw new Error(`${file} is outside the workspace, so it is not read: add its folder to the workspace, or turn on the setting apigw.allowRefsOutsideWorkspace`);
    }
    try {
      const stat = await fs.stat(file);
      // A device or a pipe (/dev/zero) would be read for ever.
      if (!stat.isFile()) throw new Error(`${path.basename(file)} is not a regular file`);
      const limit = this.settings.maxFileSizeMB * 1024 * 1024;
      if (stat.size > limit) throw new Error(`the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, more than the ${this.settings.maxFileSizeMB} MB apigw reads (setting apigw.maxFileSizeMB)`);
      return await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  };

  private async run(uri: string, gen: number): Promise<void> {
    const text = this.host.openText(uri);
    if (text === undefined) return;
    const version = this.host.openVersion(uri);
    if (!this.isDefinition(uri, text)) {
      this.analyses.delete(uri);
      this.sessions.delete(uri);
      const previous = this.results.get(uri);
      if (previous) {
        this.results.delete(uri);
        this.republish(new Set(previous.keys()));
      }
      return;
    }
    let session = this.sessions.get(uri);
    const opening = !session;
    if (!session) {
      session = new LintSession(uri, (target) => this.read(target, uri), {
        apiKind: this.settings.apiKind,
        allowRemoteRefs: this.settings.allowRemoteRefs,
        maxFileBytes: this.settings.maxFileSizeMB * 1024 * 1024,
      });
      this.sessions.set(uri, session);
    }
    const started = performance.now();
    const lines = this.host.openLines(uri);
    const pending = session.analyze(text, lines?.text === text ? lines : undefined);
    this.inFlight.set(uri, { version, analysis: pending });
    let analysis: Analysis;
    try {
      analysis = await pending;
    } finally {
      if (this.inFlight.get(uri)?.analysis === pending) this.inFlight.delete(uri);
    }
    const stale = () => this.generation.get(uri) !== gen || this.host.openVersion(uri) !== version; // a newer run is on its way
    if (stale()) return;
    this.analyses.set(uri, { version, analysis });
    // Language features waiting for this analysis answer before the rules take the thread.
    await new Promise((resolve) => setImmediate(resolve));
    if (stale()) return;
    const diagnostics = session.check(analysis);
    if (diagnostics === undefined) return;
    const result = { ...analysis, diagnostics };
    if (!opening) this.lastEditRunMs.set(uri, performance.now() - started);
    this.checkedResults.set(uri, { version, result });
    const byFile = new Map<string, Diagnostic[]>();
    for (const file of result.set.files) byFile.set(file.uri, []);
    for (const d of result.diagnostics) {
      const list = byFile.get(d.uri) ?? [];
      list.push(d);
      byFile.set(d.uri, list);
    }
    const touched = new Set([...(this.results.get(uri)?.keys() ?? []), ...byFile.keys()]);
    this.results.set(uri, byFile);
    this.republish(touched);
  }

  /** Publishes, for each file, the union of what every open definition found in it. */
  private republish(uris: Set<string>): void {
    for (const uri of uris) {
      const seen = new Set<string>();
      const merged: Diagnostic[] = [];
      for (const byFile of this.results.values()) {
        for (const d of byFile.get(uri) ?? []) {
          const key = `${d.code}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
          if (!seen.has(key)) {
            seen.add(key);
            merged.push(d);
          }
        }
      }
      this.host.publish(uri, merged, this.host.openVersion(uri));
    }
  }
}

function sameSettings(a: Settings, b: Settings): boolean {
  return (
    a.apiKind === b.apiKind &&
    a.allowRemoteRefs === b.allowRemoteRefs &&
    a.maxFileSizeMB === b.maxFileSizeMB &&
    a.allowRefsOutsideWorkspace === b.allowRefsOutsideWorkspace &&
    a.files.length === b.files.length &&
    a.files.every((glob, i) => glob === b.files[i])
  );
}

function isWithin(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
