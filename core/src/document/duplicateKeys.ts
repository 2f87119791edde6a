import type { LineIndex } from './lineIndex';
import { DUPLICATE_KEY_CODE } from './problemCodes';
import type { KeyNode, ParseProblem, PropertyNode } from './types';

/** Below this many properties a linear scan beats building a Map for the mapping. */
const INDEX_THRESHOLD = 12;

/**
 * Reports a mapping key that repeats an earlier key of the same mapping. API Gateway
 * (like JSON.parse) keeps the last value, so the earlier one is silently lost.
 */
export class DuplicateKeyReporter {
  constructor(
    private readonly lines: Pick<LineIndex, 'positionAt'>,
    private readonly problems: ParseProblem[],
  ) {}

  /**
   * Checks the newest property of a mapping against the earlier ones: the mapping's
   * properties are `properties` from index `first` on (readers may collect several
   * mappings' properties in one array). Small mappings are scanned; from INDEX_THRESHOLD
   * properties on, the returned index (pass it back on the next call for the same mapping)
   * keeps large mappings linear.
   */
  check(
    properties: readonly PropertyNode[],
    first: number,
    index: Map<string, KeyNode> | undefined,
  ): Map<string, KeyNode> | undefined {
    const last = properties.length - 1;
    const key = properties[last].keyNode;
    if (index !== undefined) {
      const earlier = index.get(key.value);
      if (earlier === undefined) index.set(key.value, key);
      else this.report(earlier, key);
      return index;
    }
    for (let i = first; i < last; i++) {
      const earlier = properties[i].keyNode;
      if (earlier.value === key.value) {
        this.report(earlier, key);
        break;
      }
    }
    if (last + 1 - first < INDEX_THRESHOLD) return undefined;
    const built = new Map<string, KeyNode>();
    // Walk backwards so the first occurrence of each key is the one kept for messages.
    for (let i = last; i >= first; i--) built.set(properties[i].keyNode.value, properties[i].keyNode);
    return built;
  }

  private report(first: KeyNode, repeated: KeyNode): void {
    const line = this.lines.positionAt(first.offset).line + 1;
    this.problems.push({
      code: DUPLICATE_KEY_CODE,
      message: `Duplicate key "${repeated.value}": API Gateway keeps only the last value, so the one given first (line ${line}) is ignored.`,
      offset: repeated.offset,
      length: repeated.length,
      severity: 'warning',
    });
  }
}
