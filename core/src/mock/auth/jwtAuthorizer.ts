import { addNote, type Exchange } from '../exchange';
import { GATEWAY_ERRORS } from '../gatewayResponses';
import type { JwtAuthorizerConfig } from './authorizerConfig';
import { identityValue } from './identitySources';
import { bearerToken, tokenScopes, unverifiedClaims, verifyToken } from './jwtVerification';
import type { AuthorizerOutcome } from './caller';

/** The challenge HTTP APIs send with a refused token (RFC 6750). */
function challenge(error: 'invalid_token' | 'insufficient_scope', description: string, scopes: readonly string[] = []): Record<string, string> {
  return { 'www-authenticate': `Bearer scope="${scopes.join(' ')}" error="${error}" error_description="${description}"` };
}

/**
 * An HTTP API JWT authorizer: issuer, signature, `exp`/`nbf`, then the audience (`aud`, or
 * `client_id` when there is no `aud`) and, for a route that lists scopes, at least one of them
 * in `scope` or `scp`. A bad token is 401, a good one without the scope 403.
 */
export async function runJwtAuthorizer(exchange: Exchange, authorizer: JwtAuthorizerConfig, scopes: readonly string[]): Promise<AuthorizerOutcome> {
  const invalid = (why: string, description: string) => {
    addNote(exchange, `JWT authorizer ${authorizer.name}: ${why}`);
    return GATEWAY_ERRORS.unauthorized('Unauthorized', challenge('invalid_token', description));
  };
  const value = identityValue(exchange, authorizer.identitySource);
  if (value === undefined) {
    addNote(exchange, `JWT authorizer ${authorizer.name}: ${authorizer.identitySource} is missing or empty`);
    return GATEWAY_ERRORS.unauthorized();
  }
  const { token } = bearerToken(value);
  const issuer = unverifiedClaims(token)?.iss;
  if (issuer === undefined) return invalid('the token is not a JWT with an iss claim', 'the token is not a valid JWT');
  if (authorizer.issuer !== undefined && issuer !== authorizer.issuer) return invalid(`the token's issuer ${issuer} is not ${authorizer.issuer}`, 'the token has an invalid issuer');
  const keys = await exchange.settings.state.keySets.find(exchange.settings.config, authorizer.name, issuer, authorizer.discoveryUrl);
  if ('error' in keys) return invalid(keys.error, 'the signing keys of the issuer cannot be found');
  const checked = await verifyToken(token, keys.keys);
  if ('failure' in checked) return invalid(checked.reason, checked.failure === 'expired' ? 'the token has expired' : 'the token is not valid');
  const claims = checked.claims;
  const audiences = claims.aud === undefined ? [] : typeof claims.aud === 'string' ? [claims.aud] : claims.aud;
  const presented = audiences.length > 0 ? audiences : typeof claims.client_id === 'string' ? [claims.client_id] : [];
  if (authorizer.audience.length > 0 && !presented.some((a) => authorizer.audience.includes(a))) {
    return invalid(`the token's ${audiences.length > 0 ? 'aud' : 'client_id'} (${presented.join(', ') || 'none'}) is not an audience of the authorizer (${authorizer.audience.join(', ')})`, 'the token does not have a valid audience');
  }
  const granted = tokenScopes(claims);
  if (scopes.length > 0 && !scopes.some((s) => granted.includes(s))) {
    addNote(exchange, `JWT authorizer ${authorizer.name}: the token has none of the route's scopes (${scopes.join(', ')})`);
    return GATEWAY_ERRORS.forbidden(challenge('insufficient_scope', 'the token does not have the required scopes', scopes));
  }
  return { caller: { kind: 'jwt', claims, scopes: granted } };
}
