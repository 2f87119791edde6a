import type { ApiKind } from '../catalog/types';
import type { Diagnostic } from '../validate/diagnostic';

/** A finished deploy: what is live now and what the import said along the way. */
export interface DeployOutcome {
  kind: ApiKind;
  apiId: string;
  /** The deploy created the API (none had its name). */
  created: boolean;
  stage: string;
  /** Undefined when an auto-deploy HTTP API stage deployed the import by itself. */
  deploymentId: string | undefined;
  /** What the stage served before, where `rollback` returns to. */
  previousDeploymentId: string | undefined;
  invokeUrl: string;
  /** The import's warnings as AWS worded them. */
  warnings: string[];
  /** The same warnings on the definition's nodes. */
  warningDiagnostics: Diagnostic[];
  /** Things worth knowing that are not failures: settings an HTTP API has no place for, inlined files. */
  notes: string[];
}
