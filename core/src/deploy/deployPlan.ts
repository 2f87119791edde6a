import type { ApigwConfig } from '../config/apigwConfig';
import type { ApiKind } from '../catalog/types';
import type { LintResult } from '../lint';
import { loadDefinitionInfo, type DefinitionSource } from './definitionInfo';
import { DeployError } from './deployError';
import { resolveTarget, type DeployTarget, type TargetOverrides } from './deployTarget';
import { httpStageSettings, type HttpStageSettings } from './httpStageSettings';
import { importBody, MAX_IMPORT_BYTES, type ImportBody } from './importBody';
import { restStagePatch, type PatchOperation } from './restStagePatch';

export interface PlanInput extends DefinitionSource {
  config: ApigwConfig;
  stage: string;
  overrides: TargetOverrides;
}

/** Everything a deploy will send, worked out before any call to AWS. */
export interface DeployPlan {
  uri: string;
  lint: LintResult;
  kind: ApiKind;
  target: DeployTarget;
  body: ImportBody;
  /** The UpdateStage operations of a REST stage. */
  restPatch: PatchOperation[];
  /** The v2 stage settings of an HTTP API stage. */
  httpSettings: HttpStageSettings;
}

export type PlanOutcome = { ok: true; plan: DeployPlan } | { ok: false; lint: LintResult; errors: number };

/**
 * Lints the definition and works out the target, the import body and the stage settings.
 * A definition with lint errors gets no plan: API Gateway would reject it or deploy something
 * broken. Throws a `refused` DeployError for a target that cannot be deployed to.
 */
export async function planDeploy(input: PlanInput): Promise<PlanOutcome> {
  const { lint, kind, title } = await loadDefinitionInfo(input);
  const errors = lint.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) return { ok: false, lint, errors };
  const target = resolveTarget(input.stage, input.config.stages[input.stage], input.overrides, title);
  let body: ImportBody;
  try {
    body = importBody(lint.set);
  } catch (err) {
    throw new DeployError(err instanceof Error ? err.message : String(err), 'refused');
  }
  if (kind === 'REST' && input.stage === '$default') throw new DeployError("'$default' is an HTTP API stage; a REST API stage is named with letters, digits, _ and -", 'refused');
  if (body.bytes.length > MAX_IMPORT_BYTES) throw new DeployError(`the definition is ${(body.bytes.length / 1024 / 1024).toFixed(1)} MB; API Gateway imports at most 6 MB`, 'refused');
  return { ok: true, plan: { uri: input.uri, lint, kind, target, body, restPatch: restStagePatch(target.settings), httpSettings: httpStageSettings(target.settings) } };
}
