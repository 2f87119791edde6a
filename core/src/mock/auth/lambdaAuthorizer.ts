import { randomUUID } from 'node:crypto';
import { QUOTAS } from '../../catalog/quotas';
import { addNote, logEvent, type Exchange } from '../exchange';
import { GATEWAY_ERRORS } from '../gatewayResponses';
import { buildHttpAuthorizerEventV1, buildHttpAuthorizerEventV2, buildRestRequestAuthorizerEvent, buildTokenAuthorizerEvent } from '../lambda/authorizerEvents';
import { functionRefFromUri } from '../lambda/functionRef';
import { isRecord } from '../lambda/records';
import { lambdaRequest, routeInfo } from '../lambdaRequest';
import { notEmulated, unsafeRegex } from '../notEmulated';
import type { LambdaAuthorizerConfig } from './authorizerConfig';
import type { AuthorizerOutcome } from './caller';
import { evaluatePolicy } from './iamPolicy';
import { identityValue } from './identitySources';
import { methodArn } from './methodArn';

/** What a Lambda authorizer decided, as it is cached for the identity values it was given. */
export type AuthorizerDecision =
  | { kind: 'policy'; principalId: string | undefined; policy: unknown; context: Record<string, unknown>; usageIdentifierKey: string | undefined }
  | { kind: 'simple'; isAuthorized: boolean; context: Record<string, unknown> };

const MAP_HINT = 'Map the function to a local handler in apigw.config.json: {"functions": {"<name>": "src/authorizer.js#handler"}}.';

function contextOf(value: unknown, rest: boolean): Record<string, unknown> | string {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return 'context is not an object';
  if (rest) {
    // REST hands context values on as strings, so it refuses anything that is not a scalar.
    const nested = Object.entries(value).find(([, v]) => v !== null && typeof v === 'object');
    if (nested) return `context.${nested[0]} is an object or a list; REST APIs accept only strings, numbers and booleans`;
  }
  return { ...value };
}

/** The decision in a function's result, or why API Gateway cannot read it. */
function readDecision(payload: unknown, authorizer: LambdaAuthorizerConfig, rest: boolean): AuthorizerDecision | string {
  if (!isRecord(payload)) return 'the result is not an object';
  const context = contextOf(payload.context, rest);
  if (typeof context === 'string') return context;
  if (authorizer.simpleResponses) {
    if (typeof payload.isAuthorized !== 'boolean') return 'a simple response needs isAuthorized: true or false';
    return { kind: 'simple', isAuthorized: payload.isAuthorized, context };
  }
  if (!isRecord(payload.policyDocument)) return 'the result has no policyDocument object';
  const principalId = payload.principalId;
  if (rest && (typeof principalId !== 'string' || principalId === '')) return 'the result has no principalId';
  const key = payload.usageIdentifierKey;
  return {
    kind: 'policy',
    principalId: typeof principalId === 'string' ? principalId : undefined,
    policy: payload.policyDocument,
    context,
    usageIdentifierKey: typeof key === 'string' ? key : undefined,
  };
}

function eventFor(exchange: Exchange, authorizer: LambdaAuthorizerConfig, identity: string[]): unknown {
  const arn = methodArn(exchange);
  if (authorizer.type === 'TOKEN') return buildTokenAuthorizerEvent(identity[0], arn);
  const req = lambdaRequest(exchange);
  if (exchange.api.kind === 'REST') return buildRestRequestAuthorizerEvent(req, routeInfo(exchange, 'REST'), arn);
  return authorizer.payloadFormatVersion === '1.0'
    ? buildHttpAuthorizerEventV1(req, routeInfo(exchange, '1.0'), arn, identity)
    : buildHttpAuthorizerEventV2(req, routeInfo(exchange, '2.0'), arn, identity);
}

/** Turns a decision into the caller it lets in, or the 403 API Gateway answers. */
function apply(exchange: Exchange, authorizer: LambdaAuthorizerConfig, decision: AuthorizerDecision, latencyMs: number): AuthorizerOutcome {
  if (decision.kind === 'simple') {
    if (!decision.isAuthorized) {
      addNote(exchange, `authorizer ${authorizer.name} answered isAuthorized: false`);
      return GATEWAY_ERRORS.forbidden();
    }
    return { caller: { kind: 'lambda', principalId: undefined, context: decision.context, usageIdentifierKey: undefined, latencyMs } };
  }
  const arn = methodArn(exchange);
  const evaluated = evaluatePolicy(decision.policy, 'execute-api:Invoke', arn);
  if ('invalid' in evaluated) {
    addNote(exchange, `authorizer ${authorizer.name} returned a policy API Gateway cannot read: ${evaluated.invalid}`);
    return GATEWAY_ERRORS.authorizerConfigurationError();
  }
  if (evaluated.conditionsIgnored) addNote(exchange, `policy conditions of authorizer ${authorizer.name} not evaluated: statements with a Condition were taken to apply`);
  if (evaluated.decision !== 'allow') {
    addNote(exchange, `the policy of authorizer ${authorizer.name} ${evaluated.decision === 'explicitDeny' ? 'denies' : 'does not allow'} execute-api:Invoke on ${arn}`);
    return GATEWAY_ERRORS.accessDenied(evaluated.decision === 'explicitDeny');
  }
  return { caller: { kind: 'lambda', principalId: decision.principalId, context: decision.context, usageIdentifierKey: decision.usageIdentifierKey, latencyMs } };
}

/**
 * Runs a Lambda authorizer as API Gateway does: every identity source must be there (else 401
 * without a call), a TOKEN must match `identityValidationExpression`, a cached decision for the
 * same identity values is reused for `authorizerResultTtlInSeconds`, and the returned policy is
 * evaluated against this method's ARN each time, cached or not.
 */
export async function runLambdaAuthorizer(exchange: Exchange, authorizer: LambdaAuthorizerConfig): Promise<AuthorizerOutcome> {
  const identity: string[] = [];
  for (const source of authorizer.identitySources) {
    const value = identityValue(exchange, source);
    if (value === undefined) {
      addNote(exchange, `identity source ${source} of authorizer ${authorizer.name} is missing or empty: 401 without calling it`);
      return GATEWAY_ERRORS.unauthorized();
    }
    identity.push(value);
  }
  if (authorizer.validation && 'unsafe' in authorizer.validation) {
    return unsafeRegex(exchange, `identityValidationExpression of authorizer ${authorizer.name}`, authorizer.validation.unsafe);
  }
  if (authorizer.validation && !authorizer.validation.test(identity[0] ?? '')) {
    addNote(exchange, `the token does not match the identityValidationExpression of authorizer ${authorizer.name}: 401 without calling it`);
    return GATEWAY_ERRORS.unauthorized();
  }
  const rest = exchange.api.kind === 'REST';
  const cache = exchange.settings.state.authorizerResults;
  const cacheKey = authorizer.ttlSeconds > 0 && identity.length > 0 ? `${authorizer.name}\u0000${identity.join('\u0000')}` : undefined;
  const cached = cacheKey === undefined ? undefined : cache.get(cacheKey);
  if (cached) {
    logEvent(exchange, `authorizer ${authorizer.name}: cached decision for these identity values (authorizerResultTtlInSeconds ${authorizer.ttlSeconds})`);
    return apply(exchange, authorizer, cached, 0);
  }
  const functionRef = functionRefFromUri(authorizer.uri, exchange.settings.stageVariables);
  if (functionRef === undefined) {
    addNote(exchange, `authorizer ${authorizer.name} has no authorizerUri naming a Lambda function`);
    return GATEWAY_ERRORS.authorizerConfigurationError();
  }
  const runner = exchange.settings.lambda;
  if (!runner) return notEmulated(exchange, `Lambda authorizer ${functionRef} (${authorizer.name})`, `No Lambda runner is set up. ${MAP_HINT}`);
  const started = Date.now();
  const timeoutMs = rest ? QUOTAS.timeoutInMillisRest.max : QUOTAS.httpLambdaAuthorizerTimeoutMs;
  const outcome = await runner.invoke(functionRef, eventFor(exchange, authorizer, identity), { awsRequestId: randomUUID() }, timeoutMs);
  const latencyMs = Date.now() - started;
  switch (outcome.kind) {
    case 'unmapped':
    case 'refused':
      return notEmulated(exchange, `Lambda authorizer ${functionRef} (${authorizer.name})`, outcome.message);
    case 'timeout':
      addNote(exchange, `authorizer ${authorizer.name} did not answer within ${timeoutMs} ms (AWS does not document which 500 it gives; answered as AUTHORIZER_FAILURE)`);
      return GATEWAY_ERRORS.authorizerFailure();
    case 'crash':
      addNote(exchange, `authorizer ${authorizer.name} crashed: ${outcome.message}`);
      return GATEWAY_ERRORS.authorizerConfigurationError();
    case 'error':
      // Only this exact message turns into a 401; any other failure is the authorizer's fault.
      if (outcome.errorMessage === 'Unauthorized') {
        logEvent(exchange, `authorizer ${authorizer.name}: Unauthorized`);
        return GATEWAY_ERRORS.unauthorized();
      }
      addNote(exchange, `authorizer ${authorizer.name} failed: ${outcome.errorType}: ${outcome.errorMessage}`);
      return GATEWAY_ERRORS.authorizerConfigurationError();
    case 'result': {
      const decision = readDecision(outcome.payload, authorizer, rest);
      if (typeof decision === 'string') {
        addNote(exchange, `authorizer ${authorizer.name} answered in a shape API Gateway cannot read: ${decision}`);
        return GATEWAY_ERRORS.authorizerConfigurationError();
      }
      logEvent(exchange, `authorizer ${authorizer.name}: called ${functionRef} (${latencyMs} ms)`);
      if (cacheKey !== undefined) cache.set(cacheKey, decision, authorizer.ttlSeconds * 1000);
      return apply(exchange, authorizer, decision, latencyMs);
    }
  }
}
