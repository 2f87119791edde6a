// Installs code-server (a real VS Code workbench and extension host served from npm) into
// the git-ignored .e2e/ folder, for the real-VS-Code tests on machines without a desktop
// VS Code. It is not a dependency of the extension. Idempotent: a finished install is kept.
//   node scripts/e2e/installCodeServer.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const CODE_SERVER_VERSION = '4.100.3';
// What code-server 4.100.3's lib/vscode pins: @vscode/ripgrep 1.15.11 fetches ripgrep v13.0.0-10.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET_VERSION = 'v13.0.0-10';

const prefix = resolve('.e2e/code-server');
export const codeServerPackage = join(prefix, 'node_modules', 'code-server');
const doneMarker = join(prefix, `installed-${CODE_SERVER_VERSION}`);

function which(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/**
 * @vscode/ripgrep's postinstall downloads a prebuilt rg from GitHub, which this network
 * refuses; it first looks in its cache under TMPDIR, so a tarball of the system's rg
 * (Debian's ripgrep package) placed there stands in for the download.
 */
function fillRipgrepCache(tmp) {
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep is not installed: apt-get install ripgrep (the code-server install needs its binary)');
  const target = arch() === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const cache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  mkdirSync(cache, { recursive: true });
  const tarball = join(cache, `ripgrep-${RIPGREP_ASSET_VERSION}-${target}.tar.gz`);
  const binDir = rg.slice(0, rg.lastIndexOf('/'));
  execFileSync('tar', ['czf', tarball, '-C', binDir, 'rg']);
}

function isInstalled() {
  return existsSync(doneMarker);
}

export function install() {
  if (isInstalled()) {
    console.log(`code-server ${CODE_SERVER_VERSION}: already installed in ${prefix}`);
    return 0;
  }
  const started = performance.now();
  const tmp = join(prefix, 'tmp');
  mkdirSync(tmp, { recursive: true });
  // Its own package.json stops npm from walking up into the extension's project, and approves
  // the install scripts code-server needs (it builds VS Code's native modules in postinstall).
  const manifest = { private: true, allowScripts: { 'code-server': true, argon2: true } };
  writeFileSync(join(prefix, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fillRipgrepCache(tmp);
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--omit=dev', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: prefix,
    stdio: 'inherit',
    // code-server's postinstall refuses to run as root without unsafe-perm (npm 11 no longer
    // knows the flag, the script still reads the variable); node-pty's build asks to confirm
    // an npx download; kerberos needs libkrb5-dev.
    env: { ...process.env, TMPDIR: tmp, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
  });
  const installed = JSON.parse(readFileSync(join(codeServerPackage, 'package.json'), 'utf8')).version;
  if (installed !== CODE_SERVER_VERSION) throw new Error(`expected code-server ${CODE_SERVER_VERSION}, npm installed ${installed}`);
  writeFileSync(doneMarker, '');
  const seconds = (performance.now() - started) / 1000;
  console.log(`code-server ${CODE_SERVER_VERSION}: installed in ${seconds.toFixed(1)} s`);
  return seconds;
}

if (import.meta.url === `file://${process.argv[1]}`) install();
