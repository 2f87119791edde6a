import type { AnyNode, KeyNode, ValueNode } from '../document/types';
import type { DocumentSet } from '../document/documentSet';
import { pointerOf } from '../document/pointer';
import type { ApiModel } from '../model/apiModel';
import type { Diagnostic, Severity } from './diagnostic';
import { ruleInfo, type RuleCode } from './ruleCatalog';

/** What every rule gets: the loaded files, the API model, and a way to report. */
export class ValidationContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly set: DocumentSet,
    readonly model: ApiModel,
  ) {}

  /**
   * Reports `message` on `node` (a key to underline the key, a value for the value).
   * `severity` overrides the rule's default, e.g. a check built on an unverified fact
   * reports a warning where it would otherwise say error; `link` replaces the rule's page
   * with a more precise one (the page of the extension at fault).
   */
  report(code: RuleCode, node: AnyNode | KeyNode, message: string, options: { severity?: Severity; link?: string } = {}): void {
    const info = ruleInfo(code);
    const file = this.set.fileOf(node);
    this.diagnostics.push({
      uri: file.uri,
      severity: options.severity ?? info.severity,
      code,
      message,
      pointer: pointerOf(node),
      range: file.parsed.lines.range(node.offset, node.length),
      link: options.link ?? info.page,
    });
  }

  /** Follows `$ref`s: the node a reader of the API sees here. */
  deref(node: ValueNode): ValueNode {
    return this.set.deref(node).node;
  }
}
