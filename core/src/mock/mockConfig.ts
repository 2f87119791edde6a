import { promises as fs } from 'node:fs';

/** The emulator's part of apigw.config.json (the Lambda runner reads `functions` from the same file). */
export interface MockConfig {
  stage?: string;
  stageVariables: Record<string, string>;
}

/**
 * Reads `{"stage": "dev", "stageVariables": {"name": "value"}}` from a config file. A missing
 * file is an empty config unless it was named explicitly; anything malformed is an error.
 */
export async function readMockConfig(file: string, explicit: boolean): Promise<MockConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !explicit) return { stageVariables: {} };
    throw new Error(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const record = root !== null && typeof root === 'object' && !Array.isArray(root) ? (root as Record<string, unknown>) : {};
  const stageVariables: Record<string, string> = {};
  const vars = record.stageVariables;
  if (vars !== undefined) {
    if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) throw new Error(`${file}: "stageVariables" must be an object of strings`);
    for (const [name, value] of Object.entries(vars)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Error(`${file}: stageVariables.${name} must be a string`);
      stageVariables[name] = String(value);
    }
  }
  if (record.stage !== undefined && typeof record.stage !== 'string') throw new Error(`${file}: "stage" must be a string`);
  return { stage: record.stage as string | undefined, stageVariables };
}
