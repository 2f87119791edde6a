import type { StageConfig } from '../config/apigwConfig';

/** An HTTP API route's settings, as v2 CreateStage and UpdateStage take them. */
export interface HttpRouteSettings {
  ThrottlingBurstLimit?: number;
  ThrottlingRateLimit?: number;
  DetailedMetricsEnabled?: boolean;
}

export interface HttpStageSettings {
  /** Undefined when the config names none, so a stage's own variables are left alone. */
  StageVariables?: Record<string, string>;
  DefaultRouteSettings?: HttpRouteSettings;
  RouteSettings?: Record<string, HttpRouteSettings>;
  AccessLogSettings?: { DestinationArn: string; Format: string };
  Description?: string;
  /** Config entries HTTP APIs have no place for, said in the summary rather than dropped silently. */
  ignored: string[];
}

const REST_ONLY_METHOD_FIELDS = ['cachingEnabled', 'cacheTtlInSeconds', 'cacheDataEncrypted', 'requireAuthorizationForCacheControl', 'unauthorizedCacheControlHeaderStrategy', 'loggingLevel', 'dataTraceEnabled'] as const;

/**
 * The stage's config in v2 terms: `*\/*` is the default route settings, `/users/{id}/GET` the
 * route `GET /users/{id}`. Caching, per-method logging, tracing and cache clusters are REST-only.
 */
export function httpStageSettings(settings: StageConfig): HttpStageSettings {
  const ignored: string[] = [];
  const routes: Record<string, HttpRouteSettings> = {};
  let defaults: HttpRouteSettings | undefined;
  for (const [key, method] of Object.entries(settings.methodSettings)) {
    for (const field of REST_ONLY_METHOD_FIELDS) if (method[field] !== undefined) ignored.push(`methodSettings["${key}"].${field}`);
    const route: HttpRouteSettings = {};
    if (method.throttlingBurstLimit !== undefined) route.ThrottlingBurstLimit = method.throttlingBurstLimit;
    if (method.throttlingRateLimit !== undefined) route.ThrottlingRateLimit = method.throttlingRateLimit;
    if (method.metricsEnabled !== undefined) route.DetailedMetricsEnabled = method.metricsEnabled;
    if (Object.keys(route).length === 0) continue;
    if (key === '*/*') {
      defaults = route;
      continue;
    }
    const cut = key.lastIndexOf('/');
    const verb = key.slice(cut + 1);
    if (verb === '*') ignored.push(`methodSettings["${key}"] (an HTTP API route names one method)`);
    else routes[`${verb} ${key.slice(0, cut)}`] = route;
  }
  if (settings.tracingEnabled !== undefined) ignored.push('tracingEnabled');
  if (settings.cacheClusterEnabled !== undefined) ignored.push('cacheClusterEnabled');
  if (settings.cacheClusterSize !== undefined) ignored.push('cacheClusterSize');
  const log = settings.accessLogSettings;
  return {
    StageVariables: Object.keys(settings.variables).length > 0 ? settings.variables : undefined,
    DefaultRouteSettings: defaults,
    RouteSettings: Object.keys(routes).length > 0 ? routes : undefined,
    AccessLogSettings: log && { DestinationArn: log.destinationArn, Format: log.format },
    Description: settings.description,
    ignored,
  };
}
