import { collectRefs, type DocumentSet, type LoadedFile } from '../document/documentSet';
import { pointerOf, splitPointer } from '../document/pointer';
import type { StringNode } from '../document/types';

/*
 * A file reached through `$ref` (a path item in `paths/orders.yaml`, say) has no place of
 * its own in the API: it stands where the `$ref` that brings it in is written. Language
 * features map a path in such a file back to that place in the entry document, so that an
 * operation written in another file still gets operation completions.
 */

const refsBySet = new WeakMap<DocumentSet, Array<{ file: LoadedFile; ref: StringNode }>>();

function allRefs(set: DocumentSet): Array<{ file: LoadedFile; ref: StringNode }> {
  let refs = refsBySet.get(set);
  if (!refs) {
    refs = set.files.flatMap((file) => collectRefs(file.parsed.root).map((ref) => ({ file, ref })));
    refsBySet.set(set, refs);
  }
  return refs;
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/** The path in the entry document that `path` in `file` stands for; undefined when no `$ref` leads there. */
export function entryPathOf(set: DocumentSet, file: LoadedFile, path: readonly string[], depth = 0): string[] | undefined {
  if (file === set.entry) return [...path];
  if (depth > 8) return undefined;
  for (const { file: from, ref } of allRefs(set)) {
    const target = set.resolve(from, ref.value);
    if (!('node' in target) || target.file !== file) continue;
    const targetPath = splitPointer(pointerOf(target.node));
    if (!startsWith(path, targetPath)) continue;
    const holder = splitPointer(pointerOf(ref)).slice(0, -1);
    const mapped = entryPathOf(set, from, [...holder, ...path.slice(targetPath.length)], depth + 1);
    if (mapped) return mapped;
  }
  return undefined;
}
