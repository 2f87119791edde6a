import { QuotaCounters } from './limits/quotaCounters';
import { TokenBuckets } from './limits/tokenBuckets';

/** What a running emulator remembers between requests: throttling buckets and quota counts. */
export interface GatewayState {
  buckets: TokenBuckets;
  quotas: QuotaCounters;
}

export function createGatewayState(): GatewayState {
  return { buckets: new TokenBuckets(), quotas: new QuotaCounters() };
}
