import { promises as fs } from 'node:fs';

/**
 * apigw.config.json: one file beside the API that the mock runner and the deploy command
 * share, so a stage means the same thing locally and in AWS. `functions` (local Lambda
 * handlers) is read by the mock's Lambda runner; everything else is read here.
 */
export const CONFIG_FILE = 'apigw.config.json';

/** Per-method settings, named as in the API Gateway SDK's MethodSetting. */
export interface MethodSettings {
  throttlingRateLimit?: number;
  throttlingBurstLimit?: number;
  cachingEnabled?: boolean;
  cacheTtlInSeconds?: number;
  cacheDataEncrypted?: boolean;
  requireAuthorizationForCacheControl?: boolean;
  unauthorizedCacheControlHeaderStrategy?: 'FAIL_WITH_403' | 'SUCCEED_WITH_RESPONSE_HEADER' | 'SUCCEED_WITHOUT_RESPONSE_HEADER';
  loggingLevel?: 'OFF' | 'ERROR' | 'INFO';
  dataTraceEnabled?: boolean;
  metricsEnabled?: boolean;
}

export interface StageConfig {
  variables: Record<string, string>;
  /**
   * Keyed `*\/*` (every method) or `/resource/path/METHOD`, e.g. `/users/{id}/GET`; the
   * deploy command turns them into UpdateStage patch paths such as `/*\/*\/throttling/rateLimit`.
   */
  methodSettings: Record<string, MethodSettings>;
  apiId?: string;
  apiName?: string;
  region?: string;
  profile?: string;
  /** Another endpoint for the API Gateway control plane, e.g. LocalStack. */
  endpoint?: string;
  mode?: 'overwrite' | 'merge';
  failOnWarnings?: boolean;
  basepath?: 'ignore' | 'prepend' | 'split';
  endpointType?: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  /** Deploying needs a typed confirmation of the stage name. */
  protected?: boolean;
  description?: string;
  cacheClusterEnabled?: boolean;
  cacheClusterSize?: '0.5' | '1.6' | '6.1' | '13.5' | '28.4' | '58.2' | '118' | '237';
  tracingEnabled?: boolean;
  accessLogSettings?: { destinationArn: string; format: string };
}

export interface ApiKeyConfig {
  name: string;
  value: string;
  enabled: boolean;
  /** Names of usage plans in `usagePlans`. */
  usagePlans: string[];
}

export interface UsagePlanConfig {
  throttle?: { rateLimit?: number; burstLimit?: number };
  quota?: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH' };
}

export interface ApigwConfig {
  /** The file read; undefined when there is none (every section is then empty). */
  file: string | undefined;
  /** The stage `apigw mock` serves when no --stage is given. */
  defaultStage: string | undefined;
  stages: Record<string, StageConfig>;
  apiKeys: ApiKeyConfig[];
  usagePlans: Record<string, UsagePlanConfig>;
  /** JWKS for Cognito and JWT authorizers, by issuer URL or security scheme name: a file path (relative to the config) or a URL. */
  jwks: Record<string, string>;
  /** Access keys the mock accepts for SigV4 (awsSigv4) routes. Secrets: never logged. */
  iamAccessKeys: Array<{ accessKeyId: string; secretAccessKey: string }>;
}

export class ConfigError extends Error {}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Small typed readers that name the offending path in their error. */
class Reader {
  constructor(private readonly file: string) {}

  fail(path: string, what: string): never {
    throw new ConfigError(`${this.file}: ${path} ${what}`);
  }

  object(v: unknown, path: string): Json {
    return isObject(v) ? v : this.fail(path, 'must be an object');
  }

  optString(v: unknown, path: string): string | undefined {
    if (v === undefined) return undefined;
    return typeof v === 'string' ? v : this.fail(path, 'must be a string');
  }

  optNumber(v: unknown, path: string, min = -Infinity, max = Infinity): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) this.fail(path, `must be a number from ${min} to ${max}`);
    return v;
  }

  optBoolean(v: unknown, path: string): boolean | undefined {
    if (v === undefined) return undefined;
    return typeof v === 'boolean' ? v : this.fail(path, 'must be true or false');
  }

  optEnum<T extends string>(v: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (v === undefined) return undefined;
    return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : this.fail(path, `must be one of ${allowed.join(', ')}`);
  }

  strings(v: unknown, path: string): Record<string, string> {
    if (v === undefined) return {};
    const out: Record<string, string> = {};
    for (const [k, value] of Object.entries(this.object(v, path))) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') this.fail(`${path}.${k}`, 'must be a string');
      out[k] = String(value);
    }
    return out;
  }
}

function methodSettings(r: Reader, v: unknown, path: string): MethodSettings {
  const o = r.object(v, path);
  return {
    throttlingRateLimit: r.optNumber(o.throttlingRateLimit, `${path}.throttlingRateLimit`, 0),
    throttlingBurstLimit: r.optNumber(o.throttlingBurstLimit, `${path}.throttlingBurstLimit`, 0),
    cachingEnabled: r.optBoolean(o.cachingEnabled, `${path}.cachingEnabled`),
    cacheTtlInSeconds: r.optNumber(o.cacheTtlInSeconds, `${path}.cacheTtlInSeconds`, 0, 3600),
    cacheDataEncrypted: r.optBoolean(o.cacheDataEncrypted, `${path}.cacheDataEncrypted`),
    requireAuthorizationForCacheControl: r.optBoolean(o.requireAuthorizationForCacheControl, `${path}.requireAuthorizationForCacheControl`),
    unauthorizedCacheControlHeaderStrategy: r.optEnum(o.unauthorizedCacheControlHeaderStrategy, `${path}.unauthorizedCacheControlHeaderStrategy`, [
      'FAIL_WITH_403',
      'SUCCEED_WITH_RESPONSE_HEADER',
      'SUCCEED_WITHOUT_RESPONSE_HEADER',
    ] as const),
    loggingLevel: r.optEnum(o.loggingLevel, `${path}.loggingLevel`, ['OFF', 'ERROR', 'INFO'] as const),
    dataTraceEnabled: r.optBoolean(o.dataTraceEnabled, `${path}.dataTraceEnabled`),
    metricsEnabled: r.optBoolean(o.metricsEnabled, `${path}.metricsEnabled`),
  };
}

const METHOD_SETTINGS_KEY = /^(\*\/\*|\/.*\/(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|ANY|\*))$/;

function stage(r: Reader, v: unknown, path: string): StageConfig {
  const o = r.object(v, path);
  const settings: Record<string, MethodSettings> = {};
  for (const [key, value] of Object.entries(o.methodSettings === undefined ? {} : r.object(o.methodSettings, `${path}.methodSettings`))) {
    if (!METHOD_SETTINGS_KEY.test(key)) r.fail(`${path}.methodSettings["${key}"]`, "must be keyed '*/*' or '/resource/path/METHOD', e.g. '/users/{id}/GET'");
    settings[key] = methodSettings(r, value, `${path}.methodSettings["${key}"]`);
  }
  const log = o.accessLogSettings === undefined ? undefined : r.object(o.accessLogSettings, `${path}.accessLogSettings`);
  return {
    variables: r.strings(o.variables, `${path}.variables`),
    methodSettings: settings,
    apiId: r.optString(o.apiId, `${path}.apiId`),
    apiName: r.optString(o.apiName, `${path}.apiName`),
    region: r.optString(o.region, `${path}.region`),
    profile: r.optString(o.profile, `${path}.profile`),
    endpoint: r.optString(o.endpoint, `${path}.endpoint`),
    mode: r.optEnum(o.mode, `${path}.mode`, ['overwrite', 'merge'] as const),
    failOnWarnings: r.optBoolean(o.failOnWarnings, `${path}.failOnWarnings`),
    basepath: r.optEnum(o.basepath, `${path}.basepath`, ['ignore', 'prepend', 'split'] as const),
    endpointType: r.optEnum(o.endpointType, `${path}.endpointType`, ['EDGE', 'REGIONAL', 'PRIVATE'] as const),
    protected: r.optBoolean(o.protected, `${path}.protected`),
    description: r.optString(o.description, `${path}.description`),
    cacheClusterEnabled: r.optBoolean(o.cacheClusterEnabled, `${path}.cacheClusterEnabled`),
    cacheClusterSize: r.optEnum(o.cacheClusterSize, `${path}.cacheClusterSize`, ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const),
    tracingEnabled: r.optBoolean(o.tracingEnabled, `${path}.tracingEnabled`),
    accessLogSettings: log && {
      destinationArn: r.optString(log.destinationArn, `${path}.accessLogSettings.destinationArn`) ?? r.fail(`${path}.accessLogSettings.destinationArn`, 'is required'),
      format: r.optString(log.format, `${path}.accessLogSettings.format`) ?? r.fail(`${path}.accessLogSettings.format`, 'is required'),
    },
  };
}

/** Parses the text of an apigw.config.json; throws ConfigError naming the file and the path of a bad value. */
export function parseApigwConfig(text: string, file: string): ApigwConfig {
  const r = new Reader(file);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const o = r.object(root, '(top level)');
  const stages: Record<string, StageConfig> = {};
  for (const [name, value] of Object.entries(o.stages === undefined ? {} : r.object(o.stages, 'stages'))) {
    // `$default` is the stage an HTTP API serves without a stage segment in its URL.
    if (name !== '$default' && !/^[A-Za-z0-9_-]{1,128}$/.test(name)) r.fail(`stages["${name}"]`, 'is not a valid stage name (letters, digits, _ and -, at most 128, or $default)');
    stages[name] = stage(r, value, `stages.${name}`);
  }
  // The first mock-only shape: a top-level stage name and its variables.
  const legacyStage = r.optString(o.stage, 'stage');
  const legacyVariables = r.strings(o.stageVariables, 'stageVariables');
  if (Object.keys(legacyVariables).length > 0) {
    const name = legacyStage ?? 'dev';
    stages[name] = { ...(stages[name] ?? { methodSettings: {} }), variables: { ...legacyVariables, ...stages[name]?.variables } };
  }
  const usagePlans: Record<string, UsagePlanConfig> = {};
  for (const [name, value] of Object.entries(o.usagePlans === undefined ? {} : r.object(o.usagePlans, 'usagePlans'))) {
    const plan = r.object(value, `usagePlans.${name}`);
    const throttle = plan.throttle === undefined ? undefined : r.object(plan.throttle, `usagePlans.${name}.throttle`);
    const quota = plan.quota === undefined ? undefined : r.object(plan.quota, `usagePlans.${name}.quota`);
    usagePlans[name] = {
      throttle: throttle && { rateLimit: r.optNumber(throttle.rateLimit, `usagePlans.${name}.throttle.rateLimit`, 0), burstLimit: r.optNumber(throttle.burstLimit, `usagePlans.${name}.throttle.burstLimit`, 0) },
      quota: quota && {
        limit: r.optNumber(quota.limit, `usagePlans.${name}.quota.limit`, 0) ?? r.fail(`usagePlans.${name}.quota.limit`, 'is required'),
        period: r.optEnum(quota.period, `usagePlans.${name}.quota.period`, ['DAY', 'WEEK', 'MONTH'] as const) ?? r.fail(`usagePlans.${name}.quota.period`, 'is required'),
      },
    };
  }
  const apiKeys = (o.apiKeys === undefined ? [] : Array.isArray(o.apiKeys) ? o.apiKeys : r.fail('apiKeys', 'must be a list')).map((k: unknown, i: number) => {
    const key = r.object(k, `apiKeys[${i}]`);
    const plans = key.usagePlans === undefined ? [] : Array.isArray(key.usagePlans) ? key.usagePlans : r.fail(`apiKeys[${i}].usagePlans`, 'must be a list of plan names');
    for (const p of plans) if (typeof p !== 'string' || !usagePlans[p]) r.fail(`apiKeys[${i}].usagePlans`, `names '${String(p)}', which is not in usagePlans`);
    return {
      name: r.optString(key.name, `apiKeys[${i}].name`) ?? `key${i + 1}`,
      value: r.optString(key.value, `apiKeys[${i}].value`) ?? r.fail(`apiKeys[${i}].value`, 'is required (the x-api-key header value, at least 20 characters in AWS)'),
      enabled: r.optBoolean(key.enabled, `apiKeys[${i}].enabled`) ?? true,
      usagePlans: plans as string[],
    };
  });
  const iam = (o.iamAccessKeys === undefined ? [] : Array.isArray(o.iamAccessKeys) ? o.iamAccessKeys : r.fail('iamAccessKeys', 'must be a list')).map((k: unknown, i: number) => {
    const key = r.object(k, `iamAccessKeys[${i}]`);
    return {
      accessKeyId: r.optString(key.accessKeyId, `iamAccessKeys[${i}].accessKeyId`) ?? r.fail(`iamAccessKeys[${i}].accessKeyId`, 'is required'),
      secretAccessKey: r.optString(key.secretAccessKey, `iamAccessKeys[${i}].secretAccessKey`) ?? r.fail(`iamAccessKeys[${i}].secretAccessKey`, 'is required'),
    };
  });
  const defaultStage = r.optString(o.defaultStage, 'defaultStage') ?? legacyStage;
  if (defaultStage !== undefined && Object.keys(stages).length > 0 && !stages[defaultStage]) r.fail('defaultStage', `names '${defaultStage}', which is not in stages`);
  return { file, defaultStage, stages, apiKeys, usagePlans, jwks: r.strings(o.jwks, 'jwks'), iamAccessKeys: iam };
}

export function emptyConfig(): ApigwConfig {
  return { file: undefined, defaultStage: undefined, stages: {}, apiKeys: [], usagePlans: {}, jwks: {}, iamAccessKeys: [] };
}

/** Reads `file`; a missing file is an empty config unless the user named it explicitly. */
export async function readApigwConfig(file: string, explicit: boolean): Promise<ApigwConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !explicit) return emptyConfig();
    throw new ConfigError(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseApigwConfig(text, file);
}
