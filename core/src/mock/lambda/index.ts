/**
 * Lambda integrations against local handlers: what the emulator uses to turn a request into a
 * Lambda proxy event, run the function in the workspace, and turn its result into a response.
 *
 *   createLambdaRunner(o: LambdaRunnerOptions): Promise<LambdaRunner>
 *     LambdaRunnerOptions { workspaceRoot; apiFile; configFile?; trusted; log? }
 *     LambdaRunner.invoke(functionRef, event, { awsRequestId, functionName? }, timeoutMs): Promise<LambdaOutcome>
 *     LambdaRunner.reload(): Promise<void>     re-reads the mapping, restarts processes (edits take effect)
 *     LambdaRunner.close(): Promise<void>
 *   functionRefFromUri(uri, stageVariables): string | undefined
 *   buildRestProxyEvent(req: MockRequest, route: RouteInfo): RestProxyEvent        REST, AWS_PROXY
 *   buildHttpApiEventV1(req: MockRequest, route: RouteInfo): RestProxyEvent        HTTP API, payload 1.0
 *   buildHttpApiEventV2(req: MockRequest, route: RouteInfo): HttpApiEventV2        HTTP API, payload 2.0
 *   mapProxyResult(payload, '1.0' | '2.0', rest?: RestResultContext): MappedProxyResult | { malformed }
 *   buildTokenAuthorizerEvent(token, methodArn)                                     REST TOKEN authorizer
 *   buildRestRequestAuthorizerEvent(req, route, methodArn)                          REST REQUEST authorizer
 *   buildHttpAuthorizerEventV1/V2(req, route, methodArn, identityValues)            HTTP API REQUEST authorizer
 *
 * Mapping a function to a handler, first match wins:
 *  - apigw.config.json (options.configFile, else beside the API file):
 *    {"functions": {"<name | function ARN | stage-variable value>":
 *      "src/orders.js#handler" | {"handler": "...", "env": {...}, "timeoutMs": 6000, "memorySize": 256}}}
 *  - a SAM template.yaml/.yml/.json beside the API: AWS::Serverless::Function by logical id
 *    (from `${Fn.Arn}`, `!GetAtt Fn.Arn`) or FunctionName; Handler + CodeUri + Globals.Function.
 *    Node.js runtimes only; others are 'unmapped' with how to map them.
 *
 * Outcomes (see LambdaOutcome): 'result' and 'error' are what Lambda returns (REST proxy: 200-ish
 * from the result, 502 for an error); a function timeout is an 'error' of type Sandbox.Timedout,
 * as at AWS; 'timeout' means the integration timeout (`timeoutMs`) ran out first (504);
 * 'crash' a process that died or a handler that cannot load; 'unmapped' no local handler;
 * 'refused' an untrusted workspace or a handler outside the workspace.
 *
 * Handlers run in child processes (one warm process per concurrent invocation, reused), so a
 * handler that exits, hangs or exhausts its memory never takes the emulator with it. The child
 * entry is childRunner.ts: from out/ it is found beside this code; bundled, it must be the
 * separate entry point dist/lambdaChild.js beside the bundle that includes this module.
 */
export { createLambdaRunner } from './lambdaRunner';
export { functionRefFromUri } from './functionRef';
export { buildHttpApiEventV1, buildRestProxyEvent } from './restProxyEvent';
export { buildHttpApiEventV2 } from './httpApiEventV2';
export { mapProxyResult } from './proxyResult';
export { buildHttpAuthorizerEventV1, buildHttpAuthorizerEventV2, buildRestRequestAuthorizerEvent, buildTokenAuthorizerEvent } from './authorizerEvents';
export type { HttpAuthorizerEventV1, HttpAuthorizerEventV2, RestRequestAuthorizerEvent, TokenAuthorizerEvent } from './authorizerEvents';
export type {
  HttpApiEventV2,
  InvokeContext,
  LambdaOutcome,
  LambdaRunner,
  LambdaRunnerOptions,
  MappedProxyResult,
  MockRequest,
  RestProxyEvent,
  RestResultContext,
  RouteInfo,
} from './types';
