/** A local function as a mapping (apigw.config.json or a SAM template) describes it. */
export interface FunctionDefinition {
  /** The file that mapped it, for messages. */
  source: string;
  /** The names, ARNs, logical ids or stage-variable values it is listed under. */
  keys: string[];
  /** `AWS_LAMBDA_FUNCTION_NAME` and `context.functionName`. */
  name: string;
  /** Where the code is, or why it cannot run here. */
  handler: HandlerSource | { unsupported: string };
  /** Variables the mapping sets; the Lambda ones are added when the process starts. */
  env: Record<string, string>;
  timeoutMs: number;
  memoryMb: number;
  /** The code root: the process's working directory and `LAMBDA_TASK_ROOT`. */
  taskRoot: string;
}

export interface HandlerSource {
  /** Absolute files to try in order, as Lambda tries `.js`, `.mjs`, `.cjs`; the first that exists runs. */
  candidates: string[];
  /** The export to call; more than one name walks into nested objects (`app.routes.get`). */
  exportPath: string[];
  /** The handler as the mapping wrote it, for messages. */
  written: string;
}

/** Lambda's defaults for a function that sets neither. */
export const DEFAULT_TIMEOUT_MS = 3000;
export const DEFAULT_MEMORY_MB = 128;

/** The extensions Lambda's Node.js runtime tries for a handler module, in its order. */
export const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs'];
