import { addNote, type Exchange } from './exchange';
import { isPlainText, renderTemplate } from './vtl/engine';
import { VtlInput, type InputParams } from './vtl/input';
import { VtlUtil } from './vtl/util';

const util = new VtlUtil();
const paramsCache = new WeakMap<Exchange, InputParams>();

/** `$input.params()` of the method request. */
function inputParams(exchange: Exchange): InputParams {
  let params = paramsCache.get(exchange);
  if (!params) {
    params = { path: exchange.pathParams, querystring: exchange.request.query.single, header: exchange.request.headers.toSingle() };
    paramsCache.set(exchange, params);
  }
  return params;
}

/**
 * Renders a mapping template over `payload` (the request body, or the integration's
 * response body). Undefined when the template fails, which API Gateway answers with a 500;
 * the reason goes to the notes.
 */
export function renderMapping(exchange: Exchange, template: string, payload: string, which: 'request' | 'response'): string | undefined {
  // The variables cost more to build than such a template costs to print.
  if (isPlainText(template)) return template;
  try {
    const result = renderTemplate(template, {
      input: new VtlInput(payload, inputParams(exchange)),
      context: exchange.context,
      stageVariables: exchange.settings.stageVariables,
      util,
    });
    for (const note of result.notes) addNote(exchange, note);
    return result.output;
  } catch (err) {
    addNote(exchange, `${which} mapping template failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    return undefined;
  }
}
