import { ConfigError } from '../config/apigwConfig';
import { loadDefinitionInfo } from '../deploy/definitionInfo';
import { DeployError } from '../deploy/deployError';
import { resolveTarget } from '../deploy/deployTarget';
import { hasChanges } from '../deploy/diff/definitionDiff';
import { compareWithStage } from '../deploy/diff/stageComparison';
import { UsageError, walkArgs } from './args';
import { failureText } from './deployReport';
import { cliAwsClients, completeTargetArgs, emptyTargetArgs, loadTarget, readTargetFlag, readTargetPositional, type TargetArgs } from './deployTargetArgs';

interface DiffArgs {
  target: TargetArgs;
  format: 'text' | 'json';
}

function parseDiffArgs(argv: readonly string[]): DiffArgs {
  const args: DiffArgs = { target: emptyTargetArgs(), format: 'text' };
  walkArgs(
    argv,
    (r) => {
      if (readTargetFlag(args.target, r)) return true;
      if (r.flag === '--mode') {
        const v = r.value();
        if (v !== 'overwrite' && v !== 'merge') throw new UsageError(`--mode must be overwrite or merge, not '${v}'`);
        args.target.overrides.mode = v;
        return true;
      }
      if (r.flag === '--format') {
        const v = r.value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not '${v}'`);
        args.format = v;
        return true;
      }
      return false;
    },
    (a) => readTargetPositional(args.target, a),
  );
  return args;
}

/** `apigw diff`: exit status 0 (same), 1 (differences) or 2 (usage error, AWS failure), as diff(1). */
export async function diffCommand(argv: readonly string[]): Promise<number> {
  const args = parseDiffArgs(argv);
  const { file, stage } = completeTargetArgs(args.target);
  try {
    const { source, config } = await loadTarget(args.target, file);
    const info = await loadDefinitionInfo(source);
    const target = resolveTarget(stage, config.stages[stage], args.target.overrides, info.title);
    const clients = cliAwsClients(target.connection);
    try {
      const c = await compareWithStage(clients, info, target);
      if (args.format === 'json') {
        process.stdout.write(JSON.stringify({ version: 1, stage: c.stage, apiId: c.apiId, remote: c.remote, diff: c.diff, summary: c.summary, local: JSON.parse(c.localText), deployed: JSON.parse(c.remoteText) }) + '\n');
      } else {
        const heading = c.remote === 'no-api' ? `No ${info.kind} API found: everything would be new.` : c.remote === 'no-stage' ? `Stage ${stage} does not exist yet: everything would be new.` : `${file} against stage ${stage} of ${info.kind} API ${c.apiId}:`;
        process.stdout.write([heading, ...c.summary.map((l) => `  ${l}`)].join('\n') + '\n');
      }
      return hasChanges(c.diff) ? 1 : 0;
    } finally {
      clients.destroy();
    }
  } catch (err) {
    if (err instanceof DeployError) process.stderr.write(failureText(err));
    else if (err instanceof ConfigError) process.stderr.write(`apigw: ${err.message}\n`);
    else throw err;
    return 2;
  }
}
