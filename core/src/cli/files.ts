import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRemote } from '../document/documentSet';
import { globToRegExp } from '../glob';

/**
 * Larger files are refused before reading, unless lint's --max-file-size asks for more:
 * an API definition is at most 6 MB for API Gateway, and reading takes about 20 times the file.
 */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** How much of a file the CLI reads, and the option that raises it (lint's), if the command has one. */
export interface ReadLimit {
  bytes: number;
  raisedBy?: string;
}

const DEFAULT_LIMIT: ReadLimit = { bytes: MAX_FILE_BYTES };

/** What `apigw lint` reads of one file when files up to `maxFileBytes` are to be checked. */
export function lintReadLimit(maxFileBytes: number): ReadLimit {
  return { bytes: Math.max(MAX_FILE_BYTES, maxFileBytes), raisedBy: '--max-file-size' };
}

/** A local file's text; refuses, before reading, what is not a regular file or is over the limit. */
export async function readLocalFile(file: string, limit = DEFAULT_LIMIT): Promise<string> {
  const stat = await fs.stat(file);
  // A device or a pipe (/dev/zero) would be read for ever.
  if (!stat.isFile()) throw new Error(`${path.basename(file)} is not a regular file`);
  if (stat.size > limit.bytes) {
    const raise = limit.raisedBy === undefined ? '' : `${limit.raisedBy} raises the limit; `;
    throw new Error(`${path.basename(file)} is larger than ${Math.round(limit.bytes / 1024 / 1024)} MB (${raise}API Gateway imports at most 6 MB)`);
  }
  return fs.readFile(file, 'utf8');
}

const DEFINITION_FILE = /\.(ya?ml|json)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.aws-sam', 'cdk.out', '.serverless']);

/** Reads `$ref` targets for the CLI: local files always (up to `limit`), remote URLs only when allowed. */
export function makeReader(allowRemote: boolean, limit = DEFAULT_LIMIT): (uri: string) => Promise<string | undefined> {
  return async (uri) => {
    if (isRemote(uri)) {
      if (!allowRemote) return undefined;
      const res = await fetch(uri, { signal: AbortSignal.timeout(10_000) });
      return res.ok ? await res.text() : undefined;
    }
    try {
      return await readLocalFile(fileURLToPath(uri), limit);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  };
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) await walk(full, out);
    } else if (e.isFile()) out.push(full);
  }
}

export interface Target {
  /** The path as the user gave it, or joined from the directory or glob they gave. */
  display: string;
  /** Given by name (lint it whatever it holds) or found in a directory or glob (lint it only if it is OpenAPI). */
  explicit: boolean;
}

/** Expands files, directories and globs into the files to lint. Unknown paths come back in `missing`. */
export async function expandTargets(args: readonly string[]): Promise<{ targets: Target[]; missing: string[] }> {
  const targets: Target[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (display: string, explicit: boolean) => {
    const key = path.resolve(display);
    if (!seen.has(key)) {
      seen.add(key);
      targets.push({ display, explicit });
    }
  };
  for (const arg of args) {
    if (/[*?{]/.test(arg)) {
      const firstMagic = arg.search(/[*?{]/);
      const base = arg.slice(0, firstMagic).replace(/[^/]*$/, '') || '.';
      const matcher = globToRegExp(path.posix.normalize(arg.split(path.sep).join('/')));
      const files: string[] = [];
      await walk(base, files);
      const matched = files.filter((f) => matcher.test(path.posix.normalize(f.split(path.sep).join('/'))));
      if (matched.length === 0) missing.push(arg);
      matched.forEach((f) => add(f, false));
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) {
      const files: string[] = [];
      await walk(arg, files);
      files.filter((f) => DEFINITION_FILE.test(f)).forEach((f) => add(f, false));
    } else add(arg, true);
  }
  return { targets, missing };
}
