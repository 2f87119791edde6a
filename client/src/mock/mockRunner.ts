import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { EventEmitter, type Disposable, type Event, type OutputChannel } from 'vscode';

/** One JSON line of the CLI's access log, as printed (values are strings). */
export type AccessLogLine = Record<string, string>;

export interface RunningMock {
  /** The definition being served. */
  readonly file: string;
  /** `http://127.0.0.1:3000` */
  readonly url: string;
  /** The URL requests go to: the server's, plus the stage segment unless it is `$default`. */
  readonly baseUrl: string;
}

export interface MockStart {
  file: string;
  port: number;
  /** Empty: the CLI's default. */
  stage: string;
  cwd: string;
}

/*
 * Runs the bundled CLI (`apigw mock`) under `node -e` with this preamble, so the mock ends when
 * its stdin closes: that happens when the extension host goes away for any reason, even a
 * crash that never calls `deactivate`, and leaves no orphan server holding the port.
 */
const WATCHDOG = "process.stdin.on('end',()=>process.kill(process.pid,'SIGTERM'));process.stdin.resume();require(process.argv[1]);";

const READY_TIMEOUT_MS = 30_000;
const KILL_AFTER_MS = 3_000;

/** One `apigw mock` child process at a time; the extension only starts, stops and shows it. */
export class MockRunner implements Disposable {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private state: RunningMock | undefined;
  private readonly changed = new EventEmitter<RunningMock | undefined>();
  private readonly accessLogged = new EventEmitter<AccessLogLine>();
  readonly onDidChange: Event<RunningMock | undefined> = this.changed.event;
  readonly onAccessLog: Event<AccessLogLine> = this.accessLogged.event;

  constructor(
    private readonly cli: string,
    private readonly output: OutputChannel,
  ) {}

  get running(): RunningMock | undefined {
    return this.state;
  }

  /** Resolves once the CLI says it listens; rejects with its last words when it exits first. */
  async start(options: MockStart): Promise<RunningMock> {
    await this.stop();
    const args = ['-e', WATCHDOG, this.cli, 'mock', options.file, '--port', String(options.port)];
    if (options.stage) args.push('--stage', options.stage);
    this.output.appendLine(`$ apigw mock ${path.basename(options.file)} --port ${options.port}${options.stage ? ` --stage ${options.stage}` : ''}`);
    // The extension host's executable is Electron in desktop VS Code: this makes it a plain Node.
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));

    return new Promise<RunningMock>((resolve, reject) => {
      let url: string | undefined;
      let settled = false;
      const recent: string[] = [];
      const timer = setTimeout(() => fail(new Error(`apigw mock did not start within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void this.stop();
        reject(err);
      };
      const onLine = (line: string, fromStdout: boolean) => {
        this.output.appendLine(line);
        if (!fromStdout) {
          recent.push(line);
          if (recent.length > 5) recent.shift();
          return;
        }
        if (line.startsWith('{')) {
          try {
            this.accessLogged.fire(JSON.parse(line) as AccessLogLine);
          } catch {
            // not an access-log record after all: it is in the output channel either way
          }
          return;
        }
        if (settled) return;
        const listening = /^listening on (\S+)/.exec(line);
        if (listening) url = listening[1];
        // The second line names the stage the CLI chose (config default, dev or $default).
        const stage = /, stage (\S+)/.exec(line);
        if (url && stage) {
          settled = true;
          clearTimeout(timer);
          this.state = { file: options.file, url, baseUrl: stage[1] === '$default' ? url : `${url}/${stage[1]}` };
          this.changed.fire(this.state);
          resolve(this.state);
        }
      };
      forEachLine(child.stdout, (line) => onLine(line, true));
      forEachLine(child.stderr, (line) => onLine(line, false));
      child.once('error', (err) => fail(err));
      child.once('exit', (code, signal) => {
        this.output.appendLine(`apigw mock exited (${signal ?? `code ${code}`})`);
        if (this.child === child) {
          this.child = undefined;
          this.state = undefined;
          this.changed.fire(undefined);
        }
        fail(new Error(recent.length > 0 ? recent.join('\n') : `apigw mock exited with code ${code}`));
      });
    });
  }

  /** SIGTERM (the CLI closes the server and its Lambda processes), SIGKILL if it lingers. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return this.exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    await this.exited;
    clearTimeout(timer);
  }

  dispose(): void {
    this.child?.kill('SIGTERM');
    this.changed.dispose();
    this.accessLogged.dispose();
  }
}

function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  let partial = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  });
}
