import { addNote, type Exchange } from '../exchange';
import { GATEWAY_ERRORS, type GatewayError } from '../gatewayResponses';
import { methodSettingsFor } from '../stage';

/** The account-level limits of a region, which fill in a rate or burst that the stage leaves unset. */
const ACCOUNT_RATE = 10_000;
const ACCOUNT_BURST = 5_000;

/**
 * Stage throttling: each method has its own token bucket, with the limits of its method
 * settings or else the stage-wide `*\/*` ones. A method with neither is not throttled here
 * (the account-wide 10,000 requests per second are left out).
 */
export function throttleMethod(exchange: Exchange): GatewayError | undefined {
  const op = exchange.operation;
  if (!op) return undefined;
  const settings = methodSettingsFor(exchange.settings.stageConfig, op.resourcePath, op.method);
  const rate = settings.throttlingRateLimit;
  const burst = settings.throttlingBurstLimit;
  if (rate === undefined && burst === undefined) return undefined;
  if (exchange.settings.state.buckets.take(`method ${op.method} ${op.resourcePath}`, rate ?? ACCOUNT_RATE, burst ?? ACCOUNT_BURST)) return undefined;
  addNote(exchange, `throttled by the stage's method settings (rate ${rate ?? ACCOUNT_RATE}/s, burst ${burst ?? ACCOUNT_BURST})`);
  return GATEWAY_ERRORS.throttled();
}
