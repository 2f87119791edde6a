import type { ApigwConfig, StageConfig } from '../config/apigwConfig';
import type { Caller } from './auth/caller';
import { buildContext, type ContextOverrides } from './context';
import type { MockApi, MockOperation } from './definition';
import type { GatewayState } from './gatewayState';
import type { IncomingRequest } from './request';
import type { LambdaRunner } from './lambda/types';

/** What a running emulator is configured with besides the definition. */
export interface MockSettings {
  stage: string;
  stageVariables: Record<string, string>;
  /** The stage's entry in apigw.config.json (method settings, cache); undefined when it has none. */
  stageConfig: StageConfig | undefined;
  /** apigw.config.json: API keys, usage plans, JWKS and access keys as well as the stages. */
  config: ApigwConfig;
  /** `$context.accountId`. */
  accountId: string;
  /** Runs Lambda handlers for Lambda integrations; absent when none is set up. */
  lambda: LambdaRunner | undefined;
  state: GatewayState;
}

/** One request while it is handled: what it matched and what has been learnt on the way. */
export interface Exchange {
  request: IncomingRequest;
  api: MockApi;
  settings: MockSettings;
  operation: MockOperation | undefined;
  /** Decoded path parameters of the matched resource. */
  pathParams: Record<string, string>;
  /** The path below the stage, e.g. `/books/42`. */
  path: string;
  context: Record<string, unknown> & ContextOverrides;
  /** Where the emulator approximated or skipped something, for the note header and the log. */
  notes: string[];
  /** What happened on the way (a cache hit, an authorizer's decision), for the log only; never a secret. */
  events: string[];
  integrationLatencyMs: number | undefined;
  /** Who the method's authorizer let in; undefined when it has none (or it has not run yet). */
  caller: Caller | undefined;
  /** The API key the request was accepted with. */
  apiKey: { value: string; id: string } | undefined;
}

/** The HTTP API route key: `GET /books/{id}`, or `$default`. */
export function routeKeyOf(op: MockOperation | undefined): string {
  return !op || op.resourcePath === '/$default' ? '$default' : `${op.method} ${op.resourcePath}`;
}

export function addNote(exchange: Exchange, note: string): void {
  if (!exchange.notes.includes(note)) exchange.notes.push(note);
}

export function logEvent(exchange: Exchange, event: string): void {
  exchange.events.push(event);
}

/** A new exchange for a request; without a route it is one that reached no method. */
export function createExchange(
  api: MockApi,
  settings: MockSettings,
  request: IncomingRequest,
  route: { operation: MockOperation | undefined; pathParams: Record<string, string>; path: string } = { operation: undefined, pathParams: {}, path: request.rawPath },
): Exchange {
  const op = route.operation;
  return {
    request,
    api,
    settings,
    operation: op,
    pathParams: route.pathParams,
    path: route.path,
    context: buildContext({
      request,
      apiId: api.apiId,
      accountId: settings.accountId,
      stage: settings.stage,
      path: request.rawPath,
      resourcePath: op?.resourcePath ?? '',
      resourceId: op?.resourceId ?? '',
      routeKey: api.kind === 'HTTP' ? routeKeyOf(op) : undefined,
    }),
    notes: [],
    events: [],
    integrationLatencyMs: undefined,
    caller: undefined,
    apiKey: undefined,
  };
}
