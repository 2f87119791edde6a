import { UsageError } from './cli/args';
import { DEPLOY_USAGE, DIFF_USAGE, ROLLBACK_USAGE } from './cli/deployUsage';
import { lintCommand, LINT_USAGE } from './cli/lintCommand';
import { mockCommand, MOCK_USAGE } from './cli/mockCommand';
import { tokenCommand, TOKEN_USAGE } from './cli/tokenCommand';
import { version } from '../../package.json';

const USAGE = `Usage: apigw <command> [options]

Commands:
  lint     check OpenAPI definitions for API Gateway (apigw lint --help)
  mock     serve an API locally the way API Gateway would (apigw mock --help)
  token    make a local signing key and mint JWTs for apigw mock (apigw token --help)
  deploy   import an API into API Gateway and deploy it to a stage (apigw deploy --help)
  diff     compare an API with what a stage serves (apigw diff --help)
  rollback point a stage back at its previous deployment (apigw rollback --help)

Options:
  -h, --help      show this help
  -v, --version   show the version
`;

const COMMANDS: Record<string, { run: (argv: readonly string[]) => Promise<number>; usage: string }> = {
  lint: { run: lintCommand, usage: LINT_USAGE },
  mock: { run: mockCommand, usage: MOCK_USAGE },
  token: { run: tokenCommand, usage: TOKEN_USAGE },
  deploy: { run: async (argv) => (await import('./cli/deployCommand')).deployCommand(argv), usage: DEPLOY_USAGE },
  diff: { run: async (argv) => (await import('./cli/diffCommand')).diffCommand(argv), usage: DIFF_USAGE },
  rollback: { run: async (argv) => (await import('./cli/rollbackCommand')).rollbackCommand(argv), usage: ROLLBACK_USAGE },
};

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) throw new UsageError(`unknown command '${command}' (available: ${Object.keys(COMMANDS).join(', ')})`);
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(entry.usage);
    return 0;
  }
  try {
    return await entry.run(rest);
  } catch (err) {
    if (err instanceof UsageError) process.stderr.write(`apigw: ${err.message}\n\n${entry.usage}`);
    // A system error (missing file, port in use) needs its message, not a stack.
    else if (err instanceof Error && 'code' in err) process.stderr.write(`apigw: ${err.message}\n`);
    else process.stderr.write(`apigw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`apigw: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    process.exitCode = 2;
  },
);
