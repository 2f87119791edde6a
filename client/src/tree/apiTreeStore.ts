import { EventEmitter, type Disposable, type Event } from 'vscode';
import type { ApiTree } from '../../../core/src/model/apiTree';
import { apiNode, type ApiNode } from './treeNodes';

/** Asks the language server for the trees of some files (the `apigw/apiTree` request). */
export type FetchTrees = (uris: string[]) => Promise<ApiTree[]>;
export type FindCandidates = () => Promise<string[]>;

/** Quiet time after the last edit before the tree is asked for again. */
const EDIT_DEBOUNCE_MS = 300;

/**
 * The API trees of the workspace, kept current: a full scan finds the definitions, and a
 * change to one file re-asks for that file and for every definition that `$ref`s it.
 */
export class ApiTreeStore implements Disposable {
  private readonly apis = new Map<string, ApiNode>();
  private readonly changed = new EventEmitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;
  private readonly dirty = new Set<string>();
  private fullScanWanted = false;
  private timer: NodeJS.Timeout | undefined;
  /** Settles when no refresh is queued or running: what tests and "reveal" wait for. */
  private idle: Promise<void> = Promise.resolve();
  private running = false;
  /** Resolves `idle`; set while work is queued or running. */
  private settle: (() => void) | undefined;

  constructor(
    private readonly fetch: FetchTrees,
    private readonly candidates: FindCandidates,
    private readonly log: (message: string) => void,
  ) {}

  get all(): ApiNode[] {
    return [...this.apis.values()].sort((a, b) => a.tree.name.localeCompare(b.tree.name) || a.tree.uri.localeCompare(b.tree.uri));
  }

  get(uri: string): ApiNode | undefined {
    return this.apis.get(uri);
  }

  /** Finds every definition again (start-up, files created or deleted, settings changed). */
  scanAll(): Promise<void> {
    this.fullScanWanted = true;
    return this.queue(0);
  }

  /** `uri` changed (edited, saved, or changed on disk): refresh it and what depends on it. */
  fileChanged(uri: string, delay = EDIT_DEBOUNCE_MS): Promise<void> {
    this.dirty.add(uri);
    for (const api of this.apis.values()) if (api.tree.files.includes(uri)) this.dirty.add(api.tree.uri);
    return this.queue(delay);
  }

  fileDeleted(uri: string): void {
    if (this.apis.delete(uri)) this.changed.fire();
    void this.fileChanged(uri, 0);
  }

  /** Resolves once every change reported so far is reflected in the tree. */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  private queue(delay: number): Promise<void> {
    clearTimeout(this.timer);
    if (!this.settle) {
      this.idle = new Promise<void>((resolve) => {
        this.settle = resolve;
      });
    }
    this.timer = setTimeout(() => void this.flush(), delay);
    return this.idle;
  }

  private async flush(): Promise<void> {
    if (this.running) return; // the running flush picks the new work up when it ends
    this.running = true;
    try {
      while (this.fullScanWanted || this.dirty.size > 0) {
        const full = this.fullScanWanted;
        this.fullScanWanted = false;
        const uris = full ? [...new Set([...(await this.candidates()), ...this.dirty])] : [...this.dirty];
        this.dirty.clear();
        await this.apply(uris, full);
      }
    } catch (err) {
      this.log(`API tree: refresh failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.running = false;
      // Work queued meanwhile has its own timer, which keeps `idle` pending until it is done.
      if (this.fullScanWanted || this.dirty.size > 0) this.timer = setTimeout(() => void this.flush(), 0);
      else {
        this.settle?.();
        this.settle = undefined;
      }
    }
  }

  private async apply(uris: string[], full: boolean): Promise<void> {
    const trees = await this.fetch(uris);
    const answered = new Set(trees.map((t) => t.uri));
    if (full) {
      for (const uri of [...this.apis.keys()]) if (!answered.has(uri)) this.apis.delete(uri);
    } else {
      for (const uri of uris) if (!answered.has(uri)) this.apis.delete(uri);
    }
    for (const tree of trees) this.apis.set(tree.uri, apiNode(tree));
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}
