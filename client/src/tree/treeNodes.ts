import type { ApiTree, ApiTreeMethod, ApiTreeResource, SourceLocation } from '../../../core/src/model/apiTree';

export interface ApiNode {
  readonly type: 'api';
  readonly id: string;
  readonly tree: ApiTree;
  readonly parent: undefined;
  readonly children: ResourceNode[];
}

export interface ResourceNode {
  readonly type: 'resource';
  readonly id: string;
  readonly api: ApiNode;
  readonly parent: ApiNode | ResourceNode;
  readonly resource: ApiTreeResource;
  readonly children: Array<ResourceNode | MethodNode>;
}

export interface MethodNode {
  readonly type: 'method';
  readonly id: string;
  readonly api: ApiNode;
  readonly parent: ResourceNode;
  readonly method: ApiTreeMethod;
  readonly children: [];
}

export type TreeNode = ApiNode | ResourceNode | MethodNode;

/** Where a node is written: what "reveal definition" opens. */
export function locationOf(node: TreeNode): SourceLocation | undefined {
  switch (node.type) {
    case 'api':
      return node.tree.location;
    case 'resource':
      return node.resource.location;
    case 'method':
      return node.method.location;
  }
}

function resourceNode(api: ApiNode, parent: ApiNode | ResourceNode, resource: ApiTreeResource): ResourceNode {
  const id = `${api.id}#${resource.path}`;
  const node: ResourceNode = { type: 'resource', id, api, parent, resource, children: [] };
  // Methods first, as the API Gateway console lists them, then the resources below.
  for (const method of resource.methods) node.children.push({ type: 'method', id: `${id}#${method.method}`, api, parent: node, method, children: [] });
  for (const child of resource.children) node.children.push(resourceNode(api, node, child));
  return node;
}

/** Wraps a server tree into nodes with parent links and ids that stay stable across refreshes. */
export function apiNode(tree: ApiTree): ApiNode {
  const node: ApiNode = { type: 'api', id: tree.uri, tree, parent: undefined, children: [] };
  node.children.push(resourceNode(node, node, tree.root));
  return node;
}

function* walk(node: TreeNode): Generator<TreeNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

function contains(span: SourceLocation, uri: string, line: number, character: number): boolean {
  const { start, end } = span.range;
  if (span.uri !== uri || line < start.line || line > end.line) return false;
  return (line > start.line || character >= start.character) && (line < end.line || character <= end.character);
}

function spanLines(span: SourceLocation): number {
  return span.range.end.line - span.range.start.line;
}

/** The innermost method or resource written around a position, else the API of that file. */
export function nodeAt(apis: readonly ApiNode[], uri: string, line: number, character: number): TreeNode | undefined {
  let best: { node: TreeNode; size: number } | undefined;
  for (const api of apis) {
    for (const node of walk(api)) {
      const span = node.type === 'method' ? node.method.span : node.type === 'resource' ? node.resource.span : undefined;
      if (!span || !contains(span, uri, line, character)) continue;
      const size = spanLines(span);
      if (!best || size < best.size || (size === best.size && node.type === 'method')) best = { node, size };
    }
  }
  return best?.node ?? apis.find((api) => api.tree.uri === uri);
}
