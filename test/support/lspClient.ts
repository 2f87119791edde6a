import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    source?: string;
    message: string;
    codeDescription?: { href: string };
    data?: unknown;
  }>;
}

const REPO = path.resolve(__dirname, '..', '..', '..');

/** The real server bundle, spawned as an editor would, spoken to over JSON-RPC on stdio. */
export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly waiters: Array<{ match: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }> = [];
  readonly published: PublishedDiagnostics[] = [];
  exitCode: number | null = null;
  stderr = '';

  constructor(initializationOptions: unknown = {}) {
    // With the flags the VS Code client gives it, so a flag Node refuses fails every LSP test.
    this.process = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(REPO, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.on('exit', (code) => {
      this.exitCode = code;
    });
    this.process.stderr?.on('data', (b: Buffer) => {
      this.stderr += b.toString();
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.match(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', () => [initializationOptions]);
    this.connection.listen();
    this.initOptions = initializationOptions;
  }

  private readonly initOptions: unknown;

  /** The server's process id, to read its memory from /proc. */
  get pid(): number | undefined {
    return this.process.pid;
  }

  /** `capabilities`: what the client claims to support (none by default), e.g. code action literals. */
  async initialize(capabilities: object = {}): Promise<Record<string, unknown>> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: this.initOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result.capabilities;
  }

  /** Any request by its LSP method name, e.g. `textDocument/definition`. */
  request<R>(method: string, params: object): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next publication for `uri` that satisfies `match` (already received ones count too). */
  waitFor(uri: string, match: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 15000): Promise<PublishedDiagnostics> {
    const m = (p: PublishedDiagnostics) => p.uri === uri && match(p);
    const done = this.published.find(m);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        match: m,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}
