import { KeySets } from './auth/keySets';
import type { AuthorizerDecision } from './auth/lambdaAuthorizer';
import { ExpiringCache } from './expiringCache';
import { QuotaCounters } from './limits/quotaCounters';
import { TokenBuckets } from './limits/tokenBuckets';
import type { MockResponse } from './response';

/** What a running emulator remembers between requests. */
export interface GatewayState {
  buckets: TokenBuckets;
  quotas: QuotaCounters;
  /** Lambda authorizer results by authorizer and identity values, for `authorizerResultTtlInSeconds`. */
  authorizerResults: ExpiringCache<AuthorizerDecision>;
  /** Token issuers' signing keys, read or fetched once. */
  keySets: KeySets;
  /** The stage cache of integration responses. */
  responses: ExpiringCache<MockResponse>;
}

export function createGatewayState(): GatewayState {
  return { buckets: new TokenBuckets(), quotas: new QuotaCounters(), authorizerResults: new ExpiringCache(), keySets: new KeySets(), responses: new ExpiringCache() };
}

/** A new deployment (a reload) starts with empty caches; throttling and quotas carry on, as they do across deployments. */
export function forgetCachedResults(state: GatewayState): void {
  state.authorizerResults.clear();
  state.keySets.clear();
  state.responses.clear();
}
