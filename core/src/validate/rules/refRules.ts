import type { ValidationContext } from '../context';
import type { StringNode } from '../../document/types';
import { collectRefs } from '../../document/documentSet';

/** Keys under which a `$ref` names a model (a JSON schema). */
const SCHEMA_CONTEXT = new Set(['schema', 'schemas', 'definitions']);

/** The references written in the `paths` entries in scope. */
function entryRefs(ctx: ValidationContext): StringNode[] {
  const refs: StringNode[] = [];
  ctx.forEachPathEntry((entry) => refs.push(...collectRefs(entry.valueNode)));
  return refs;
}

function inSchema(ref: StringNode): boolean {
  for (let n = ref.parent?.parent; n; n = n.parent) {
    if (n.kind === 'property' && SCHEMA_CONTEXT.has(n.keyNode.value)) return true;
  }
  return false;
}

/**
 * Every `$ref`, in every loaded file, must reach a node. A REST import carries on past a
 * missing model (it only warns), so a broken `$ref` inside a schema is a warning; anywhere
 * else the import has nothing to build from.
 */
export function checkRefs(ctx: ValidationContext): void {
  const refs = ctx.whole ? ctx.set.files.map((file) => ({ file, refs: ctx.set.refsIn(file) })) : [{ file: ctx.set.entry, refs: entryRefs(ctx) }];
  // A file pulled in as a schema (components/schemas: {$ref: schemas.yaml}) holds models throughout.
  const schemaFiles = new Set<string>();
  for (const { file, refs: list } of refs) {
    for (const ref of list.filter(inSchema)) {
      const target = ctx.set.resolve(file, ref.value);
      if ('node' in target && target.file !== file) schemaFiles.add(target.file.uri);
    }
  }
  for (const { file, refs: list } of refs) {
    for (const ref of list) {
      const target = ctx.set.resolve(file, ref.value);
      if ('node' in target) continue;
      const model = target.code === 'apigw.ref.unresolved' && (schemaFiles.has(file.uri) || inSchema(ref));
      ctx.report(target.code, ref, model ? `${target.message} API Gateway imports the API without this model and warns.` : target.message, model ? { severity: 'warning' } : {});
    }
  }
}
