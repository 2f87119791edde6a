import type { ApiKind } from '../catalog/types';
import type { ApigwConfig, MethodSettings, StageConfig } from '../config/apigwConfig';

/** The stage the emulator serves: its name, its variables and what apigw.config.json sets for it. */
export interface MockStage {
  name: string;
  variables: Record<string, string>;
  /** The stage's entry in the config; undefined when the config has no stage of that name. */
  config: StageConfig | undefined;
}

/**
 * The stage to serve: the one asked for, else the config's `defaultStage`, else the name the
 * AWS console gives a first stage (`dev` for REST, `$default` for HTTP APIs). Variables given
 * on the command line win over the config's.
 */
export function resolveStage(kind: ApiKind, config: ApigwConfig, requested: string | undefined, overrides: Readonly<Record<string, string>> = {}): MockStage {
  const name = requested ?? config.defaultStage ?? (kind === 'HTTP' ? '$default' : 'dev');
  const own = Object.prototype.hasOwnProperty.call(config.stages, name) ? config.stages[name] : undefined;
  return { name, variables: { ...own?.variables, ...overrides }, config: own };
}

const NO_SETTINGS: MethodSettings = {};

/**
 * The method settings in force for one method: its own entry (`/books/{id}/GET`, or
 * `/books/{id}/*`) over the stage-wide `*\/*`, field by field, as a method override in
 * API Gateway starts from the stage's values.
 */
export function methodSettingsFor(stage: StageConfig | undefined, resourcePath: string, method: string): MethodSettings {
  const own = ownMethodSettings(stage, resourcePath, method);
  const stageWide = stage?.methodSettings['*/*'];
  if (!own) return stageWide ?? NO_SETTINGS;
  if (!stageWide) return own;
  const merged: MethodSettings = { ...stageWide };
  for (const [key, value] of Object.entries(own) as Array<[keyof MethodSettings, unknown]>) if (value !== undefined) Object.assign(merged, { [key]: value });
  return merged;
}

/** The entry a method has of its own, without the stage-wide one (caching treats the two differently). */
export function ownMethodSettings(stage: StageConfig | undefined, resourcePath: string, method: string): MethodSettings | undefined {
  const all = stage?.methodSettings;
  return all?.[`${resourcePath}/${method}`] ?? all?.[`${resourcePath}/*`];
}
