import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lintText } from '../lint';
import type { KindOverride } from '../model/apiModel';
import { buildMockApi, type MockApi } from './definition';

export interface LoadedDefinition {
  api: MockApi;
  /** Lint findings by severity: the emulator serves what it can and says how much is wrong. */
  errors: number;
  warnings: number;
  /** Every local file the definition reads (the entry and its `$ref`s), to watch. */
  files: string[];
}

async function readLocal(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return await fs.readFile(fileURLToPath(uri), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Reads, lints and compiles a definition. Throws only when the entry file cannot be read. */
export async function loadDefinition(file: string, apiKind: KindOverride = 'auto'): Promise<LoadedDefinition> {
  const absolute = path.resolve(file);
  const text = await fs.readFile(absolute, 'utf8');
  const uri = pathToFileURL(absolute).toString();
  const { set, model, diagnostics } = await lintText(uri, text, readLocal, { apiKind });
  return {
    api: buildMockApi(model, set),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    files: set.files.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri)),
  };
}
