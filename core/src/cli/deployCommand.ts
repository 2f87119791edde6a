import { ConfigError } from '../config/apigwConfig';
import type { AwsClients } from '../deploy/awsClients';
import { deploy } from '../deploy/deploy';
import { DeployError } from '../deploy/deployError';
import type { DeployObserver } from '../deploy/deployObserver';
import { planDeploy, type DeployPlan } from '../deploy/deployPlan';
import { compareWithStage } from '../deploy/diff/stageComparison';
import { UsageError, walkArgs } from './args';
import { diagnosticsText, failureJson, failureText, outcomeJson, outcomeText } from './deployReport';
import { cliAwsClients, completeTargetArgs, emptyTargetArgs, loadTarget, readTargetFlag, readTargetPositional, type TargetArgs } from './deployTargetArgs';
import { confirmProtectedStage, processTerminal, type ConfirmationArgs, type Terminal } from './stageConfirmation';

interface DeployArgs extends ConfirmationArgs {
  target: TargetArgs;
  dryRun: boolean;
  format: 'text' | 'json';
}

function parseDeployArgs(argv: readonly string[]): DeployArgs {
  const args: DeployArgs = { target: emptyTargetArgs(), dryRun: false, yes: false, confirmStage: undefined, format: 'text' };
  walkArgs(
    argv,
    (r) => {
      if (readTargetFlag(args.target, r)) return true;
      switch (r.flag) {
        case '--mode': {
          const v = r.value();
          if (v !== 'overwrite' && v !== 'merge') throw new UsageError(`--mode must be overwrite or merge, not '${v}'`);
          args.target.overrides.mode = v;
          return true;
        }
        case '--fail-on-warnings':
          args.target.overrides.failOnWarnings = true;
          return true;
        case '--dry-run':
          args.dryRun = true;
          return true;
        case '--yes':
        case '-y':
          args.yes = true;
          return true;
        case '--confirm-stage':
          args.confirmStage = r.value();
          return true;
        case '--format': {
          const v = r.value();
          if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not '${v}'`);
          args.format = v;
          return true;
        }
        default:
          return false;
      }
    },
    (a) => readTargetPositional(args.target, a),
  );
  return args;
}

function describeTarget(plan: DeployPlan, region: string): string {
  const t = plan.target;
  const api = 'id' in t.api ? `${plan.kind} API ${t.api.id}` : `the ${plan.kind} API named '${t.api.name}' (created if none has the name)`;
  return `stage ${t.stage} of ${api} in ${region}${t.connection.endpoint ? ` at ${t.connection.endpoint}` : ''}${t.connection.profile ? ` as profile ${t.connection.profile}` : ''}`;
}

/** Prints what a deploy would do; only the comparison with the stage calls AWS (read-only). */
async function dryRun(plan: DeployPlan, clients: AwsClients): Promise<void> {
  const t = plan.target;
  const region = await clients.region().catch(() => '(no region set)');
  const lines = ['Dry run: nothing is changed.', `Target: ${describeTarget(plan, region)}`];
  const options = `failOnWarnings ${t.failOnWarnings}${t.basepath ? `; basepath ${t.basepath}` : ''}`;
  lines.push(
    plan.kind === 'REST'
      ? `Import: PutRestApi (mode ${t.mode ?? 'merge'}) into an existing API, else ImportRestApi${t.endpointType ? ` (${t.endpointType})` : ''}; ${options}`
      : `Import: ReimportApi into an existing API, else ImportApi; ${options}`,
  );
  if (plan.body.bundled) lines.push('The files reached through $ref are inlined into one JSON document for the import.');
  if (plan.kind === 'REST') {
    lines.push(plan.restPatch.length > 0 ? 'Stage settings (UpdateStage):' : 'Stage settings: none in the config.');
    for (const op of plan.restPatch) lines.push(`  ${op.op} ${op.path} = ${op.value}`);
  } else if (plan.httpSettings.ignored.length > 0) lines.push(`Not applied to an HTTP API: ${plan.httpSettings.ignored.join(', ')}`);
  // The local part is printed before AWS is asked anything, so it shows even without credentials.
  process.stdout.write(lines.join('\n') + '\n');
  const c = await compareWithStage(clients, plan, t);
  const heading = c.remote === 'no-api' ? 'Compared with nothing: the API does not exist yet.' : c.remote === 'no-stage' ? `Compared with nothing: stage ${t.stage} does not exist yet.` : `Compared with stage ${t.stage} of API ${c.apiId}:`;
  process.stdout.write([heading, ...c.summary.map((l) => `  ${l}`)].join('\n') + '\n');
}

/** Prints a summary of what will change, then asks for the stage name. */
async function confirm(plan: DeployPlan, clients: AwsClients, args: DeployArgs, terminal: Terminal): Promise<string | undefined> {
  if (args.yes && args.confirmStage === undefined && terminal.interactive) {
    try {
      const c = await compareWithStage(clients, plan, plan.target);
      process.stderr.write(`Changes on stage ${plan.target.stage}:\n${c.summary.map((l) => `  ${l}`).join('\n')}\n`);
    } catch (err) {
      process.stderr.write(`(could not compare with the stage: ${clients.redactor.redact(err instanceof Error ? err.message : String(err))})\n`);
    }
  }
  return confirmProtectedStage(plan.target.stage, 'deploy to it', args, terminal);
}

/**
 * Ctrl-C before the import cancels; after it, the deploy finishes (a second Ctrl-C forces
 * the exit) so the API is not left imported but undeployed.
 */
function onInterrupt(pastImport: () => boolean, cancel: () => void): () => void {
  let pressed = false;
  const handler = () => {
    if (pressed) process.exit(130);
    pressed = true;
    if (pastImport()) process.stderr.write('apigw: the import has started; finishing the deploy so the API is not left half-deployed (Ctrl-C again to stop anyway)\n');
    else cancel();
  };
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

/** `apigw deploy`: exit status 0 (deployed), 1 (not deployed) or 2 (usage, refused confirmation). */
export async function deployCommand(argv: readonly string[], terminal: Terminal = processTerminal()): Promise<number> {
  const args = parseDeployArgs(argv);
  const { file, stage } = completeTargetArgs(args.target);
  let plan: DeployPlan;
  try {
    const { source, config } = await loadTarget(args.target, file);
    const planned = await planDeploy({ ...source, config, stage, overrides: args.target.overrides });
    if (!planned.ok) {
      const shown = planned.lint.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      process.stdout.write(args.format === 'json' ? failureJson(new DeployError(`${file} has ${planned.errors} lint error(s); not deployed`, 'refused', [], shown)) : diagnosticsText(shown));
      if (args.format === 'text') process.stderr.write(`apigw: not deployed: ${file} has ${planned.errors} error${planned.errors === 1 ? '' : 's'} (API Gateway would reject or misbehave on them)\n`);
      return 1;
    }
    plan = planned.plan;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DeployError) {
      process.stderr.write(`apigw: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const lintWarnings = plan.lint.diagnostics.filter((d) => d.severity === 'warning');
  if (lintWarnings.length > 0 && args.format === 'text') process.stdout.write(diagnosticsText(lintWarnings));

  const clients = cliAwsClients(plan.target.connection);
  try {
    if (args.dryRun) {
      await dryRun(plan, clients);
      return 0;
    }
    if (plan.target.protected) {
      const refusal = await confirm(plan, clients, args, terminal);
      if (refusal) {
        process.stderr.write(`apigw: ${refusal}\n`);
        return 2;
      }
    }
    // A custom endpoint receives signed requests: say where they go, as it may come from a cloned repository's config.
    if (plan.target.connection.endpoint && args.format === 'text') process.stderr.write(`  Calling API Gateway at ${plan.target.connection.endpoint}\n`);
    const controller = new AbortController();
    let pastImport = false;
    const observer: DeployObserver = {
      signal: controller.signal,
      step: (s, message) => {
        if (s === 'import') pastImport = true;
        if (args.format === 'text') process.stderr.write(`  ${message}\n`);
      },
    };
    const release = onInterrupt(() => pastImport, () => controller.abort());
    try {
      const outcome = await deploy(plan, clients, observer);
      process.stdout.write(args.format === 'json' ? outcomeJson(outcome) : outcomeText(outcome));
      return 0;
    } finally {
      release();
    }
  } catch (err) {
    if (!(err instanceof DeployError)) throw err;
    if (args.format === 'json') process.stdout.write(failureJson(err));
    else process.stderr.write(failureText(err));
    return err.kind === 'refused' ? 2 : 1;
  } finally {
    clients.destroy();
  }
}
