import * as path from 'node:path';
import { CONFIG_FILE, ConfigError } from '../config/apigwConfig';
import type { KindOverride } from '../model/apiModel';
import { createLambdaRunner } from '../mock/lambda/lambdaRunner';
import { sampleCurlLines } from '../mock/sampleRequests';
import { isLoopback, startMockServer } from '../mock/server';
import { apiKindValue, UsageError, walkArgs } from './args';

export const MOCK_USAGE = `Usage: apigw mock [options] <api.yaml>

Serves the API locally the way API Gateway would: routing, MOCK integrations with their
mapping templates, HTTP and Lambda integrations, request validation, gateway responses,
authorizers (Lambda, Cognito, JWT, IAM), API keys and usage plans, throttling, the stage
cache and CORS, with the stage, keys and settings of the config file (apigw token mints
test tokens).

Options:
  --port N                   port to listen on (default: 3000; 0 picks a free one)
  --host HOST                address to bind (default: 127.0.0.1)
  --stage NAME               the stage in the config file to serve (default: its defaultStage,
                             else dev for REST APIs, $default for HTTP APIs)
  --stage-var NAME=VALUE     a stage variable (repeatable; overrides the config file)
  --config FILE              config file (default: ${CONFIG_FILE} beside the API file)
  --api-kind auto|rest|http  REST API or HTTP API (default: detected from the file)
  --watch                    reload the definition and the Lambda handlers when files change
  -h, --help                 show this help

Prints one JSON access-log line per request on stdout; notes on what the emulator
approximated or skipped go to stderr. Ctrl-C stops it.
`;

interface MockArgs {
  file: string;
  port: number;
  host: string;
  stage: string | undefined;
  stageVariables: Record<string, string>;
  config: string | undefined;
  apiKind: KindOverride;
  watch: boolean;
}

function parseMockArgs(argv: readonly string[]): MockArgs {
  const files: string[] = [];
  const args: MockArgs = { file: '', port: 3000, host: '127.0.0.1', stage: undefined, stageVariables: {}, config: undefined, apiKind: 'auto', watch: false };
  walkArgs(
    argv,
    (r) => {
      switch (r.flag) {
        case '--port': {
          const v = r.value();
          const port = Number(v);
          if (!/^\d+$/.test(v) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not '${v}'`);
          args.port = port;
          return true;
        }
        case '--host':
          args.host = r.value();
          return true;
        case '--stage': {
          const v = r.value();
          if (v !== '$default' && !/^[A-Za-z0-9_-]{1,128}$/.test(v)) throw new UsageError(`--stage takes letters, digits, - and _ (or $default), not '${v}'`);
          args.stage = v;
          return true;
        }
        case '--stage-var': {
          const v = r.value();
          const eq = v.indexOf('=');
          if (eq <= 0) throw new UsageError(`--stage-var takes NAME=VALUE, not '${v}'`);
          args.stageVariables[v.slice(0, eq)] = v.slice(eq + 1);
          return true;
        }
        case '--config':
          args.config = r.value();
          return true;
        case '--api-kind':
          args.apiKind = apiKindValue(r);
          return true;
        case '--watch':
          args.watch = true;
          return true;
        default:
          return false;
      }
    },
    (a) => files.push(a),
  );
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no API definition given' : 'give one API definition');
  args.file = files[0];
  return args;
}

/** Lines written together once per event-loop turn: one write per burst of requests, not one per line. */
function batchedLines(stream: NodeJS.WritableStream): { write: (line: string) => void; flush: () => void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length > 0) stream.write(pending.join(''));
    pending = [];
  };
  return {
    write(line) {
      pending.push(`${line}\n`);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/** `apigw mock`: runs until Ctrl-C or SIGTERM, then resolves with exit status 0. */
export async function mockCommand(argv: readonly string[]): Promise<number> {
  const args = parseMockArgs(argv);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`apigw mock: ${line}\n`);
  const accessLog = batchedLines(process.stdout);
  const notes = batchedLines(process.stderr);
  const note = (line: string) => notes.write(`apigw mock: ${line}`);
  // The handlers' START/END/REPORT and console lines come per invocation: batched like the notes.
  const lambda = await createLambdaRunner({ workspaceRoot: process.cwd(), apiFile: path.resolve(args.file), configFile: args.config, trusted: true, log: note });
  let server;
  try {
    server = await startMockServer({
      file: args.file,
      host: args.host,
      port: args.port,
      stage: args.stage,
      stageVariables: args.stageVariables,
      configFile: args.config,
      apiKind: args.apiKind,
      lambda,
      watch: args.watch,
      onAccessLog: (entry) => accessLog.write(JSON.stringify(entry)),
      log: note,
    });
  } catch (e) {
    await lambda.close();
    if (!(e instanceof ConfigError)) throw e;
    err(e.message);
    return 2;
  }
  const { api, errors, warnings } = server.current();
  const stage = server.stage();
  const base = stage === '$default' ? server.url : `${server.url}/${stage}`;
  out(`listening on ${server.url}`);
  out(`${api.kind === 'HTTP' ? 'HTTP API' : 'REST API'} '${api.title}', ${api.operations.length} methods, stage ${stage}${stage === '$default' ? '' : ` (${base}/... or ${server.url}/...)`}`);
  if (errors > 0 || warnings > 0) {
    err(`${args.file}: ${errors} lint error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (apigw lint ${args.file}); serving what can be served`);
  }
  if (!isLoopback(server.host)) err(`warning: bound to ${server.host}: other machines can reach this emulator and the handlers it runs`);
  out('try:');
  for (const line of sampleCurlLines(api, base)) out(`  ${line}`);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(130);
      stopping = true;
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await Promise.all([server.close(), lambda.close()]);
  accessLog.flush();
  notes.flush();
  return 0;
}
