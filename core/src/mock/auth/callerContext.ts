import type { Exchange } from '../exchange';
import type { Caller } from './caller';

/** A value as REST APIs hand authorizer context and claims on: always a string. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(text).join(' ')}]`;
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * The texts of a record, by record: a cached authorizer decision or verified token hands the
 * same claims object to every request; printing them anew took about 1 µs each time (a
 * Cognito ID token's claims), copying them takes a few hundredths.
 */
const textsOf = new WeakMap<object, Readonly<Record<string, string>>>();

/** A fresh copy each time: a mapping template may change what it is given. */
function texts(record: Readonly<Record<string, unknown>>): Record<string, string> {
  let known = textsOf.get(record);
  if (known === undefined) {
    known = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, text(v)]));
    textsOf.set(record, known);
  }
  return { ...known };
}

/**
 * Puts what the authorizer said into `$context`: `$context.authorizer.principalId`, its context
 * keys and `integrationLatency` (Lambda), `$context.authorizer.claims` (Cognito, JWT), or the
 * caller's access key in `$context.identity` (IAM).
 */
export function applyCaller(exchange: Exchange, caller: Caller): void {
  const context = exchange.context;
  switch (caller.kind) {
    case 'lambda':
      context.authorizer = { ...texts(caller.context), principalId: caller.principalId ?? '', integrationLatency: caller.latencyMs };
      return;
    case 'cognito':
    case 'jwt':
      context.authorizer = { claims: texts(caller.claims), principalId: '', ...(caller.kind === 'jwt' ? { scopes: caller.scopes } : {}) };
      return;
    case 'iam':
      (context.identity as Record<string, unknown>).accessKey = caller.accessKey;
      return;
  }
}

/**
 * `requestContext.authorizer` of the Lambda proxy event, per payload: REST and HTTP 1.0 put the
 * Lambda context beside `principalId` (REST as strings), 2.0 nests it under `lambda`, `jwt` or
 * `iam`. Undefined when no authorizer let the request in (the builders then write their default).
 */
export function eventAuthorizer(exchange: Exchange, payload: 'REST' | '1.0' | '2.0'): Record<string, unknown> | undefined {
  const caller = exchange.caller;
  if (!caller) return undefined;
  switch (caller.kind) {
    case 'lambda': {
      if (payload === '2.0') return { lambda: { ...caller.context } };
      const context = payload === 'REST' ? texts(caller.context) : caller.context;
      return { ...context, ...(caller.principalId === undefined ? {} : { principalId: caller.principalId }), integrationLatency: caller.latencyMs };
    }
    case 'cognito':
    case 'jwt': {
      const claims = texts(caller.claims);
      if (payload === 'REST') return { claims };
      const scopes = caller.scopes.length > 0 ? caller.scopes : null;
      return payload === '2.0' ? { jwt: { claims, scopes } } : { claims, scopes };
    }
    case 'iam':
      return payload === '2.0'
        ? { iam: { accessKey: caller.accessKey, accountId: exchange.settings.accountId, callerId: '', cognitoIdentity: null, principalOrgId: null, userArn: '', userId: '' } }
        : undefined;
  }
}
