import type { ApiKind } from '../catalog/types';
import type { StageConfig } from '../config/apigwConfig';
import { QUOTAS } from '../catalog/quotas';
import { addNote, logEvent, type Exchange } from './exchange';
import { isGatewayError, type GatewayError } from './gatewayResponses';
import { methodRequestValue } from './parameterMapping';
import type { MockResponse } from './response';
import { methodSettingsFor, ownMethodSettings } from './stage';

/** The response header that says whether the stage cache answered. */
const CACHE_HEADER = 'x-apigw-mock-cache';

interface CachePolicy {
  key: string;
  ttlSeconds: number;
  requireAuthorization: boolean;
  unauthorizedStrategy: 'FAIL_WITH_403' | 'SUCCEED_WITH_RESPONSE_HEADER' | 'SUCCEED_WITHOUT_RESPONSE_HEADER';
}

/**
 * Whether the stage cache serves this method, and under which key. The stage needs a cache
 * (`cacheClusterEnabled`); then a method's own `cachingEnabled` decides, and without one the
 * stage-wide setting applies to GET methods only, as API Gateway enables caching for GET alone.
 */
function cachePolicy(exchange: Exchange): CachePolicy | undefined {
  const { operation: op, settings, api } = exchange;
  const stage = settings.stageConfig;
  if (!op || api.kind !== 'REST' || stage?.cacheClusterEnabled !== true) return undefined;
  const own = ownMethodSettings(stage, op.resourcePath, op.method);
  const stageWide = stage.methodSettings['*/*'];
  const enabled = own?.cachingEnabled ?? (op.method === 'GET' ? (stageWide?.cachingEnabled ?? true) : false);
  const merged = methodSettingsFor(stage, op.resourcePath, op.method);
  const ttlSeconds = merged.cacheTtlInSeconds ?? QUOTAS.cacheTtlSeconds.default;
  if (!enabled || ttlSeconds <= 0) return undefined;
  const integration = op.integration;
  const parts = [integration?.cacheNamespace ?? op.resourceId, op.method, op.resourcePath];
  for (const parameter of integration?.cacheKeyParameters ?? []) parts.push(`${parameter}=${methodRequestValue(exchange, parameter) ?? ''}`);
  return {
    key: parts.join('\u0000'),
    ttlSeconds,
    requireAuthorization: merged.requireAuthorizationForCacheControl ?? true,
    unauthorizedStrategy: merged.unauthorizedCacheControlHeaderStrategy ?? 'SUCCEED_WITH_RESPONSE_HEADER',
  };
}

/** Path parameters left out of the cache key: every value of them shares one entry. */
function pathParametersLeftOut(exchange: Exchange): string[] {
  const op = exchange.operation;
  const keyed = new Set(op?.integration?.cacheKeyParameters ?? []);
  return [...(op?.resourcePath ?? '').matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]).filter((name) => !keyed.has(`method.request.path.${name}`));
}

function wantsInvalidation(exchange: Exchange): boolean {
  const control = exchange.request.headers.getAll('cache-control').join(',');
  return control.split(',').some((d) => d.trim().toLowerCase() === 'max-age=0');
}

function copy(response: MockResponse): MockResponse {
  return { status: response.status, headers: response.headers.clone(), body: response.body };
}

/**
 * The stage cache around the integration: a fresh entry answers without calling it; a
 * miss calls it and keeps a 2xx response of at most 1 MB for the TTL. `Cache-Control:
 * max-age=0` refreshes the entry when the caller may invalidate it: without
 * `requireAuthorizationForCacheControl`, or with a verified SigV4 signature (the
 * `execute-api:InvalidateCache` permission itself is not evaluated).
 */
export async function withStageCache(exchange: Exchange, integrate: () => Promise<MockResponse | GatewayError>): Promise<MockResponse | GatewayError> {
  const policy = cachePolicy(exchange);
  if (!policy) return integrate();
  const cache = exchange.settings.state.responses;
  const route = `${exchange.operation?.method} ${exchange.operation?.resourcePath}`;
  let refresh = false;
  if (wantsInvalidation(exchange)) {
    const authorized = !policy.requireAuthorization || exchange.caller?.kind === 'iam';
    if (authorized) refresh = true;
    else if (policy.unauthorizedStrategy === 'FAIL_WITH_403') {
      addNote(exchange, 'Cache-Control: max-age=0 from a caller not authorized to invalidate the cache (FAIL_WITH_403; AWS documents the 403 but not its body)');
      return { type: 'ACCESS_DENIED', message: 'Unauthorized', http: { status: 403, message: 'Forbidden' } };
    } else if (policy.unauthorizedStrategy === 'SUCCEED_WITH_RESPONSE_HEADER') {
      addNote(exchange, 'Cache-Control: max-age=0 ignored: the caller is not authorized to invalidate the cache (sign the request with SigV4, or turn requireAuthorizationForCacheControl off); API Gateway adds a warning header whose form it does not document');
    } else logEvent(exchange, 'stage cache: Cache-Control: max-age=0 ignored (caller not authorized to invalidate)');
  }
  if (!refresh) {
    const hit = cache.get(policy.key);
    if (hit) {
      const leftOut = pathParametersLeftOut(exchange);
      if (leftOut.length > 0) addNote(exchange, `the cache key leaves out path parameter ${leftOut.join(', ')}: all its values share one entry, as in API Gateway (add method.request.path.${leftOut[0]} to cacheKeyParameters)`);
      logEvent(exchange, `stage cache hit for ${route}`);
      const response = copy(hit);
      response.headers.set(CACHE_HEADER, 'hit');
      return response;
    }
  }
  const outcome = await integrate();
  if (isGatewayError(outcome)) return outcome;
  if (outcome.status >= 200 && outcome.status < 300 && outcome.body.length <= QUOTAS.cachedResponseBytes) {
    cache.set(policy.key, copy(outcome), policy.ttlSeconds * 1000);
    logEvent(exchange, `stage cache ${refresh ? 'entry invalidated and refreshed' : 'miss'} for ${route}; kept ${policy.ttlSeconds} s`);
  } else logEvent(exchange, `stage cache miss for ${route}; not kept (${outcome.status >= 300 || outcome.status < 200 ? `status ${outcome.status}` : 'larger than 1 MB'})`);
  outcome.headers.set(CACHE_HEADER, 'miss');
  return outcome;
}

/** What a stage's settings ask for that its API cannot do, to say at start. */
export function cacheSettingsWarning(kind: ApiKind, stage: StageConfig | undefined): string | undefined {
  const asked = Object.values(stage?.methodSettings ?? {}).some((s) => s.cachingEnabled === true);
  if (kind === 'HTTP' && (asked || stage?.cacheClusterEnabled)) return 'HTTP APIs have no cache: the stage cache settings are ignored';
  if (kind === 'REST' && asked && stage?.cacheClusterEnabled !== true) return 'method settings enable caching, but the stage has no cache (set "cacheClusterEnabled": true): nothing is cached';
  return undefined;
}
