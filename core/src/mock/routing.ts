import type { MockApi, MockOperation } from './definition';
import type { RouteMatch } from './router';

export interface ResolvedRoute {
  /** The path below the stage. */
  path: string;
  /** Whether the request named the stage as the first path segment. */
  stageInPath: boolean;
  /** The matched resource or route; undefined when nothing matches. */
  match: RouteMatch<MockOperation> | undefined;
  /** The operation serving the method; undefined when the resource has none for it. */
  operation: MockOperation | undefined;
}

function matchPath(api: MockApi, method: string, path: string): Pick<ResolvedRoute, 'match' | 'operation'> {
  if (api.kind === 'HTTP') {
    // HTTP APIs route on method and path together: a route that lacks the method is skipped.
    const match = api.routes.match(path, (methods) => methods.has(method) || methods.has('ANY'));
    if (match) return { match, operation: match.methods.get(method) ?? match.methods.get('ANY') };
    if (api.defaultRoute) return { match: { template: '$default', methods: new Map(), params: {} }, operation: api.defaultRoute };
    return { match: undefined, operation: undefined };
  }
  // REST finds the resource first; a resource without the method answers 403 even if a greedy sibling has it.
  const match = api.routes.match(path, () => true);
  return { match, operation: match ? (match.methods.get(method) ?? match.methods.get('ANY')) : undefined };
}

/**
 * Finds what serves a request. API Gateway's own URL puts the stage first
 * (`/dev/books`), a custom domain does not (`/books`): both are accepted, the stage form
 * first. HTTP APIs on the `$default` stage have no stage segment.
 */
export function resolveRoute(api: MockApi, stage: string, method: string, rawPath: string): ResolvedRoute {
  const prefix = `/${stage}`;
  const staged = stage !== '$default' && (rawPath === prefix || rawPath.startsWith(`${prefix}/`));
  if (staged) {
    const path = rawPath.slice(prefix.length) || '/';
    const found = matchPath(api, method, path);
    if (found.match) return { path, stageInPath: true, ...found };
  }
  return { path: rawPath, stageInPath: false, ...matchPath(api, method, rawPath) };
}
