import { isRecord } from './records';

/*
 * Messages between the runner and a function's process (over the fork IPC channel). The child
 * runs the workspace's code, so what it sends is checked before it is believed.
 */

/** Lambda's error payload: what the Invoke API returns for a function error. */
export interface LambdaErrorPayload {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export interface HandlerContextData {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
  /** Epoch milliseconds at which the function's own timeout ends. */
  deadlineMs: number;
}

export type ToChild =
  /** `written` is the handler as the mapping wrote it, for Lambda's own messages. */
  | { type: 'load'; file: string; exportPath: string[]; written: string }
  | { type: 'invoke'; event: unknown; context: HandlerContextData };

export type FromChild =
  | { type: 'ready' }
  | { type: 'loadFailed'; error: LambdaErrorPayload }
  /** `json` is the result as Lambda's runtime serializes it; `maxRssBytes` (the process's peak) feeds the REPORT line. */
  | { type: 'result'; json: string; maxRssBytes: number }
  /** `fatal`: the process exits after sending it (an uncaught error), so it must not be reused. */
  | { type: 'error'; error: LambdaErrorPayload; maxRssBytes: number; fatal: boolean };

function isErrorPayload(value: unknown): value is LambdaErrorPayload {
  return (
    isRecord(value) &&
    typeof value.errorType === 'string' &&
    typeof value.errorMessage === 'string' &&
    Array.isArray(value.trace) &&
    value.trace.every((line) => typeof line === 'string')
  );
}

export function isFromChild(value: unknown): value is FromChild {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'loadFailed':
      return isErrorPayload(value.error);
    case 'result':
      return typeof value.json === 'string' && typeof value.maxRssBytes === 'number';
    case 'error':
      return isErrorPayload(value.error) && typeof value.maxRssBytes === 'number' && typeof value.fatal === 'boolean';
    default:
      return false;
  }
}

export function isToChild(value: unknown): value is ToChild {
  if (!isRecord(value)) return false;
  if (value.type === 'load') return typeof value.file === 'string' && typeof value.written === 'string' && Array.isArray(value.exportPath);
  return value.type === 'invoke' && isRecord(value.context);
}
