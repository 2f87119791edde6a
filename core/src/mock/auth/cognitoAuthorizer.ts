import { addNote, type Exchange } from '../exchange';
import { GATEWAY_ERRORS } from '../gatewayResponses';
import type { CognitoAuthorizerConfig } from './authorizerConfig';
import { identityValue } from './identitySources';
import { bearerToken, tokenScopes, unverifiedClaims, verifyToken } from './jwtVerification';
import { unsafeRegex } from '../notEmulated';
import type { AuthorizerOutcome } from './caller';

/**
 * A REST Cognito user pool authorizer: the token must come from one of the authorizer's user
 * pools, carry a valid signature and be unexpired. A method that lists scopes needs an access
 * token with one of them; one that lists none accepts an ID token too. Every refusal is 401.
 */
export async function runCognitoAuthorizer(exchange: Exchange, authorizer: CognitoAuthorizerConfig, scopes: readonly string[]): Promise<AuthorizerOutcome> {
  const refuse = (why: string) => {
    addNote(exchange, `Cognito authorizer ${authorizer.name}: ${why}`);
    return GATEWAY_ERRORS.unauthorized();
  };
  const value = identityValue(exchange, authorizer.identitySource);
  if (value === undefined) return refuse(`${authorizer.identitySource} is missing or empty`);
  const { token, prefixed } = bearerToken(value);
  if (prefixed) addNote(exchange, `Cognito authorizer ${authorizer.name}: the "Bearer " prefix was stripped; REST Cognito authorizers expect the bare token`);
  const issuer = unverifiedClaims(token)?.iss;
  if (issuer === undefined) return refuse('the token is not a JWT with an iss claim');
  if (!authorizer.issuers.includes(issuer)) return refuse(`the token's issuer ${issuer} is not a user pool of the authorizer (${authorizer.issuers.join(', ') || 'no providerARNs'})`);
  const keys = await exchange.settings.state.keySets.find(exchange.settings.config, authorizer.name, issuer);
  if ('error' in keys) return refuse(keys.error);
  const checked = await verifyToken(token, keys.keys);
  if ('failure' in checked) {
    addNote(exchange, `Cognito authorizer ${authorizer.name}: ${checked.reason}`);
    return checked.failure === 'expired' ? GATEWAY_ERRORS.unauthorized('The incoming token has expired') : GATEWAY_ERRORS.unauthorized();
  }
  const claims = checked.claims;
  if (authorizer.validation && 'unsafe' in authorizer.validation) {
    return unsafeRegex(exchange, `identityValidationExpression of Cognito authorizer ${authorizer.name}`, authorizer.validation.unsafe);
  }
  if (authorizer.validation) {
    const audience = typeof claims.aud === 'string' ? claims.aud : (claims.aud ?? []).join(',');
    if (!authorizer.validation.test(audience)) return refuse(`the token's aud does not match identityValidationExpression ${authorizer.validation.source}`);
  }
  const use = claims.token_use;
  const granted = tokenScopes(claims);
  if (scopes.length > 0) {
    if (use !== 'access') return refuse(`the method lists scopes (${scopes.join(', ')}), which needs an access token; this is token_use ${String(use)}`);
    if (!scopes.some((s) => granted.includes(s))) return refuse(`the token has none of the method's scopes (${scopes.join(', ')})`);
  } else if (use !== 'id' && use !== 'access') {
    return refuse(`token_use is ${String(use)}, not id or access`);
  }
  return { caller: { kind: 'cognito', claims, scopes: granted } };
}
