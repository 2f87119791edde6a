import type { AnyNode, KeyNode, ObjectNode, PropertyNode, ValueNode } from '../document/types';
import type { DocumentSet } from '../document/documentSet';
import { getProperty, pointerOf } from '../document/pointer';
import type { ApiModel, Operation } from '../model/apiModel';
import type { Diagnostic, Severity } from './diagnostic';
import { ruleInfo, type RuleCode } from './ruleCatalog';

/** Where a diagnostic stands and which `paths` entry it came from (undefined: the rest of the document). */
export interface Origin {
  node: AnyNode | KeyNode;
  entry: PropertyNode | undefined;
}

/**
 * What every rule gets: the loaded files, the API model, and a way to report. With a
 * `scope`, only the checks of those `paths` entries run (after an edit inside them): rules
 * walk operations and entries through forEachOperation and forEachPathEntry, and leave out
 * their document-wide checks when `whole` is false.
 */
export class ValidationContext {
  readonly diagnostics: Diagnostic[] = [];
  /** The origin of each reported diagnostic, so that a later run can replace one entry's findings only. */
  readonly origins = new Map<Diagnostic, Origin>();
  private readonly paths: ObjectNode | undefined;
  /** The entry whose checks are running, which owns what they report wherever it stands. */
  private entry: PropertyNode | undefined;

  constructor(
    readonly set: DocumentSet,
    readonly model: ApiModel,
    private readonly scope?: ReadonlySet<PropertyNode>,
  ) {
    const paths = model.root && getProperty(model.root, 'paths')?.valueNode;
    this.paths = paths?.kind === 'object' ? paths : undefined;
  }

  /** Whether the document-wide checks run too, not only those of the entries in scope. */
  get whole(): boolean {
    return this.scope === undefined;
  }

  /**
   * Reports `message` on `node` (a key to underline the key, a value for the value).
   * `severity` overrides the rule's default, e.g. a check built on an unverified fact
   * reports a warning where it would otherwise say error; `link` replaces the rule's page
   * with a more precise one (the page of the extension at fault).
   */
  report(code: RuleCode, node: AnyNode | KeyNode, message: string, options: { severity?: Severity; link?: string } = {}): void {
    const info = ruleInfo(code);
    const file = this.set.fileOf(node);
    const diagnostic: Diagnostic = {
      uri: file.uri,
      severity: options.severity ?? info.severity,
      code,
      message,
      pointer: pointerOf(node),
      range: file.parsed.lines.range(node.offset, node.length),
      link: options.link ?? info.page,
    };
    this.diagnostics.push(diagnostic);
    this.origins.set(diagnostic, { node, entry: this.entry ?? this.entryAt(node) });
  }

  /** Follows `$ref`s: the node a reader of the API sees here. */
  deref(node: ValueNode): ValueNode {
    return this.set.deref(node).node;
  }

  /** Runs `check` on each operation in scope; what it reports belongs to the operation's `paths` entry. */
  forEachOperation(check: (op: Operation) => void): void {
    for (const op of this.model.operations) {
      const entry = op.pathKey.parent;
      if (this.scope === undefined || this.scope.has(entry)) this.within(entry, () => check(op));
    }
  }

  /** Runs `check` on each `paths` entry in scope; what it reports belongs to that entry. */
  forEachPathEntry(check: (entry: PropertyNode) => void): void {
    for (const entry of this.paths?.properties ?? []) {
      if (this.scope === undefined || this.scope.has(entry)) this.within(entry, () => check(entry));
    }
  }

  private within(entry: PropertyNode, check: () => void): void {
    const outer = this.entry;
    this.entry = entry;
    try {
      check();
    } finally {
      this.entry = outer;
    }
  }

  /** The `paths` entry that holds `node`, if any. */
  private entryAt(node: AnyNode | KeyNode): PropertyNode | undefined {
    for (let n: AnyNode | KeyNode | undefined = node; n !== undefined; n = n.parent) {
      if (n.kind === 'property' && n.parent === this.paths) return n;
    }
    return undefined;
  }
}
