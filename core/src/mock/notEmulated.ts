import { addNote, type Exchange } from './exchange';
import { jsonResponse, type MockResponse } from './response';

/**
 * The emulator's answer for an integration it cannot run locally: 501 with a message that
 * names the integration and says how to try the method locally. It is the emulator
 * speaking, not an API Gateway error, so no gateway response applies.
 */
export function notEmulated(exchange: Exchange, what: string, hint: string): MockResponse {
  const op = exchange.operation;
  const route = op ? `${op.method} ${op.resourcePath}` : exchange.request.method;
  const message = `Not emulated locally: ${what} of ${route}. ${hint}`;
  addNote(exchange, `${what} not emulated (501)`);
  return jsonResponse(501, { message });
}

/**
 * The answer when a regular expression from the definition would have to run and matching it
 * could take exponential time (see backtrackingRisk): it is not run, so the emulator cannot hang.
 */
export function unsafeRegex(exchange: Exchange, what: string, risk: string): MockResponse {
  return notEmulated(exchange, what, `It is not run because ${risk} (apigw lint reports it as apigw.regex.backtracking). Rewrite it so that every repetition is pinned down by a character the repeated part cannot match.`);
}
