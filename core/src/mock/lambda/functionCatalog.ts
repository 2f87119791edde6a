import * as path from 'node:path';
import type { FunctionDefinition } from './functionDefinition';
import { lookupKeys, unsetStageVariables } from './functionRef';
import { CONFIG_FILE_NAME, readConfigFunctions } from './handlerConfig';
import { readSamFunctions } from './samFunctions';

/** Every locally mapped function: apigw.config.json entries first, then the SAM template's. */
export interface FunctionCatalog {
  find(functionRef: string): FunctionDefinition | undefined;
  /** Why a function has no local handler, and how to give it one. */
  unmappedMessage(functionRef: string): string;
  /** What could not be read, to be logged once per load. */
  problems: readonly string[];
}

export async function loadFunctionCatalog(apiFile: string, configFile: string | undefined): Promise<FunctionCatalog> {
  const [config, sam] = await Promise.all([
    readConfigFunctions(configFile ?? path.join(path.dirname(apiFile), CONFIG_FILE_NAME), configFile !== undefined),
    readSamFunctions(apiFile),
  ]);
  const byKey = new Map<string, FunctionDefinition>();
  for (const definition of [...config.definitions, ...sam.definitions]) {
    for (const key of definition.keys) if (!byKey.has(key)) byKey.set(key, definition);
  }
  const read = [config.file, sam.file].filter((f): f is string => f !== undefined);
  // Asked on every invocation; a catalog is fixed once loaded (a reload makes a new one).
  const found = new Map<string, FunctionDefinition | undefined>();
  return {
    problems: [...config.problems, ...sam.problems],
    find(functionRef) {
      if (!found.has(functionRef)) found.set(functionRef, lookupKeys(functionRef).map((k) => byKey.get(k)).find((d) => d !== undefined));
      return found.get(functionRef);
    },
    unmappedMessage(functionRef) {
      const unset = unsetStageVariables(functionRef);
      if (unset.length > 0) return `Lambda function "${functionRef}" names stage variable(s) ${unset.join(', ')} that this stage does not set`;
      const key = lookupKeys(functionRef).at(-1) ?? functionRef;
      const searched = read.length > 0 ? `not found in ${read.join(' or ')}` : `no ${CONFIG_FILE_NAME} or SAM template.yaml beside the API`;
      return (
        `No local handler for Lambda function "${functionRef}" (${searched}). Map it in ${CONFIG_FILE_NAME} beside the API: ` +
        `{"functions": {"${key}": {"handler": "src/${key}.js#handler"}}}`
      );
    },
  };
}
