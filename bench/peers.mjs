// The peers the benchmarks compare with, installed on demand at pinned versions into the
// git-ignored bench/.peers/ — never dependencies of the project, so `npm ci` stays ours alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PEERS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '.peers');

/** The folder of `pkg` at `version` in bench/.peers/, installed when missing; undefined when npm fails. */
export function installPeer(pkg, version) {
  const dir = path.join(PEERS_DIR, 'node_modules', ...pkg.split('/'));
  const manifest = path.join(dir, 'package.json');
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === version) return dir;
  mkdirSync(PEERS_DIR, { recursive: true });
  if (!existsSync(path.join(PEERS_DIR, 'package.json'))) writeFileSync(path.join(PEERS_DIR, 'package.json'), '{"name":"apigw-bench-peers","private":true}\n');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', `${pkg}@${version}`], { cwd: PEERS_DIR, stdio: ['ignore', 2, 2] });
  return r.status === 0 ? dir : undefined;
}

/** The script a package's `bin` entry `name` points at (run it with node). */
export function peerBin(dir, name) {
  const { bin } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return path.join(dir, typeof bin === 'string' ? bin : bin[name]);
}
