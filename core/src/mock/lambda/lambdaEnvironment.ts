import type { FunctionDefinition } from './functionDefinition';
import { localRegion } from './localAccount';

/**
 * What the emulator passes on from its own environment. Lambda starts functions with a clean
 * environment, so everything else stays behind (NODE_OPTIONS, editor internals, secrets that
 * happen to be exported); AWS credentials and region pass, as `sam local` does, so a handler can
 * reach real services. ELECTRON_RUN_AS_NODE must pass inside VS Code, where the Node executable
 * is the editor itself and would otherwise open a window.
 */
const PASSED_THROUGH = [
  'PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP', 'ELECTRON_RUN_AS_NODE',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE',
];

/** The environment a function's process starts with: the mapping's variables over Lambda's own. */
export function lambdaEnvironment(definition: FunctionDefinition, parent: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  const region = localRegion(parent);
  const nodeMajor = process.versions.node.split('.')[0];
  Object.assign(env, {
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${nodeMajor}.x`,
    AWS_LAMBDA_FUNCTION_NAME: definition.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(definition.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${definition.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `local/[$LATEST]${process.pid}`,
    LAMBDA_TASK_ROOT: definition.taskRoot,
    LANG: 'en_US.UTF-8',
    // Lambda runs in UTC; a handler that formats dates must not pass locally only because of the host's zone.
    TZ: 'UTC',
  });
  return { ...env, ...definition.env };
}
