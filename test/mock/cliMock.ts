import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');

/** `apigw mock` from the bundle, running in a child process. */
export interface CliMock {
  child: ChildProcess;
  /** The URL of its "listening on" line. */
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Its exit code, once it has exited. */
  exit: Promise<number | null>;
  /** Sends `signal` and waits for the exit. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export interface CliMockOptions {
  /** Where it runs, which is its workspace (default: the repository). */
  cwd?: string;
  /** How long it may take to print its "listening on" line (and `ready`). */
  timeoutMs?: number;
  /** More of the output to wait for after the "listening on" line. */
  ready?: (stdout: string) => boolean;
}

/**
 * Starts `apigw mock <args>` from the bundle and waits for its "listening on" line (a whole
 * line: a chunk may end inside the URL). Rejects with what it wrote when it exits first or
 * takes longer than `timeoutMs`, and then leaves no process behind.
 */
export function startCliMock(args: string[], options: CliMockOptions = {}): Promise<CliMock> {
  const child = spawn(process.execPath, [CLI, 'mock', ...args], { cwd: options.cwd ?? REPO });
  let out = '';
  let err = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    child.kill(signal);
    return exit;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`apigw mock printed no "listening on" line in ${options.timeoutMs ?? 15_000} ms; stdout: ${out}; stderr: ${err}`));
    }, options.timeoutMs ?? 15_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^listening on (\S+)\n/m.exec(out);
      if (m && (options.ready?.(out) ?? true)) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stdout: () => out, stderr: () => err, exit, stop });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`apigw mock exited ${code}: ${err}`));
    });
  });
}
