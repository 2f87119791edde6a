import type { GatewayError } from '../gatewayResponses';
import type { MockResponse } from '../response';

/** Who an authorizer let in, and what it said about them. */
export type Caller =
  | {
      kind: 'lambda';
      principalId: string | undefined;
      /** The function's `context`: values as it returned them. */
      context: Record<string, unknown>;
      /** REST usage plans with `api-key-source: AUTHORIZER` take the API key from here. */
      usageIdentifierKey: string | undefined;
      /** How long the authorizer took, as `$context.authorizer.integrationLatency` reports it (0 from the cache). */
      latencyMs: number;
    }
  | { kind: 'cognito' | 'jwt'; claims: Record<string, unknown>; scopes: string[] }
  | { kind: 'iam'; accessKey: string };

/** What an authorizer gives: the caller let in, the error API Gateway answers, or the emulator's 501 when a function cannot run locally. */
export type AuthorizerOutcome = { caller: Caller } | GatewayError | MockResponse;
