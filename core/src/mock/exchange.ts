import type { ContextOverrides } from './context';
import type { MockApi, MockOperation } from './definition';
import type { IncomingRequest } from './request';
import type { LambdaRunner } from './lambda/types';

/** What a running emulator is configured with besides the definition. */
export interface MockSettings {
  stage: string;
  stageVariables: Record<string, string>;
  /** `$context.accountId`. */
  accountId: string;
  /** Runs Lambda handlers for Lambda integrations; absent when none is set up. */
  lambda: LambdaRunner | undefined;
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
  integrationLatencyMs: number | undefined;
}

export function addNote(exchange: Exchange, note: string): void {
  if (!exchange.notes.includes(note)) exchange.notes.push(note);
}
