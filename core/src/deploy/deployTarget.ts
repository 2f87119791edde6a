import type { StageConfig } from '../config/apigwConfig';
import type { AwsConnection } from './awsClients';
import { DeployError } from './deployError';

/** What the command line or the editor says, on top of the stage's entry in apigw.config.json. */
export interface TargetOverrides {
  apiId?: string;
  apiName?: string;
  region?: string;
  profile?: string;
  endpoint?: string;
  mode?: 'overwrite' | 'merge';
  failOnWarnings?: boolean;
}

/** Where one deploy goes and how: the stage's config with the overrides applied. */
export interface DeployTarget {
  stage: string;
  /** An API by id, or by name (found by listing; created when none has it). */
  api: { id: string } | { name: string };
  connection: AwsConnection;
  /** PutRestApi's mode; undefined leaves AWS's default, merge. HTTP APIs are always reimported whole. */
  mode: 'overwrite' | 'merge' | undefined;
  failOnWarnings: boolean;
  basepath: 'ignore' | 'prepend' | 'split' | undefined;
  /** Only a new REST API gets it: updates keep the endpoint configuration. */
  endpointType: 'EDGE' | 'REGIONAL' | 'PRIVATE' | undefined;
  protected: boolean;
  settings: StageConfig;
}

const STAGE_NAME = /^(?:[A-Za-z0-9_-]{1,128}|\$default)$/;

/**
 * The target for `stage`. `fallbackName` (the definition's `info.title`) names the API when
 * neither the config nor the overrides do. Throws a `refused` DeployError on a stage name API Gateway would refuse.
 */
export function resolveTarget(stage: string, config: StageConfig | undefined, overrides: TargetOverrides, fallbackName: string | undefined): DeployTarget {
  if (!STAGE_NAME.test(stage)) throw new DeployError(`'${stage}' is not a valid stage name (letters, digits, _ and -, at most 128; or $default for an HTTP API)`, 'refused');
  const settings: StageConfig = config ?? { variables: {}, methodSettings: {} };
  // An id or a name given by the caller replaces both of the config's, not just its own kind.
  const byCaller = overrides.apiId !== undefined || overrides.apiName !== undefined;
  const apiId = byCaller ? overrides.apiId : settings.apiId;
  const apiName = byCaller ? overrides.apiName : settings.apiName;
  const name = apiName ?? fallbackName;
  if (apiId === undefined && name === undefined) throw new DeployError('no API to deploy to: give --api-id or --api-name, set apiId or apiName for the stage in apigw.config.json, or give the definition an info.title', 'refused');
  return {
    stage,
    api: apiId !== undefined ? { id: apiId } : { name: name as string },
    connection: {
      region: overrides.region ?? settings.region,
      profile: overrides.profile ?? settings.profile,
      endpoint: overrides.endpoint ?? settings.endpoint,
    },
    mode: overrides.mode ?? settings.mode,
    failOnWarnings: overrides.failOnWarnings ?? settings.failOnWarnings ?? false,
    basepath: settings.basepath,
    endpointType: settings.endpointType,
    protected: settings.protected ?? false,
    settings,
  };
}
