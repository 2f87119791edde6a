import { fork, type ChildProcess } from 'node:child_process';
import { isFromChild, type FromChild, type HandlerContextData, type LambdaErrorPayload, type ToChild } from './childProtocol';

export interface InstanceOptions {
  childPath: string;
  file: string;
  exportPath: string[];
  written: string;
  cwd: string;
  env: Record<string, string>;
  memoryMb: number;
  /** Prefix for the process's output lines, e.g. `[orders] `. */
  logPrefix: string;
  log: ((line: string) => void) | undefined;
}

export type LoadResult = { ok: true } | { ok: false; error: LambdaErrorPayload } | { ok: false; exited: string };
export type RunResult = Extract<FromChild, { type: 'result' | 'error' }> | { type: 'exited'; description: string };

/** The tail of stderr kept to explain an exit (V8 prints its out-of-memory report there). */
const STDERR_TAIL_CHARS = 4000;

/**
 * One warm process running one handler: Lambda's execution environment. It serves one
 * invocation at a time; the pool decides which instance gets which invocation.
 */
export class FunctionInstance {
  readonly loaded: Promise<LoadResult>;
  readonly exited: Promise<string>;
  private readonly child: ChildProcess;
  /** Whoever waits on the process now: the load, then one invocation at a time. */
  private waiting: { message(message: FromChild): void; exit(description: string): void } | undefined;
  private stderrTail = '';
  private exitDescription: string | undefined;

  constructor(options: InstanceOptions) {
    this.child = fork(options.childPath, [], {
      cwd: options.cwd,
      env: options.env,
      // Lambda's memory setting bounds the heap, so a runaway handler dies here as it would there.
      execArgv: [`--max-old-space-size=${options.memoryMb}`],
      stdio: ['ignore', options.log ? 'pipe' : 'ignore', 'pipe', 'ipc'],
    });
    forwardLines(this.child.stdout, (line) => options.log?.(options.logPrefix + line));
    forwardLines(this.child.stderr, (line) => {
      options.log?.(options.logPrefix + line);
      this.stderrTail = (this.stderrTail + line + '\n').slice(-STDERR_TAIL_CHARS);
    });
    this.exited = new Promise((resolve) => {
      const done = (description: string) => {
        if (this.exitDescription !== undefined) return;
        this.exitDescription = description;
        this.waiting?.exit(description);
        resolve(description);
      };
      // 'close' rather than 'exit': stderr is complete by then, out-of-memory report included.
      this.child.once('close', (code: number | null, signal: NodeJS.Signals | null) => done(this.describeExit(code, signal, options.memoryMb)));
      this.child.once('error', (error) => done(`Runtime failed to start: ${error.message}`));
    });
    this.child.on('message', (message: unknown) => {
      if (isFromChild(message)) this.waiting?.message(message);
    });
    this.loaded = new Promise<LoadResult>((resolve) => {
      this.waiting = {
        message: (message) => {
          if (message.type === 'ready') resolve({ ok: true });
          else if (message.type === 'loadFailed') resolve({ ok: false, error: message.error });
        },
        exit: (description) => resolve({ ok: false, exited: description }),
      };
    });
    this.send({ type: 'load', file: options.file, exportPath: options.exportPath, written: options.written });
  }

  get alive(): boolean {
    return this.exitDescription === undefined;
  }

  run(event: unknown, context: HandlerContextData): Promise<RunResult> {
    return new Promise((resolve) => {
      if (this.exitDescription !== undefined) return resolve({ type: 'exited', description: this.exitDescription });
      this.waiting = {
        message: (message) => {
          if (message.type !== 'result' && message.type !== 'error') return;
          this.waiting = undefined;
          resolve(message);
        },
        exit: (description) => resolve({ type: 'exited', description }),
      };
      this.send({ type: 'invoke', event, context });
    });
  }

  /** Ends the process at once (a timeout, a reload) and resolves when it is gone. */
  kill(): Promise<string> {
    if (this.alive) this.child.kill('SIGKILL');
    return this.exited;
  }

  private send(message: ToChild): void {
    if (!this.alive || !this.child.connected) return;
    // A channel that closes under the send shows up as the exit that follows; nothing to do here.
    this.child.send(message, () => undefined);
  }

  private describeExit(code: number | null, signal: NodeJS.Signals | null, memoryMb: number): string {
    if (/heap out of memory|Allocation failed/.test(this.stderrTail)) {
      return `Runtime exited with error: out of memory (the function's memory size is ${memoryMb} MB)`;
    }
    return signal !== null ? `Runtime exited with error: signal: ${signal}` : `Runtime exited with error: exit status ${code ?? 'unknown'}`;
  }
}

function forwardLines(stream: NodeJS.ReadableStream | null, emit: (line: string) => void): void {
  if (stream === null) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) emit(line.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (pending !== '') emit(pending);
  });
}
