/*
 * The shapes shared by the emulator and the Lambda runner: what a request looks like when it
 * reaches an integration, the events API Gateway builds from it, and what an invocation gives back.
 */

/** One request as it reaches the integration: after routing, before any integration mapping. */
export interface MockRequest {
  method: string;
  /** The path without the stage, percent-encoding as the client sent it, e.g. `/users/a%20b`. */
  path: string;
  /**
   * Header lines as API Gateway forwards them, in order, names in the client's letter case
   * (Node's `rawHeaders` taken in pairs). The gateway's own additions (X-Forwarded-*,
   * X-Amzn-Trace-Id) belong here too: HTTP integrations see the same set.
   */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** The raw query string without `?`; '' when there is none. */
  query: string;
  body: Buffer;
  sourceIp: string;
  /** The stage name; `$default` for an HTTP API's default stage. */
  stage: string;
  stageVariables: Readonly<Record<string, string>>;
  requestId: string;
  /** `$context.extendedRequestId`, made once per request by the server. */
  extendedRequestId: string;
  requestTimeEpoch: number;
}

/** What the router found for the request. */
export interface RouteInfo {
  /** The resource or route path as written in the API, e.g. `/users/{id}` or `/files/{proxy+}`. */
  resourcePath: string;
  /** Path parameters, already percent-decoded. */
  pathParameters: Readonly<Record<string, string>>;
  /** HTTP API route key, e.g. `GET /users/{id}` or `$default`; REST events do not carry it. */
  routeKey: string;
  apiId: string;
  /**
   * `requestContext.authorizer` as the caller shaped it: for REST, `principalId` plus the
   * Lambda authorizer's context (or Cognito `claims`); for HTTP APIs `{ lambda: {...} }` or
   * `{ jwt: { claims, scopes } }`. Left out when no authorizer ran.
   */
  authorizer?: Readonly<Record<string, unknown>>;
  /** The REST resource id; a stable made-up one is fine. HTTP API events use the route key instead. */
  resourceId?: string;
  /** REST API `binaryMediaTypes`: a request whose Content-Type matches one is sent base64-encoded. */
  binaryMediaTypes?: readonly string[];
  /** The API key the request was accepted with (REST usage plans). */
  apiKey?: { value: string; id: string };
  /** The access key of a caller whose SigV4 signature was verified (IAM authorization). */
  callerAccessKey?: string;
}

type StringMap = Record<string, string>;

export interface RestIdentity {
  accessKey: string | null;
  accountId: null;
  apiKey?: string;
  apiKeyId?: string;
  caller: null;
  cognitoAuthenticationProvider: null;
  cognitoAuthenticationType: null;
  cognitoIdentityId: null;
  cognitoIdentityPoolId: null;
  principalOrgId: null;
  sourceIp: string;
  user: null;
  userAgent: string | null;
  userArn: null;
}

export interface RestRequestContext {
  accountId: string;
  apiId: string;
  authorizer?: Readonly<Record<string, unknown>>;
  domainName: string;
  domainPrefix: string;
  extendedRequestId: string;
  httpMethod: string;
  identity: RestIdentity;
  /** The path as the client wrote it, stage included (`/prod/users/1`) unless the stage is `$default`. */
  path: string;
  protocol: string;
  requestId: string;
  requestTime: string;
  requestTimeEpoch: number;
  resourceId: string | null;
  resourcePath: string;
  stage: string;
}

/** The REST API Lambda proxy event (payload 1.0); HTTP APIs send the same shape with `version: '1.0'`. */
export interface RestProxyEvent {
  version?: '1.0';
  resource: string;
  path: string;
  httpMethod: string;
  headers: StringMap | null;
  multiValueHeaders: Record<string, string[]> | null;
  queryStringParameters: StringMap | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
  pathParameters: StringMap | null;
  stageVariables: StringMap | null;
  requestContext: RestRequestContext;
  body: string | null;
  isBase64Encoded: boolean;
}

/** The HTTP API Lambda proxy event, payload format 2.0. Absent maps are left out, not null. */
export interface HttpApiEventV2 {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: StringMap;
  queryStringParameters?: StringMap;
  requestContext: {
    accountId: string;
    apiId: string;
    authorizer?: Readonly<Record<string, unknown>>;
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: string;
    stage: string;
    time: string;
    timeEpoch: number;
  };
  body?: string;
  pathParameters?: StringMap;
  isBase64Encoded: boolean;
  stageVariables?: StringMap;
}

/** How a Lambda proxy response becomes an HTTP response. */
export interface MappedProxyResult {
  statusCode: number;
  /** Every header to send, one entry per header line (cookies excepted: see `cookies`). */
  multiValueHeaders: Record<string, string[]>;
  /** A lookup view of `multiValueHeaders`: the last value of each name. Not for writing. */
  headers: Record<string, string>;
  /** Payload 2.0 `cookies`, each to be sent as its own Set-Cookie line. */
  cookies: string[];
  body: Buffer;
}

/** REST APIs only: what decides whether a base64 body is decoded before it is sent. */
export interface RestResultContext {
  binaryMediaTypes: readonly string[];
  /** The request's Accept header. */
  accept: string | undefined;
}

export interface LambdaRunnerOptions {
  /** Handler files must resolve inside this directory (symbolic links followed). */
  workspaceRoot: string;
  /** The API definition; `apigw.config.json` and a SAM `template.yaml` are looked for beside it. */
  apiFile: string;
  configFile?: string;
  /** Handlers are the workspace's own code: nothing is loaded or run unless this is true. */
  trusted: boolean;
  /** Runner events and the handlers' console output, one line per call. */
  log?: (line: string) => void;
}

export interface InvokeContext {
  awsRequestId: string;
  /** The name the handler sees as `context.functionName`; defaults to the mapped function's name. */
  functionName?: string;
}

/**
 * What one invocation gave. `durationMs` is what the gateway waited (queueing and a cold start
 * included); `initDurationMs` is there when this invocation started a new process.
 *  - result: the handler returned (or called back with) a value, parsed from its JSON.
 *  - error: the function failed as Lambda reports it (a throw, a callback error, an unhandled
 *    rejection, a non-serializable result, or the function's own timeout: `Sandbox.Timedout`).
 *    REST proxy integrations answer 502; non-proxy ones match `errorMessage` against selection patterns.
 *  - timeout: the integration timeout (the `timeoutMs` given to invoke) ran out first: 504 at AWS.
 *  - crash: the process exited or ran out of memory, or the handler could not be loaded.
 *  - unmapped: no local handler is known for the function; the message says how to map one.
 *  - refused: running it is not allowed (untrusted workspace, handler outside the workspace).
 */
export type LambdaOutcome =
  | { kind: 'result'; payload: unknown; durationMs: number; initDurationMs?: number }
  | { kind: 'error'; errorMessage: string; errorType: string; stack?: string[]; durationMs: number; initDurationMs?: number }
  | { kind: 'timeout'; durationMs: number }
  | { kind: 'crash'; message: string }
  | { kind: 'unmapped'; message: string }
  | { kind: 'refused'; message: string };

export interface LambdaRunner {
  invoke(functionRef: string, event: unknown, context: InvokeContext, timeoutMs: number): Promise<LambdaOutcome>;
  /** Re-reads the mapping and restarts the handlers' processes, so edits on disk take effect. */
  reload(): Promise<void>;
  close(): Promise<void>;
}
