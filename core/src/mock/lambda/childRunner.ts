/*
 * The entry point of a function's process (forked by functionInstance.ts; bundled on its own as
 * dist/lambdaChild.js). It loads one handler and runs invocations one at a time, behaving as
 * Lambda's Node.js runtime does where a handler can tell the difference.
 */
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { isToChild, type FromChild, type HandlerContextData, type LambdaErrorPayload } from './childProtocol';

type Handler = (event: unknown, context: object, callback: (error?: unknown, result?: unknown) => void) => unknown;

// tsc would turn a plain `import()` into `require()` under CommonJS, which cannot load ES modules.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let handler: Handler | undefined;
let currentRequestId: string | undefined;
/** Settles the invocation in progress, if any; the process-wide error hooks go through it. */
let settleCurrent: ((message: FromChild, then?: () => void) => void) | undefined;

function send(message: FromChild, then?: () => void): void {
  process.send?.(message, undefined, undefined, then);
}

function errorPayload(error: unknown): LambdaErrorPayload {
  if (error instanceof Error) {
    return { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n').filter((l) => l !== '') };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function namedError(errorType: string, errorMessage: string, cause?: unknown): LambdaErrorPayload {
  const trace = cause instanceof Error && cause.stack !== undefined ? cause.stack.split('\n') : [];
  return { errorType, errorMessage, trace: [`${errorType}: ${errorMessage}`, ...trace.slice(1)] };
}

/** Lambda's runtime prefixes every console line with the time, the request id and the level. */
function patchConsole(): void {
  const levels: Array<[keyof Console, string]> = [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'], ['debug', 'DEBUG'], ['trace', 'TRACE']];
  for (const [method, level] of levels) {
    Object.assign(console, {
      [method]: (...args: unknown[]) => {
        process.stdout.write(`${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${format(...args)}\n`);
      },
    });
  }
}

function pick(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const name of path) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

async function load(file: string, exportPath: string[], written: string): Promise<void> {
  let namespace: unknown;
  try {
    namespace = await importModule(pathToFileURL(file).href);
  } catch (error) {
    if (error instanceof SyntaxError) return void send({ type: 'loadFailed', error: namedError('Runtime.UserCodeSyntaxError', `SyntaxError: ${error.message}`, error) });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      return void send({ type: 'loadFailed', error: namedError('Runtime.ImportModuleError', `Error: ${(error as Error).message}`, error) });
    }
    return void send({ type: 'loadFailed', error: errorPayload(error) });
  }
  // A CommonJS module imported this way has its exports under `default` when Node cannot see their names.
  const found = pick(namespace, exportPath) ?? pick(pick(namespace, ['default']), exportPath);
  if (found === undefined) return void send({ type: 'loadFailed', error: namedError('Runtime.HandlerNotFound', `${written} is undefined or not exported`) });
  if (typeof found !== 'function') return void send({ type: 'loadFailed', error: namedError('Runtime.HandlerNotFound', `${written} is not a function`) });
  handler = found as Handler;
  send({ type: 'ready' });
}

function resourceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** Resolves once nothing is left pending beyond what was pending before the invocation. */
function emptyEventLoop(baseline: Map<string, number>): Promise<void> {
  return new Promise((resolve) => {
    // Unreferenced, the polling timer does not count itself among the pending resources.
    const poll = () => {
      for (const [type, count] of resourceCounts()) {
        if (count > (baseline.get(type) ?? 0)) return void setTimeout(poll, 2).unref();
      }
      resolve();
    };
    setTimeout(poll, 0).unref();
  });
}

/**
 * Lambda's "Max Memory Used" is the environment's peak, which the kernel keeps for the process:
 * one getrusage call, where the current RSS would cost reading /proc on every invocation.
 */
function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

function resultMessage(value: unknown): FromChild {
  const peak = maxRssBytes();
  let json: string | undefined;
  try {
    json = JSON.stringify(value === undefined ? null : value);
  } catch (error) {
    return { type: 'error', error: namedError('Runtime.JSONStringifyError', 'Unable to stringify response body', error), maxRssBytes: peak, fatal: false };
  }
  // JSON.stringify gives undefined for a function or a symbol; Lambda sends null for them.
  return { type: 'result', json: json ?? 'null', maxRssBytes: peak };
}

function errorMessage(error: unknown): FromChild {
  return { type: 'error', error: errorPayload(error), maxRssBytes: maxRssBytes(), fatal: false };
}

function invoke(event: unknown, data: HandlerContextData): void {
  const run = handler;
  if (run === undefined) return void send(errorMessage(new Error('invoke before load')));
  currentRequestId = data.awsRequestId;
  const baseline = resourceCounts();
  let settled = false;
  const settle = (message: FromChild, then?: () => void) => {
    if (settled) return;
    settled = true;
    settleCurrent = undefined;
    send(message, then);
  };
  settleCurrent = settle;
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: data.functionName,
    functionVersion: data.functionVersion,
    invokedFunctionArn: data.invokedFunctionArn,
    memoryLimitInMB: data.memoryLimitInMB,
    awsRequestId: data.awsRequestId,
    logGroupName: data.logGroupName,
    logStreamName: data.logStreamName,
    getRemainingTimeInMillis: () => Math.max(0, data.deadlineMs - Date.now()),
  };
  let calledBack: FromChild | undefined;
  const callback = (error?: unknown, result?: unknown) => {
    if (calledBack !== undefined) return;
    calledBack = error === undefined || error === null ? resultMessage(result) : errorMessage(error);
    if (!context.callbackWaitsForEmptyEventLoop) settle(calledBack);
  };
  let returned: unknown;
  try {
    returned = run(event, context, callback);
  } catch (error) {
    return settle(errorMessage(error));
  }
  if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') {
    (returned as PromiseLike<unknown>).then((value) => settle(resultMessage(value)), (error: unknown) => settle(errorMessage(error)));
    return;
  }
  // Like Lambda's runtime: a handler that returns no promise is answered when its event loop
  // drains, with what it called back (null if it never did). A forgotten timer or open socket
  // therefore runs into the timeout there, and here too, unless the handler set
  // `callbackWaitsForEmptyEventLoop = false` before calling back.
  void emptyEventLoop(baseline).then(() => settle(calledBack ?? resultMessage(null)));
}

function unhandled(errorType: string) {
  return (error: unknown) => {
    const payload = errorPayload(error);
    const message: FromChild = {
      type: 'error',
      error: namedError(errorType, `${payload.errorType}: ${payload.errorMessage}`, error),
      maxRssBytes: maxRssBytes(),
      fatal: true,
    };
    // Lambda's runtime exits after an uncaught error; the next invocation gets a fresh process.
    if (settleCurrent !== undefined) settleCurrent(message, () => process.exit(1));
    else process.exit(1);
  };
}

if (process.send === undefined) {
  process.stderr.write('childRunner is started by the Lambda runner, not directly\n');
  process.exit(2);
}
patchConsole();
// Opening the stdio pipes now puts them in every invocation's baseline; opened by a handler's
// first console line, they would look like work left pending and hold its response.
void [process.stdout, process.stderr];
process.on('uncaughtException', unhandled('Runtime.UncaughtException'));
process.on('unhandledRejection', unhandled('Runtime.UnhandledPromiseRejection'));
// The runner went away: nothing will ask for this process again.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: unknown) => {
  if (!isToChild(message)) return;
  if (message.type === 'load') void load(message.file, message.exportPath, message.written);
  else invoke(message.event, message.context);
});
