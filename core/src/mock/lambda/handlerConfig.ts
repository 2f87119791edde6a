import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS, type FunctionDefinition } from './functionDefinition';
import { parseFunctionRef } from './functionRef';
import { configHandlerSource } from './handlerSource';
import { isRecord } from './records';

export const CONFIG_FILE_NAME = 'apigw.config.json';

/** Lambda's own bounds: 1 s to 15 min, 128 MB to 10 GB. */
const MAX_TIMEOUT_MS = 900_000;
const MIN_MEMORY_MB = 128;
const MAX_MEMORY_MB = 10_240;

export interface ConfigFunctions {
  definitions: FunctionDefinition[];
  problems: string[];
  /** The config file that was read; undefined when there was none. */
  file: string | undefined;
}

/**
 * The functions of an apigw.config.json:
 * `{"functions": {"<name, ARN or stage-variable value>": "src/orders.js#handler" |
 *   {"handler": "...", "env": {...}, "timeoutMs": 6000, "memorySize": 256}}}`.
 * A bad entry is reported and skipped; the others still map.
 */
export async function readConfigFunctions(file: string, explicit: boolean): Promise<ConfigFunctions> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { definitions: [], problems: missing && !explicit ? [] : [`${file}: cannot read: ${messageOf(error)}`], file: undefined };
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return { definitions: [], problems: [`${file}: not valid JSON: ${messageOf(error)}`], file };
  }
  const functions = isRecord(root) ? root.functions : undefined;
  if (!isRecord(functions)) return { definitions: [], problems: [`${file}: expected {"functions": {...}}`], file };
  const definitions: FunctionDefinition[] = [];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(functions)) {
    const entry = readEntry(path.dirname(file), key, value);
    if (typeof entry === 'string') problems.push(`${file}: functions["${key}"]: ${entry}`);
    else definitions.push({ ...entry, source: file });
  }
  return { definitions, problems, file };
}

function readEntry(baseDir: string, key: string, value: unknown): Omit<FunctionDefinition, 'source'> | string {
  const entry = typeof value === 'string' ? { handler: value } : value;
  if (!isRecord(entry) || typeof entry.handler !== 'string') return 'needs a "handler" such as "src/orders.js#handler"';
  const timeoutMs = entry.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) return `timeoutMs must be a number of milliseconds up to ${MAX_TIMEOUT_MS}`;
  const memoryMb = entry.memorySize ?? DEFAULT_MEMORY_MB;
  if (typeof memoryMb !== 'number' || !Number.isInteger(memoryMb) || memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
    return `memorySize must be a whole number of MB from ${MIN_MEMORY_MB} to ${MAX_MEMORY_MB}`;
  }
  const env: Record<string, string> = {};
  if (entry.env !== undefined) {
    if (!isRecord(entry.env)) return 'env must be an object of strings';
    for (const [name, v] of Object.entries(entry.env)) {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return `env.${name} must be a string`;
      env[name] = String(v);
    }
  }
  const name = parseFunctionRef(key).name;
  return { keys: [...new Set([key, name])], name, handler: configHandlerSource(baseDir, entry.handler), env, timeoutMs, memoryMb, taskRoot: baseDir };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
