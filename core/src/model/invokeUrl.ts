import type { ApiKind } from '../catalog/types';

/**
 * The stage `apigw mock` serves when none is named: `dev` for a REST API, the `$default`
 * stage (no stage segment in URLs) for an HTTP API.
 */
export function defaultLocalStage(kind: ApiKind): string {
  return kind === 'HTTP' ? '$default' : 'dev';
}

/**
 * The URL that invokes `path` on a stage, formed as API Gateway forms invoke URLs: the stage
 * is the first path segment, except an HTTP API's `$default` stage, which has none. Path
 * parameters stay as written (`{id}`) for the caller to fill in.
 */
export function invokeUrl(base: string, stage: string, kind: ApiKind, path: string): string {
  const root = base.replace(/\/+$/, '');
  const prefix = kind === 'HTTP' && stage === '$default' ? '' : `/${encodeURIComponent(stage)}`;
  return `${root}${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}
