import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../document/parse';
import { getProperty } from '../../document/pointer';
import type { ObjectNode, ValueNode } from '../../document/types';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS, type FunctionDefinition } from './functionDefinition';
import { lambdaHandlerSource } from './handlerSource';

const TEMPLATE_NAMES = ['template.yaml', 'template.yml', 'template.json'];

export interface SamFunctions {
  definitions: FunctionDefinition[];
  problems: string[];
  file: string | undefined;
}

/**
 * The `AWS::Serverless::Function`s of the SAM template beside the API, with `Globals.Function`
 * applied. Each is found under its logical id and its `FunctionName`. Values written as
 * CloudFormation expressions (`!Ref`, `!Sub`, `Fn::*`) cannot be known locally and count as unset.
 */
export async function readSamFunctions(apiFile: string): Promise<SamFunctions> {
  const dir = path.dirname(apiFile);
  for (const name of TEMPLATE_NAMES) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      continue;
    }
    return { ...functionsOf(parseText(text).root, file), file };
  }
  return { definitions: [], problems: [], file: undefined };
}

function functionsOf(root: ValueNode | undefined, file: string): Omit<SamFunctions, 'file'> {
  const definitions: FunctionDefinition[] = [];
  const problems: string[] = [];
  const resources = objectAt(root, 'Resources');
  const globals = objectAt(objectAt(root, 'Globals'), 'Function');
  for (const resource of resources?.properties ?? []) {
    const node = resource.valueNode;
    if (node?.kind !== 'object' || plain(getProperty(node, 'Type')?.valueNode) !== 'AWS::Serverless::Function') continue;
    const logicalId = resource.keyNode.value;
    const properties = objectAt(node, 'Properties');
    const setting = (key: string) => getProperty(properties ?? emptyObject, key)?.valueNode ?? getProperty(globals ?? emptyObject, key)?.valueNode;
    const functionName = plain(getProperty(properties ?? emptyObject, 'FunctionName')?.valueNode);
    const env: Record<string, string> = {};
    for (const variables of [objectAt(objectAt(globals, 'Environment'), 'Variables'), objectAt(objectAt(properties, 'Environment'), 'Variables')]) {
      for (const variable of variables?.properties ?? []) {
        const value = plain(variable.valueNode);
        if (value !== undefined) env[variable.keyNode.value] = String(value);
        else {
          problems.push(
            `${file}: ${logicalId} Environment.Variables.${variable.keyNode.value} is a CloudFormation expression and stays unset locally; ` +
              'to set it, map the function in apigw.config.json (an entry there replaces the template\'s) with "handler" and "env"',
          );
        }
      }
    }
    const timeout = plain(setting('Timeout'));
    const memory = plain(setting('MemorySize'));
    const codeRoot = path.resolve(path.dirname(file), String(plain(setting('CodeUri')) ?? '.'));
    definitions.push({
      source: file,
      keys: functionName === undefined ? [logicalId] : [logicalId, String(functionName)],
      name: functionName === undefined ? logicalId : String(functionName),
      handler: handlerOf(logicalId, setting, path.join(path.dirname(file), '.aws-sam', 'build', logicalId), codeRoot),
      env,
      timeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout * 1000 : DEFAULT_TIMEOUT_MS,
      memoryMb: typeof memory === 'number' && memory > 0 ? memory : DEFAULT_MEMORY_MB,
      taskRoot: codeRoot,
    });
  }
  return { definitions, problems };
}

function handlerOf(
  logicalId: string,
  setting: (key: string) => ValueNode | undefined,
  buildRoot: string,
  codeRoot: string,
): FunctionDefinition['handler'] {
  const remap = 'map this function to a Node handler in apigw.config.json';
  if (plain(setting('PackageType')) === 'Image') return { unsupported: `${logicalId} is a container image function, which is not run locally; ${remap}` };
  const runtime = plain(setting('Runtime'));
  if (typeof runtime === 'string' && !runtime.startsWith('nodejs')) {
    return { unsupported: `runtime ${runtime} of ${logicalId} is not supported locally; ${remap}` };
  }
  if (setting('InlineCode') !== undefined) return { unsupported: `${logicalId} has InlineCode, which is not run locally; ${remap}` };
  const codeUri = setting('CodeUri');
  if (codeUri !== undefined && typeof plain(codeUri) !== 'string') return { unsupported: `CodeUri of ${logicalId} is not a local directory; ${remap}` };
  const handler = plain(setting('Handler'));
  if (typeof handler !== 'string') return { unsupported: `${logicalId} has no Handler written as plain text; ${remap}` };
  // Sources first, so edits take effect on reload; `sam build` output serves functions (TypeScript) that only run built.
  return lambdaHandlerSource([codeRoot, buildRoot], handler);
}

const emptyObject: ObjectNode = { kind: 'object', properties: [], offset: 0, length: 0, parent: undefined };

function objectAt(node: ValueNode | undefined, key: string): ObjectNode | undefined {
  const value = node?.kind === 'object' ? getProperty(node, key)?.valueNode : undefined;
  return value?.kind === 'object' ? value : undefined;
}

/** A scalar written as itself; a tagged node (`!Ref X`) or an object (`Fn::Sub: ...`) is an expression. */
function plain(node: ValueNode | undefined): string | number | boolean | undefined {
  if (node === undefined || node.tag !== undefined) return undefined;
  return node.kind === 'string' || node.kind === 'number' || node.kind === 'boolean' ? node.value : undefined;
}
