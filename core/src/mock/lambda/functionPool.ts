import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { HandlerContextData } from './childProtocol';
import type { FunctionDefinition, HandlerSource } from './functionDefinition';
import { FunctionInstance, type RunResult } from './functionInstance';
import { parseFunctionRef } from './functionRef';
import { resolveHandlerFile } from './handlerFile';
import { lambdaEnvironment } from './lambdaEnvironment';
import { LOCAL_ACCOUNT_ID, localRegion } from './localAccount';
import type { InvokeContext, LambdaOutcome } from './types';

/** Lambda gives a function's initialization 10 s of its own, outside the function timeout. */
const INIT_LIMIT_MS = 10_000;
/** Lambda would scale further; past this many busy processes per function, invocations queue instead of forking more. */
const MAX_INSTANCES = 8;
/** Lambda's limit on a synchronous response. */
const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

const EXPIRED = Symbol('expired');

export interface PoolOptions {
  definition: FunctionDefinition & { handler: HandlerSource };
  workspaceRoot: string;
  childPath: string;
  log: ((line: string) => void) | undefined;
}

/**
 * The warm processes of one function. An invocation takes an idle process or starts one (a
 * cold start), as Lambda runs concurrent requests in separate execution environments; a process
 * that timed out, crashed or threw an uncaught error is dropped and the next invocation starts afresh.
 */
export class FunctionPool {
  private readonly idle: FunctionInstance[] = [];
  private readonly instances = new Set<FunctionInstance>();
  /** Invocations waiting for a process to come free, oldest first. */
  private readonly queue: Array<() => void> = [];
  private retired = false;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  async invoke(functionRef: string, event: unknown, context: InvokeContext, gatewayTimeoutMs: number): Promise<LambdaOutcome> {
    const started = performance.now();
    const gatewayLeft = () => gatewayTimeoutMs - (performance.now() - started);
    const { definition } = this.options;
    const slot = await this.acquire(gatewayLeft);
    if (slot === EXPIRED) return { kind: 'timeout', durationMs: round(performance.now() - started) };
    if ('refused' in slot) return { kind: 'refused', message: slot.refused };
    if ('crash' in slot) return { kind: 'crash', message: slot.crash };
    const initDurationMs = slot.cold ? await this.initialize(slot.instance, gatewayLeft, started) : undefined;
    if (typeof initDurationMs === 'object') return initDurationMs;
    const { instance } = slot;
    const requestId = context.awsRequestId;
    const log = (line: string) => this.options.log?.(`[${definition.name}] ${line}`);
    log(`START RequestId: ${requestId} Version: $LATEST`);
    const runStarted = performance.now();
    const functionTimeoutFirst = definition.timeoutMs <= gatewayLeft();
    const deadlineMs = Date.now() + definition.timeoutMs;
    const result = await within(instance.run(event, this.contextData(functionRef, context, deadlineMs)), Math.min(definition.timeoutMs, gatewayLeft()));
    const runMs = performance.now() - runStarted;
    const durationMs = round(performance.now() - started);
    const timing = initDurationMs === undefined ? { durationMs } : { durationMs, initDurationMs };
    if (result === EXPIRED) {
      void instance.kill();
      if (!functionTimeoutFirst) {
        log(`RequestId: ${requestId} the integration timeout ran out before the function finished`);
        return { kind: 'timeout', durationMs };
      }
      const errorMessage = `RequestId: ${requestId} Error: Task timed out after ${(definition.timeoutMs / 1000).toFixed(2)} seconds`;
      log(errorMessage);
      return { kind: 'error', errorType: 'Sandbox.Timedout', errorMessage, ...timing };
    }
    if (result.type === 'exited') {
      log(`RequestId: ${requestId} ${result.description}`);
      return { kind: 'crash', message: `${definition.name}: ${result.description}` };
    }
    log(`END RequestId: ${requestId}`);
    log(report(requestId, runMs, definition.memoryMb, result.maxRssBytes, initDurationMs));
    if (result.type === 'error' && result.fatal) void instance.kill();
    else this.release(instance);
    return outcomeOf(result, timing);
  }

  /** Waits for a new process to load its handler: the init duration, or the outcome that ends the invocation. */
  private async initialize(instance: FunctionInstance, gatewayLeft: () => number, started: number): Promise<number | LambdaOutcome> {
    const initStarted = performance.now();
    const gatewayFirst = gatewayLeft() < INIT_LIMIT_MS;
    const loaded = await within(instance.loaded, Math.min(INIT_LIMIT_MS, gatewayLeft()));
    if (loaded !== EXPIRED && loaded.ok) return round(performance.now() - initStarted);
    void instance.kill();
    if (loaded === EXPIRED && gatewayFirst) return { kind: 'timeout', durationMs: round(performance.now() - started) };
    const reason =
      loaded === EXPIRED ? `initialization did not finish within ${INIT_LIMIT_MS / 1000} s`
      : 'error' in loaded ? `${loaded.error.errorType}: ${loaded.error.errorMessage}`
      : loaded.exited;
    const { definition } = this.options;
    return { kind: 'crash', message: `Cannot load handler "${definition.handler.written}" of ${definition.name}: ${reason}` };
  }

  /** Stops the idle processes now and the busy ones when their invocation ends. */
  async retire(): Promise<void> {
    this.retired = true;
    await Promise.all(this.idle.splice(0).map((instance) => instance.kill()));
  }

  /** Stops every process now; invocations in progress or waiting end as crashes. */
  async close(): Promise<void> {
    this.retired = true;
    this.closed = true;
    this.idle.length = 0;
    await Promise.all([...this.instances].map((instance) => instance.kill()));
  }

  private async acquire(gatewayLeft: () => number): Promise<{ instance: FunctionInstance; cold: boolean } | { refused: string } | { crash: string } | typeof EXPIRED> {
    for (;;) {
      if (this.closed) return { crash: `${this.options.definition.name}: the Lambda runner was closed` };
      const warm = this.idle.pop();
      if (warm?.alive) return { instance: warm, cold: false };
      if (warm !== undefined) continue;
      if (this.instances.size < MAX_INSTANCES) break;
      let wake!: () => void;
      const freed = new Promise<void>((resolve) => (wake = resolve));
      this.queue.push(wake);
      if ((await within(freed, gatewayLeft())) === EXPIRED) {
        this.queue.splice(this.queue.indexOf(wake), 1);
        return EXPIRED;
      }
    }
    // Resolved at every cold start, so a handler built or moved after start-up is found.
    const file = resolveHandlerFile(this.options.definition.handler, this.options.workspaceRoot);
    if ('refused' in file) return file;
    if ('missing' in file) return { crash: file.missing };
    return { instance: this.spawn(file.file), cold: true };
  }

  private spawn(file: string): FunctionInstance {
    const { definition, childPath, log } = this.options;
    const instance = new FunctionInstance({
      childPath,
      file,
      exportPath: definition.handler.exportPath,
      written: definition.handler.written,
      cwd: existsSync(definition.taskRoot) ? definition.taskRoot : path.dirname(file),
      env: lambdaEnvironment(definition, process.env),
      memoryMb: definition.memoryMb,
      logPrefix: `[${definition.name}] `,
      log,
    });
    this.instances.add(instance);
    void instance.exited.then(() => {
      this.instances.delete(instance);
      const at = this.idle.indexOf(instance);
      if (at >= 0) this.idle.splice(at, 1);
      this.queue.shift()?.();
    });
    return instance;
  }

  private release(instance: FunctionInstance): void {
    if (this.retired) return void instance.kill();
    this.idle.push(instance);
    this.queue.shift()?.();
  }

  private contextData(functionRef: string, context: InvokeContext, deadlineMs: number): HandlerContextData {
    const { definition } = this.options;
    const parts = parseFunctionRef(functionRef);
    const name = context.functionName ?? definition.name;
    const region = parts.region ?? localRegion();
    const qualifier = parts.qualifier === undefined ? '' : `:${parts.qualifier}`;
    return {
      awsRequestId: context.awsRequestId,
      functionName: name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${region}:${parts.accountId ?? LOCAL_ACCOUNT_ID}:function:${name}${qualifier}`,
      memoryLimitInMB: String(definition.memoryMb),
      logGroupName: `/aws/lambda/${name}`,
      logStreamName: `local/[$LATEST]${process.pid}`,
      deadlineMs,
    };
  }
}

function outcomeOf(result: Exclude<RunResult, { type: 'exited' }>, timing: { durationMs: number; initDurationMs?: number }): LambdaOutcome {
  if (result.type === 'error') {
    const { errorType, errorMessage, trace } = result.error;
    return { kind: 'error', errorType, errorMessage, ...(trace.length > 0 ? { stack: trace } : {}), ...timing };
  }
  if (Buffer.byteLength(result.json) > MAX_RESPONSE_BYTES) {
    return {
      kind: 'error',
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
      ...timing,
    };
  }
  return { kind: 'result', payload: JSON.parse(result.json) as unknown, ...timing };
}

function report(requestId: string, runMs: number, memoryMb: number, maxRssBytes: number, initDurationMs: number | undefined): string {
  const init = initDurationMs === undefined ? '' : `\tInit Duration: ${initDurationMs.toFixed(2)} ms`;
  return (
    `REPORT RequestId: ${requestId}\tDuration: ${runMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(runMs)} ms\t` +
    `Memory Size: ${memoryMb} MB\tMax Memory Used: ${Math.round(maxRssBytes / 1024 / 1024)} MB${init}`
  );
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** The promise's value, or EXPIRED when `ms` pass first. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof EXPIRED> {
  if (ms <= 0) return Promise.resolve(EXPIRED);
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<typeof EXPIRED>((resolve) => {
    timer = setTimeout(() => resolve(EXPIRED), ms);
  });
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}
