import { decodeComponent } from './request';
import { setEntry } from './lambda/records';

/** One resource: a node of the path trie. */
interface ResourceNode<T> {
  literals: Map<string, ResourceNode<T>>;
  param: { name: string; node: ResourceNode<T> } | undefined;
  greedy: { name: string; node: ResourceNode<T> } | undefined;
  /** Method (`GET`, ..., `ANY`) to what serves it. */
  methods: Map<string, T>;
  /** The path template as written, e.g. `/books/{id}`. */
  template: string;
}

export interface RouteMatch<T> {
  /** The resource's path template. */
  template: string;
  methods: ReadonlyMap<string, T>;
  /** Decoded path parameters; a greedy parameter holds the rest of the path. */
  params: Record<string, string>;
}

function newNode<T>(template: string): ResourceNode<T> {
  return { literals: new Map(), param: undefined, greedy: undefined, methods: new Map(), template };
}

/**
 * The API's resources as a trie of path segments, so that finding a route costs the depth
 * of the path, not the number of paths. At each level a literal segment is tried before a
 * `{param}`, and a `{param}` before a greedy `{proxy+}`, backtracking when a branch dead-ends.
 */
export class RouteTrie<T> {
  private readonly root: ResourceNode<T> = newNode('/');

  add(template: string, method: string, value: T): void {
    let node = this.root;
    let path = '';
    for (const segment of template.split('/')) {
      if (segment === '') continue;
      path += `/${segment}`;
      const braced = /^\{(.+)\}$/.exec(segment);
      if (braced && braced[1].endsWith('+')) {
        node.greedy ??= { name: braced[1].slice(0, -1), node: newNode(path) };
        node = node.greedy.node;
      } else if (braced) {
        node.param ??= { name: braced[1], node: newNode(path) };
        node = node.param.node;
      } else {
        let next = node.literals.get(segment);
        if (!next) {
          next = newNode(path);
          node.literals.set(segment, next);
        }
        node = next;
      }
    }
    node.methods.set(method, value);
  }

  /**
   * The most specific resource for `rawPath` that `accept` takes. REST accepts any resource
   * (the method is looked up afterwards); HTTP APIs accept only routes that serve the method.
   */
  match(rawPath: string, accept: (methods: ReadonlyMap<string, T>) => boolean): RouteMatch<T> | undefined {
    const segments = rawPath.split('/').filter((s, i, all) => s !== '' || (i > 0 && i < all.length - 1));
    const decoded = segments.map(decodeComponent);
    const params: Array<[string, string]> = [];
    const found = this.walk(this.root, decoded, 0, params, accept);
    if (!found) return undefined;
    const out: Record<string, string> = {};
    for (const [name, value] of params) setEntry(out, name, value);
    return { template: found.template, methods: found.methods, params: out };
  }

  private walk(
    node: ResourceNode<T>,
    segments: readonly string[],
    index: number,
    params: Array<[string, string]>,
    accept: (methods: ReadonlyMap<string, T>) => boolean,
  ): ResourceNode<T> | undefined {
    if (index === segments.length) return accept(node.methods) ? node : undefined;
    const segment = segments[index];
    const literal = node.literals.get(segment);
    if (literal) {
      const found = this.walk(literal, segments, index + 1, params, accept);
      if (found) return found;
    }
    if (node.param && segment !== '') {
      params.push([node.param.name, segment]);
      const found = this.walk(node.param.node, segments, index + 1, params, accept);
      if (found) return found;
      params.pop();
    }
    if (node.greedy && accept(node.greedy.node.methods)) {
      params.push([node.greedy.name, segments.slice(index).join('/')]);
      return node.greedy.node;
    }
    return undefined;
  }
}
