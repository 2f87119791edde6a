import type { MethodSettings, StageConfig } from '../config/apigwConfig';
import { escapeSegment } from '../document/pointer';

export interface PatchOperation {
  op: 'replace';
  path: string;
  value: string;
}

/** MethodSettings fields and the UpdateStage path suffix each one is set through. */
const SUFFIX: Readonly<Record<keyof MethodSettings, string>> = {
  metricsEnabled: 'metrics/enabled',
  loggingLevel: 'logging/loglevel',
  dataTraceEnabled: 'logging/dataTrace',
  throttlingBurstLimit: 'throttling/burstLimit',
  throttlingRateLimit: 'throttling/rateLimit',
  cachingEnabled: 'caching/enabled',
  cacheTtlInSeconds: 'caching/ttlInSeconds',
  cacheDataEncrypted: 'caching/dataEncrypted',
  requireAuthorizationForCacheControl: 'caching/requireAuthorizationForCacheControl',
  unauthorizedCacheControlHeaderStrategy: 'caching/unauthorizedCacheControlHeaderStrategy',
};

/**
 * The patch-path prefix of a config key: `*\/*` stays as it is; `/users/{id}/GET` becomes
 * `/~1users~1{id}/GET`, the resource path being a single JSON-pointer segment.
 */
export function methodSettingsPrefix(key: string): string {
  if (key === '*/*') return '/*/*';
  const cut = key.lastIndexOf('/');
  return `/${escapeSegment(key.slice(0, cut))}/${key.slice(cut + 1)}`;
}

/**
 * UpdateStage operations that make a REST stage match its config. Settings the config
 * does not mention are left as the stage has them.
 */
export function restStagePatch(settings: StageConfig): PatchOperation[] {
  const ops: PatchOperation[] = [];
  const set = (path: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) ops.push({ op: 'replace', path, value: String(value) });
  };
  set('/description', settings.description);
  // CreateDeployment sets variables on the stage it creates; patching them makes an
  // existing stage match the config as well.
  for (const [name, value] of Object.entries(settings.variables)) set(`/variables/${escapeSegment(name)}`, value);
  set('/tracingEnabled', settings.tracingEnabled);
  set('/cacheClusterEnabled', settings.cacheClusterEnabled);
  set('/cacheClusterSize', settings.cacheClusterSize);
  set('/accessLogSettings/destinationArn', settings.accessLogSettings?.destinationArn);
  set('/accessLogSettings/format', settings.accessLogSettings?.format);
  for (const [key, method] of Object.entries(settings.methodSettings)) {
    const prefix = methodSettingsPrefix(key);
    for (const field of Object.keys(SUFFIX) as Array<keyof MethodSettings>) set(`${prefix}/${SUFFIX[field]}`, method[field]);
  }
  return ops;
}
