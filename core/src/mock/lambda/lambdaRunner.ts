import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { loadFunctionCatalog, type FunctionCatalog } from './functionCatalog';
import type { FunctionDefinition } from './functionDefinition';
import { FunctionPool } from './functionPool';
import type { LambdaOutcome, LambdaRunner, LambdaRunnerOptions } from './types';

/**
 * Where the child entry point is: beside this file when running from out/ (tests), or the
 * separate bundle dist/lambdaChild.js beside the bundle that holds this code.
 */
function childRunnerPath(): string | undefined {
  return [path.join(__dirname, 'childRunner.js'), path.join(__dirname, 'lambdaChild.js')].find((p) => existsSync(p));
}

const UNTRUSTED =
  'Local Lambda handlers are code from the workspace and run only when the workspace is trusted; ' +
  'trust the workspace to run them';

/** Runs Lambda integrations against local handlers, each function in its own warm processes. */
export async function createLambdaRunner(options: LambdaRunnerOptions): Promise<LambdaRunner> {
  if (!options.trusted) {
    const refused: LambdaOutcome = { kind: 'refused', message: UNTRUSTED };
    return { invoke: async () => refused, reload: async () => undefined, close: async () => undefined };
  }
  const childPath = childRunnerPath();
  const log = options.log;
  const load = async (): Promise<FunctionCatalog> => {
    const catalog = await loadFunctionCatalog(options.apiFile, options.configFile);
    for (const problem of catalog.problems) log?.(`lambda: ${problem}`);
    return catalog;
  };
  let catalog = await load();
  let pools = new Map<FunctionDefinition, FunctionPool>();
  let closed = false;

  return {
    async invoke(functionRef, event, context, timeoutMs) {
      if (closed) return { kind: 'crash', message: 'the Lambda runner was closed' };
      const definition = catalog.find(functionRef);
      if (definition === undefined) return { kind: 'unmapped', message: catalog.unmappedMessage(functionRef) };
      const handler = definition.handler;
      if ('unsupported' in handler) return { kind: 'unmapped', message: `${handler.unsupported} (${definition.source})` };
      if (childPath === undefined) {
        return { kind: 'crash', message: `the Lambda child runner is missing beside ${__dirname} (childRunner.js or lambdaChild.js); rebuild the extension` };
      }
      let pool = pools.get(definition);
      if (pool === undefined) {
        pool = new FunctionPool({ definition: { ...definition, handler }, workspaceRoot: options.workspaceRoot, childPath, log });
        pools.set(definition, pool);
      }
      return pool.invoke(functionRef, event, context, timeoutMs);
    },
    async reload() {
      const next = await load();
      const retiring = [...pools.values()];
      catalog = next;
      pools = new Map();
      await Promise.all(retiring.map((pool) => pool.retire()));
    },
    async close() {
      closed = true;
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}
