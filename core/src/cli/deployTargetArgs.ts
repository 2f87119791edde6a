import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE, ConfigError, readApigwConfig, type ApigwConfig } from '../config/apigwConfig';
import { createAwsClients, type AwsClients, type AwsConnection } from '../deploy/awsClients';
import type { DefinitionSource } from '../deploy/definitionInfo';
import type { TargetOverrides } from '../deploy/deployTarget';
import type { KindOverride } from '../model/apiModel';
import { apiKindValue, UsageError, type FlagReader } from './args';
import { makeReader, readLocalFile } from './files';

/** What deploy, diff and rollback are all told: the definition, the stage, and where the API is. */
export interface TargetArgs {
  file: string | undefined;
  stage: string | undefined;
  overrides: TargetOverrides;
  config: string | undefined;
  apiKind: KindOverride;
  allowRemoteRefs: boolean;
}

export function emptyTargetArgs(): TargetArgs {
  return { file: undefined, stage: undefined, overrides: {}, config: undefined, apiKind: 'auto', allowRemoteRefs: false };
}

/** Reads one of the shared flags; false for any other. */
export function readTargetFlag(args: TargetArgs, r: FlagReader): boolean {
  switch (r.flag) {
    case '--stage':
      args.stage = r.value();
      return true;
    case '--api-id':
      args.overrides.apiId = r.value();
      return true;
    case '--api-name':
      args.overrides.apiName = r.value();
      return true;
    case '--region':
      args.overrides.region = r.value();
      return true;
    case '--profile':
      args.overrides.profile = r.value();
      return true;
    case '--endpoint': {
      const v = r.value();
      if (!/^https?:\/\/[^/]+/.test(v)) throw new UsageError(`--endpoint takes an http(s) URL, not '${v}'`);
      args.overrides.endpoint = v;
      return true;
    }
    case '--config':
      args.config = r.value();
      return true;
    case '--api-kind':
      args.apiKind = apiKindValue(r);
      return true;
    case '--allow-remote-refs':
      args.allowRemoteRefs = true;
      return true;
    default:
      return false;
  }
}

export function readTargetPositional(args: TargetArgs, a: string): void {
  if (args.file !== undefined) throw new UsageError(`one definition at a time ('${args.file}' and '${a}' given)`);
  args.file = a;
}

/** The checks every command makes once all flags are read. */
export function completeTargetArgs(args: TargetArgs): { file: string; stage: string } {
  if (args.file === undefined) throw new UsageError('no definition given');
  if (args.stage === undefined) throw new UsageError('--stage is required');
  if (args.overrides.apiId !== undefined && args.overrides.apiName !== undefined) throw new UsageError('give --api-id or --api-name, not both');
  return { file: args.file, stage: args.stage };
}

export interface LoadedTarget {
  source: DefinitionSource;
  config: ApigwConfig;
}

/** Reads the definition and its config; what cannot be read is a ConfigError (a usage-level failure). */
export async function loadTarget(args: TargetArgs, file: string): Promise<LoadedTarget> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    // Checked before reading: a device (/dev/zero) or a huge file would be read until memory ran out.
    text = await readLocalFile(absolute);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
    throw new ConfigError(`cannot read ${file}: ${reason}`);
  }
  const configFile = args.config ?? path.join(path.dirname(absolute), CONFIG_FILE);
  const config = await readApigwConfig(configFile, args.config !== undefined);
  return {
    source: { uri: pathToFileURL(absolute).toString(), text, read: makeReader(args.allowRemoteRefs), apiKind: args.apiKind, allowRemoteRefs: args.allowRemoteRefs },
    config,
  };
}

/** The SDK clients of a command-line run. */
export function cliAwsClients(connection: AwsConnection): AwsClients {
  // The SDK warns on Node 20 about its releases after January 2027; the one bundled here runs
  // on Node 20, and the warning would otherwise land in the middle of the command's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return createAwsClients(connection);
}
