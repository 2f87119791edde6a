import { decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** API Gateway accepts only RSA signatures on JWTs. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

export type TokenCheck = { claims: JWTPayload } | { failure: 'expired' | 'invalid'; reason: string };

/**
 * Tokens whose signature checked out, per key set. A client sends the same token with request
 * after request, and the same token against the same keys always gives the same answer, so the
 * RSA check (about 0.1 ms) runs once per token and minute rather than on every request; `exp` and
 * `nbf` are still checked on each. A minute at most, because a remote key set may drop the key
 * meanwhile; a reload makes new key sets, which start empty.
 */
const verified = new WeakMap<JWTVerifyGetKey, Map<string, { claims: JWTPayload; until: number }>>();
const VERIFIED_FOR_MS = 60_000;
/** Past this many tokens per key set the oldest is forgotten, so a stream of new tokens cannot grow it without bound. */
const MAX_VERIFIED = 1000;

/** What jose's exp and nbf checks (no clock tolerance) would say now. */
function timeClaimsHold(claims: JWTPayload): boolean {
  const now = Math.floor(Date.now() / 1000);
  return (claims.exp === undefined || claims.exp > now) && (claims.nbf === undefined || claims.nbf <= now);
}

function remember(keys: JWTVerifyGetKey, token: string, claims: JWTPayload): void {
  let tokens = verified.get(keys);
  if (tokens === undefined) verified.set(keys, (tokens = new Map()));
  tokens.delete(token);
  if (tokens.size >= MAX_VERIFIED) tokens.delete(tokens.keys().next().value as string);
  tokens.set(token, { claims, until: Date.now() + VERIFIED_FOR_MS });
}

/**
 * Decoded claims by token: a client sends the same token request after request, and decoding
 * one (base64 and JSON) takes about 3 µs, more under load. Bounded as `verified` is.
 */
const decoded = new Map<string, Readonly<JWTPayload> | undefined>();

/** The claims of a token before its signature is checked (to find its issuer); undefined when it is not a JWT. */
export function unverifiedClaims(token: string): Readonly<JWTPayload> | undefined {
  if (decoded.has(token)) return decoded.get(token);
  let claims: JWTPayload | undefined;
  try {
    claims = decodeJwt(token);
  } catch {
    claims = undefined;
  }
  if (decoded.size >= MAX_VERIFIED) decoded.delete(decoded.keys().next().value as string);
  decoded.set(token, claims);
  return claims;
}

/** Checks the signature against the issuer's keys, and `exp` and `nbf` against the clock. */
export async function verifyToken(token: string, keys: JWTVerifyGetKey): Promise<TokenCheck> {
  const known = verified.get(keys)?.get(token);
  // Anything else (expired, not yet valid, a minute old) goes through jose, for its exact answer.
  if (known !== undefined && Date.now() < known.until && timeClaimsHold(known.claims)) return { claims: known.claims };
  try {
    const { payload } = await jwtVerify(token, keys, { algorithms: ALGORITHMS });
    remember(keys, token, payload);
    return { claims: payload };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { failure: 'expired', reason: 'the token has expired' };
    if (err instanceof errors.JWTClaimValidationFailed) return { failure: 'invalid', reason: `claim ${err.claim}: ${err.message}` };
    if (err instanceof errors.JOSEAlgNotAllowed) return { failure: 'invalid', reason: `only RSA signatures (${ALGORITHMS.join(', ')}) are accepted` };
    if (err instanceof errors.JWKSNoMatchingKey) return { failure: 'invalid', reason: 'no key of the issuer matches the token' };
    if (err instanceof errors.JWSSignatureVerificationFailed) return { failure: 'invalid', reason: 'the signature is invalid' };
    return { failure: 'invalid', reason: err instanceof Error ? err.message : String(err) };
  }
}

/** The scopes a token grants: `scope` (space-separated, as Cognito writes it) or `scp` (a list or a string). */
export function tokenScopes(claims: JWTPayload): string[] {
  const raw = claims.scope ?? claims.scp;
  if (typeof raw === 'string') return raw.split(' ').filter((s) => s !== '');
  return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : [];
}

/** Strips the `Bearer ` a caller may put before the token. */
export function bearerToken(value: string): { token: string; prefixed: boolean } {
  const m = /^Bearer\s+(.+)$/i.exec(value.trim());
  return m ? { token: m[1], prefixed: true } : { token: value.trim(), prefixed: false };
}
