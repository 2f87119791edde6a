import { ConfigError } from '../config/apigwConfig';
import { loadDefinitionInfo } from '../deploy/definitionInfo';
import { DeployError } from '../deploy/deployError';
import { resolveTarget } from '../deploy/deployTarget';
import { rollbackStage } from '../deploy/rollback';
import { walkArgs } from './args';
import { failureText } from './deployReport';
import { cliAwsClients, completeTargetArgs, emptyTargetArgs, loadTarget, readTargetFlag, readTargetPositional, type TargetArgs } from './deployTargetArgs';
import { confirmProtectedStage, processTerminal, type ConfirmationArgs, type Terminal } from './stageConfirmation';

interface RollbackArgs extends ConfirmationArgs {
  target: TargetArgs;
  to: string | undefined;
}

function parseRollbackArgs(argv: readonly string[]): RollbackArgs {
  const args: RollbackArgs = { target: emptyTargetArgs(), to: undefined, yes: false, confirmStage: undefined };
  walkArgs(
    argv,
    (r) => {
      if (readTargetFlag(args.target, r)) return true;
      if (r.flag === '--to') args.to = r.value();
      else if (r.flag === '--yes' || r.flag === '-y') args.yes = true;
      else if (r.flag === '--confirm-stage') args.confirmStage = r.value();
      else return false;
      return true;
    },
    (a) => readTargetPositional(args.target, a),
  );
  return args;
}

/** `apigw rollback`: exit status 0 (rolled back), 1 (AWS failure) or 2 (usage, refused). */
export async function rollbackCommand(argv: readonly string[], terminal: Terminal = processTerminal()): Promise<number> {
  const args = parseRollbackArgs(argv);
  const { file, stage } = completeTargetArgs(args.target);
  try {
    const { source, config } = await loadTarget(args.target, file);
    const info = await loadDefinitionInfo(source);
    const target = resolveTarget(stage, config.stages[stage], args.target.overrides, info.title);
    if (target.protected) {
      const refusal = await confirmProtectedStage(stage, 'roll it back', args, terminal);
      if (refusal) {
        process.stderr.write(`apigw: ${refusal}\n`);
        return 2;
      }
    }
    const clients = cliAwsClients(target.connection);
    try {
      const out = await rollbackStage(clients, info.kind, target, args.to);
      process.stdout.write(`Stage ${out.stage} of ${info.kind} API ${out.apiId} now serves deployment ${out.to} (was ${out.from}).\n`);
      return 0;
    } finally {
      clients.destroy();
    }
  } catch (err) {
    if (err instanceof DeployError) {
      process.stderr.write(failureText(err));
      return err.kind === 'refused' || err.kind === 'not-found' ? 2 : 1;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`apigw: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
