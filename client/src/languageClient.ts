/*
 * vscode-languageclient and the options the extension gives it, bundled apart from the client
 * (dist/languageClient.js, see scripts/build.mjs): the library is nine tenths of the client's
 * code, and loading it after activate() has returned keeps it out of VS Code's activation time.
 */
import type { ChildProcess } from 'node:child_process';
import type { LogOutputChannel } from 'vscode';
import { LanguageClient, State, type LanguageClientOptions } from 'vscode-languageclient/node';
import type { ServerState } from './languageServer';
import { redactingChannel } from './redactingChannel';

const STATES: Readonly<Record<State, ServerState>> = {
  [State.Starting]: 'starting',
  [State.Running]: 'running',
  [State.Stopped]: 'stopped',
};

/** `serverProcess` is called for the first start and for each restart after a crash. */
export function createLanguageClient(serverProcess: () => ChildProcess, log: LogOutputChannel, onState: (state: ServerState) => void): LanguageClient {
  const channel = redactingChannel(log);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: { configurationSection: 'apigw' },
    // Server log and the `apigw.trace.server` protocol trace share one channel; the trace
    // quotes whole documents, so credentials written in a definition are masked on the way.
    outputChannel: channel,
    traceOutputChannel: channel,
  };
  const client = new LanguageClient('apigw', 'API Gateway', () => Promise.resolve(serverProcess()), clientOptions);
  client.onDidChangeState(({ newState }) => onState(STATES[newState]));
  return client;
}
