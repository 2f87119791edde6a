// Starts and stops code-server (installed by installCodeServer.mjs) for one run.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerPackage } from './installCodeServer.mjs';

const ENTRY = join(codeServerPackage, 'out', 'node', 'entry.js');

function baseArgs(run) {
  const config = join(run.dir, 'config.yaml');
  // Its own config file: without one code-server writes ~/.config/code-server/config.yaml.
  writeFileSync(config, 'auth: none\n');
  return ['--config', config, '--user-data-dir', run.userData, '--extensions-dir', run.extensions];
}

/** `code-server --install-extension <vsix>` into the run's private extensions folder. */
export function installExtension(run, vsix) {
  return execFileSync(process.execPath, [ENTRY, ...baseArgs(run), '--install-extension', vsix, '--force'], { encoding: 'utf8', env: { ...process.env, TMPDIR: run.tmp } });
}

export function listExtensions(run) {
  return execFileSync(process.execPath, [ENTRY, ...baseArgs(run), '--list-extensions', '--show-versions'], { encoding: 'utf8', env: { ...process.env, TMPDIR: run.tmp } })
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/**
 * Starts code-server on 127.0.0.1 with a free port, in its own process group so that
 * stopping it also ends the extension host and the language server it started. `env` reaches
 * the extension host (the suite reads its mode and result file from there).
 */
export function startCodeServer(run, env = {}) {
  const args = [...baseArgs(run), '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened'];
  if (run.mode === 'trusted') args.push('--disable-workspace-trust');
  const child = spawn(process.execPath, [ENTRY, ...args], {
    cwd: run.dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, TMPDIR: run.tmp },
  });
  let log = '';
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${log}`)), 60_000);
    const onData = (chunk) => {
      log += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\/?/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], port: Number(match[2]) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${log}`));
    });
  });
  return {
    listening,
    log: () => log,
    async stop() {
      for (const [signal, wait] of [['SIGTERM', 5000], ['SIGKILL', 5000]]) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          break; // the group is gone
        }
        if (await Promise.race([stopped.then(() => true), new Promise((r) => setTimeout(() => r(false), wait))])) break;
      }
      // Children that outlived the group leader still hold the group id.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // none left
      }
      rmSync(run.tmp, { recursive: true, force: true });
    },
  };
}
