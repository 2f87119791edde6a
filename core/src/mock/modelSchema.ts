import { refOf, type DocumentSet } from '../document/documentSet';
import type { ValueNode } from '../document/types';
import { setEntry } from './lambda/records';

/**
 * A schema of the definition as one self-contained JSON Schema draft 4 document, the way
 * API Gateway turns it into a model on import: every `$ref` (local or in another file) is
 * gathered under `definitions` once, so recursive models stay finite.
 */
export function exportSchema(node: ValueNode, set: DocumentSet): Record<string, unknown> {
  const names = new Map<ValueNode, string>();
  const models: Record<string, unknown> = {};
  const convert = (n: ValueNode): unknown => {
    if (n.kind === 'array') return n.items.map(convert);
    if (n.kind === 'null') return null;
    if (n.kind !== 'object') return n.value;
    const ref = refOf(n);
    if (ref) {
      const target = set.resolve(set.fileOf(n), ref.value);
      // A broken reference is a lint finding of its own; here it constrains nothing.
      if (!('node' in target)) return {};
      let name = names.get(target.node);
      if (name === undefined) {
        name = `apigwModel${names.size}`;
        names.set(target.node, name);
        models[name] = convert(target.node);
      }
      return { $ref: `#/definitions/${name}` };
    }
    const out: Record<string, unknown> = {};
    for (const p of n.properties) if (p.valueNode) setEntry(out, p.keyNode.value, convert(p.valueNode));
    return out;
  };
  const converted = convert(node);
  const root = typeof converted === 'object' && converted !== null && !Array.isArray(converted) ? (converted as Record<string, unknown>) : {};
  // A root that is only a reference would hide its siblings from draft 4 validators: inline it.
  const onlyRef = typeof root.$ref === 'string' && Object.keys(root).length === 1 ? (root.$ref as string).slice('#/definitions/'.length) : undefined;
  const body = onlyRef !== undefined ? { ...(models[onlyRef] as Record<string, unknown>) } : root;
  if (names.size > 0) {
    const own = body.definitions;
    body.definitions = { ...(typeof own === 'object' && own !== null ? own : {}), ...models };
  }
  return body;
}
