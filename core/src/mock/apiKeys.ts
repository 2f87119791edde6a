import type { ApiKeyConfig } from '../config/apigwConfig';
import { shortHash } from './definition';
import { addNote, type Exchange } from './exchange';
import { GATEWAY_ERRORS, type GatewayError } from './gatewayResponses';

const CONFIG_HINT = 'add it to "apiKeys" in apigw.config.json with a usage plan: {"apiKeys": [{"name": "me", "value": "...", "usagePlans": ["plan"]}], "usagePlans": {"plan": {}}}';

/** The key value the request carries: the `x-api-key` header, or the authorizer's `usageIdentifierKey`. */
function presentedKey(exchange: Exchange): string | undefined {
  if (exchange.api.apiKeySource === 'HEADER') return exchange.request.headers.get('x-api-key');
  const caller = exchange.caller;
  return caller?.kind === 'lambda' ? caller.usageIdentifierKey : undefined;
}

function refuse(exchange: Exchange, why: string): GatewayError {
  addNote(exchange, `API key refused: ${why}`);
  return GATEWAY_ERRORS.invalidApiKey();
}

/**
 * A REST method that requires an API key: the key must be one of the config's keys, enabled,
 * and in a usage plan, whose rate limit and quota it is then counted against. Notes name
 * keys by their name, never by their value.
 */
export function checkApiKey(exchange: Exchange): GatewayError | undefined {
  if (!exchange.operation?.auth.apiKeyRequired) return undefined;
  const { config, state } = exchange.settings;
  const value = presentedKey(exchange);
  if (value === undefined || value === '') {
    return refuse(exchange, exchange.api.apiKeySource === 'HEADER' ? 'the x-api-key header is missing' : 'the authorizer returned no usageIdentifierKey (x-amazon-apigateway-api-key-source is AUTHORIZER)');
  }
  const key: ApiKeyConfig | undefined = config.apiKeys.find((k) => k.value === value);
  if (!key) return refuse(exchange, `no key in ${config.file ?? 'apigw.config.json'} has this value; ${CONFIG_HINT}`);
  if (!key.enabled) return refuse(exchange, `key '${key.name}' is disabled`);
  const [planName, ...others] = key.usagePlans;
  if (planName === undefined) return refuse(exchange, `key '${key.name}' is in no usage plan, and API Gateway accepts only keys of a usage plan of the stage`);
  if (others.length > 0) addNote(exchange, `key '${key.name}' is in several usage plans; API Gateway allows one per stage, the emulator counts it against '${planName}'`);
  const plan = config.usagePlans[planName];
  const throttle = plan.throttle;
  if (throttle && (throttle.rateLimit !== undefined || throttle.burstLimit !== undefined)) {
    // A plan that sets one limit leaves the other unbounded.
    if (!state.buckets.take(`key ${key.name}`, throttle.rateLimit ?? Infinity, throttle.burstLimit ?? Infinity)) {
      addNote(exchange, `throttled by usage plan '${planName}' of key '${key.name}'`);
      return GATEWAY_ERRORS.throttled();
    }
  }
  if (plan.quota && !state.quotas.take(`key ${key.name}`, plan.quota.limit, plan.quota.period)) {
    addNote(exchange, `quota of usage plan '${planName}' used up for key '${key.name}' (${plan.quota.limit} per ${plan.quota.period.toLowerCase()})`);
    return GATEWAY_ERRORS.quotaExceeded();
  }
  const id = shortHash(`apikey ${key.name}`, 10);
  exchange.apiKey = { value, id };
  const identity = exchange.context.identity as Record<string, unknown>;
  identity.apiKey = value;
  identity.apiKeyId = id;
  return undefined;
}
