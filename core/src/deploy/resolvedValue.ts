import { refOf, type DocumentSet, type LoadedFile } from '../document/documentSet';
import { pointerOf } from '../document/pointer';
import type { ValueNode } from '../document/types';
import { toValue } from '../document/value';

/**
 * `external`: inline what other files hold and keep the entry's own `#/...` references (what
 * API Gateway's import can read: it follows no file references). `all`: inline every
 * reference (what a comparison with an export needs); a recursive schema keeps its `$ref`.
 */
export type RefMode = 'external' | 'all';

const MAX_NODES = 2_000_000;

/** The entry document as plain JSON with `$ref`s inlined per `mode`. Throws on a reference cycle across files. */
export function resolvedValue(set: DocumentSet, mode: RefMode): unknown {
  let left = MAX_NODES;
  const onStack = new Set<ValueNode>();
  const localRef = (node: ValueNode) => ({ $ref: `#${pointerOf(node)}` });

  const convert = (node: ValueNode, file: LoadedFile): unknown => {
    if (--left < 0) throw new Error(`the definition expands to more than ${MAX_NODES} nodes`);
    const ref = refOf(node);
    if (ref) {
      const target = set.resolve(file, ref.value);
      if (!('node' in target)) return { $ref: ref.value };
      if (mode === 'external' && target.file === set.entry) return localRef(target.node);
      if (onStack.has(target.node)) {
        if (mode === 'external') throw new Error(`'${ref.value}' in ${file.uri.split('/').pop()} refers back to itself through other files, which cannot be inlined for the import; move the schema into the entry document`);
        return target.file === set.entry ? localRef(target.node) : { $ref: ref.value };
      }
      onStack.add(target.node);
      try {
        return convert(target.node, target.file);
      } finally {
        onStack.delete(target.node);
      }
    }
    if (node.kind === 'object') {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        const value = p.valueNode === undefined ? null : convert(p.valueNode, file);
        Object.defineProperty(out, p.keyNode.value, { value, writable: true, enumerable: true, configurable: true });
      }
      return out;
    }
    if (node.kind === 'array') return node.items.map((item) => convert(item, file));
    return toValue(node).value;
  };

  const root = set.entry.parsed.root;
  return root === undefined ? undefined : convert(root, set.entry);
}

