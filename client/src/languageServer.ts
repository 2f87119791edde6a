import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter, type Disposable, type Event, type LogOutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

export type ServerState = 'starting' | 'running' | 'stopped';

/** Inspector flags on the extension host mean the extension is being debugged: the server then gets an inspector of its own. */
function debugging(): boolean {
  return process.execArgv.some((arg) => /^--(inspect|debug)(-brk)?(=|$)/.test(arg));
}

/** Where the server's code is and where its V8 code cache goes (see serverLoader.ts). */
export interface ServerFiles {
  readonly loader: string;
  readonly server: string;
  readonly codeCache: string;
}

/** The server over stdio, as vscode-languageclient would fork it, through the loader. */
function forkServer(files: ServerFiles): ChildProcess {
  return fork(files.loader, [files.server, files.codeCache, '--stdio', `--clientProcessId=${process.pid}`], {
    silent: true,
    execArgv: [...SERVER_NODE_FLAGS, ...(debugging() ? ['--nolazy', '--inspect=6019'] : [])],
    // In desktop VS Code process.execPath is Electron: these make it run as plain Node.js.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
  });
}

/**
 * The language server as the rest of the client sees it, usable from the moment activate()
 * runs while vscode-languageclient is still loading. The server process is forked first, so
 * that it reads its own bundle while the library loads here: the two overlap instead of
 * adding up before the server can answer `initialize`.
 */
export class LanguageServer implements Disposable {
  private readonly states = new EventEmitter<ServerState>();
  readonly onDidChangeState: Event<ServerState> = this.states.event;
  private current: ServerState = 'starting';
  /** Forked before the client exists; the client's first start takes it, restarts fork anew. */
  private forked: ChildProcess | undefined;
  private readonly client: Promise<LanguageClient>;
  /** Resolves once the server has answered `initialize`; rejects when it could not start. */
  readonly ready: Promise<void>;

  constructor(files: ServerFiles, log: LogOutputChannel) {
    this.forked = forkServer(files);
    const serverProcess = () => {
      const child = this.forked ?? forkServer(files);
      this.forked = undefined;
      return child;
    };
    this.client = import('./languageClient').then(({ createLanguageClient }) => createLanguageClient(serverProcess, log, (state) => this.changeState(state)));
    this.ready = this.client.then(
      (client) => client.start(),
      (err: unknown) => {
        this.forked?.kill();
        this.changeState('stopped');
        throw err;
      },
    );
  }

  get state(): ServerState {
    return this.current;
  }

  async sendRequest<R>(method: string, params: unknown): Promise<R> {
    await this.ready;
    return (await this.client).sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
    const client = await this.client.catch(() => undefined);
    await client?.stop();
  }

  dispose(): void {
    void this.stop();
    this.states.dispose();
  }

  private changeState(state: ServerState): void {
    this.current = state;
    this.states.fire(state);
  }
}
