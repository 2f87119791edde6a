import type { Exchange } from '../exchange';
import { isGatewayError, type GatewayError } from '../gatewayResponses';
import type { MockResponse } from '../response';
import type { AuthorizerOutcome } from './caller';
import { applyCaller } from './callerContext';
import { runCognitoAuthorizer } from './cognitoAuthorizer';
import { runIamAuthorizer } from './iamAuthorizer';
import { runJwtAuthorizer } from './jwtAuthorizer';
import { runLambdaAuthorizer } from './lambdaAuthorizer';

async function runAuthorizer(exchange: Exchange): Promise<AuthorizerOutcome | undefined> {
  const auth = exchange.operation?.auth;
  const authorizer = auth?.authorizer;
  if (!auth || !authorizer) return undefined;
  switch (authorizer.kind) {
    case 'lambda':
      return runLambdaAuthorizer(exchange, authorizer);
    case 'cognito':
      return runCognitoAuthorizer(exchange, authorizer, auth.scopes);
    case 'jwt':
      return runJwtAuthorizer(exchange, authorizer, auth.scopes);
    case 'iam':
      return runIamAuthorizer(exchange);
  }
}

/**
 * Runs the method's authorizer. Undefined when the request may go on (the caller is then in
 * `$context.authorizer` and the Lambda event); otherwise the response to send instead.
 */
export async function authorize(exchange: Exchange): Promise<GatewayError | MockResponse | undefined> {
  const outcome = await runAuthorizer(exchange);
  if (outcome === undefined) return undefined;
  if (isGatewayError(outcome) || !('caller' in outcome)) return outcome;
  exchange.caller = outcome.caller;
  applyCaller(exchange, outcome.caller);
  return undefined;
}
