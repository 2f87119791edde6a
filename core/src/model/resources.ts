import type { Operation } from './apiModel';

/** One API Gateway resource: a path segment with its methods and child resources. */
export interface Resource {
  /** The segment as written (`users`, `{id}`, `{proxy+}`); '' for the root. */
  segment: string;
  /** The full resource path, `/` for the root. */
  path: string;
  children: Resource[];
  methods: Operation[];
}

/**
 * Nests operations by path segment the way API Gateway creates resources on import:
 * `/a/b` makes `/a` exist even when the document never lists it.
 */
export function buildResourceTree(operations: readonly Operation[]): Resource {
  const root: Resource = { segment: '', path: '/', children: [], methods: [] };
  const index = new Map<string, Resource>([['/', root]]);
  for (const op of operations) {
    let node = root;
    let path = '';
    for (const segment of op.path.split('/').filter((s) => s !== '')) {
      path += `/${segment}`;
      let child = index.get(path);
      if (!child) {
        child = { segment, path, children: [], methods: [] };
        index.set(path, child);
        node.children.push(child);
      }
      node = child;
    }
    node.methods.push(op);
  }
  return root;
}
