import { decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** API Gateway accepts only RSA signatures on JWTs. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

export type TokenCheck = { claims: JWTPayload } | { failure: 'expired' | 'invalid'; reason: string };

/** The claims of a token before its signature is checked (to find its issuer); undefined when it is not a JWT. */
export function unverifiedClaims(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

/** Checks the signature against the issuer's keys, and `exp` and `nbf` against the clock. */
export async function verifyToken(token: string, keys: JWTVerifyGetKey): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, keys, { algorithms: ALGORITHMS });
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
