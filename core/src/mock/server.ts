import { randomUUID } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { QUOTAS } from '../catalog/quotas';
import { CONFIG_FILE, readApigwConfig, type ApigwConfig } from '../config/apigwConfig';
import type { KindOverride } from '../model/apiModel';
import { accessLogEntry, type AccessLogEntry } from './accessLog';
import { addNote, createExchange, type Exchange, type MockSettings } from './exchange';
import { GATEWAY_ERRORS, gatewayResponse, type GatewayError } from './gatewayResponses';
import { createGatewayState, forgetCachedResults } from './gatewayState';
import { HeaderMap } from './headers';
import { LOCAL_ACCOUNT_ID } from './lambda/localAccount';
import { extendedRequestId } from './lambda/proxyEventParts';
import type { LambdaRunner } from './lambda/types';
import { loadDefinition, type LoadedDefinition } from './loadDefinition';
import { handleRequest, stampResponse } from './pipeline';
import { parseQuery, splitTarget, type IncomingRequest } from './request';
import type { MockResponse } from './response';
import { cacheSettingsWarning } from './responseCache';
import { resolveStage } from './stage';
import { RequestStats, type StatsSnapshot } from './stats';

export interface MockServerOptions {
  /** The API definition to serve. */
  file: string;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The stage to serve; defaults to the config's `defaultStage`, else `dev` (REST) or `$default` (HTTP APIs). */
  stage?: string;
  /** Stage variables that win over the config's. */
  stageVariables?: Record<string, string>;
  /**
   * apigw.config.json (stages, API keys, usage plans, JWKS, access keys). Named here, it must
   * exist; otherwise the one beside the API file is read when there is one.
   */
  configFile?: string;
  apiKind?: KindOverride;
  /** Runs Lambda integrations; without one they answer 501. */
  lambda?: LambdaRunner;
  /** Reload the definition, the config and the Lambda handlers when their files change. */
  watch?: boolean;
  /** One record per request, in API Gateway's JSON access-log shape. */
  onAccessLog?: (entry: AccessLogEntry) => void;
  /** Human-readable lines: reloads, and what the emulator approximated or skipped per request. */
  log?: (line: string) => void;
  /**
   * How long a client may take to send a request's headers and the whole request, and how long
   * an answer may wait for a client that stopped reading it (see CLIENT_TIMEOUTS).
   */
  clientTimeouts?: { headersMs: number; requestMs: number; stalledResponseMs: number };
}

export interface MockServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The definition being served. */
  current(): LoadedDefinition;
  /** The name of the stage being served. */
  stage(): string;
  /** Requests per route, status classes and latency percentiles so far, for a live view. */
  stats(): StatsSnapshot;
  resetStats(): void;
  /** Re-reads the definition and the config now, and asks the Lambda runner to reload its handlers. */
  reload(): Promise<LoadedDefinition>;
  close(): Promise<void>;
}

const LIMIT = QUOTAS.payloadBytes;

/**
 * A client that trickles its request holds a socket (a file descriptor) for as long as the server
 * waits. Node's defaults wait a minute for headers and five for the request, checked every 30 s;
 * these bound it tighter while leaving a slow link time to upload a 10 MB body. Node answers
 * 408 and closes the connection. A client that stops reading an answer holds the socket and the
 * unsent part of the answer; with no progress for `stalledResponseMs` the connection is dropped
 * (a slow reader that makes progress is not). API Gateway documents no such limits for clients.
 */
const CLIENT_TIMEOUTS = { headersMs: 10_000, requestMs: 120_000, stalledResponseMs: 60_000 };

/**
 * What API Gateway counts against its header quota: the header values of a REST API, the
 * request line and headers of an HTTP API (Node's own limit, 16 KB of both, is above either).
 */
function headerBytes(req: http.IncomingMessage, kind: 'REST' | 'HTTP'): number {
  const raw = req.rawHeaders;
  let bytes = kind === 'HTTP' ? Buffer.byteLength(`${req.method ?? ''} ${req.url ?? ''} HTTP/${req.httpVersion}\r\n`, 'latin1') : 0;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    bytes += Buffer.byteLength(raw[i + 1], 'latin1') + (kind === 'HTTP' ? Buffer.byteLength(raw[i], 'latin1') + 4 : 0);
  }
  return bytes;
}

const HEADER_QUOTA = { REST: QUOTAS.restHeaderValuesBytes, HTTP: QUOTAS.httpRequestLineAndHeadersBytes } as const;

/**
 * How long a connection refused for its size is still read after the answer. Closed at once (as
 * Node closes it after an answer saying `Connection: close`), it would reset a client still
 * sending the request, and the client would report the reset instead of the answer.
 */
const LINGER_MS = 1000;

/** Ends the connection once the answer is out: our side at once, reading after the client has had time to see the answer. */
function closeAfterAnswer(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.on('finish', () => {
    req.socket.end();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  });
}

/** Hosts a browser or another machine cannot reach: anything else is worth a warning. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function writeResponse(res: http.ServerResponse, method: string, response: MockResponse, stalledResponseMs: number): void {
  const flat: string[] = [];
  for (const [name, values] of response.headers.entries()) {
    if (name.toLowerCase() === 'content-length') continue;
    for (const value of values) flat.push(name, value);
  }
  flat.push('Content-Length', String(response.body.length));
  res.writeHead(response.status, flat);
  res.end(method === 'HEAD' ? undefined : response.body);
  // Part of the answer waits for the client to read it. A socket timeout counts inactivity, so it
  // fires only while nothing moves; without a handler Node then destroys the socket, and once the
  // answer is out it replaces this timeout with the keep-alive one.
  if (res.writableLength > 0) res.setTimeout(stalledResponseMs);
}

function incoming(req: http.IncomingMessage, body: Buffer, receivedAt: number): IncomingRequest {
  const { rawPath, rawQuery } = splitTarget(req.url ?? '/');
  const requestId = randomUUID();
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath,
    query: parseQuery(rawQuery),
    headers: HeaderMap.fromRaw(req.rawHeaders),
    body,
    sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    protocol: `HTTP/${req.httpVersion}`,
    requestId,
    extendedRequestId: extendedRequestId(requestId),
    receivedAt,
  };
}

/** The route a request is counted under in the stats. */
function routeLabel(exchange: Exchange): string {
  const op = exchange.operation;
  if (!op) return '-';
  return op.resourcePath === '/$default' ? '$default' : `${op.method} ${op.resourcePath}`;
}

/** Starts the emulator for one definition; resolves once it is listening. */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const configFile = options.configFile ?? path.join(path.dirname(path.resolve(options.file)), CONFIG_FILE);
  const readConfig = () => readApigwConfig(configFile, options.configFile !== undefined);
  let definition = await loadDefinition(options.file, options.apiKind);
  const stageSettings = (api: LoadedDefinition['api'], from: ApigwConfig) => {
    const stage = resolveStage(api.kind, from, options.stage, options.stageVariables);
    const names = Object.keys(from.stages);
    if (!stage.config && names.length > 0) log(`stage '${stage.name}' is not in ${from.file ?? CONFIG_FILE} (${names.join(', ')}): no stage variables or method settings from it`);
    const cacheWarning = cacheSettingsWarning(api.kind, stage.config);
    if (cacheWarning) log(`stage '${stage.name}': ${cacheWarning}`);
    return { stage: stage.name, stageVariables: stage.variables, stageConfig: stage.config, config: from };
  };
  const settings: MockSettings = { ...stageSettings(definition.api, await readConfig()), accountId: LOCAL_ACCOUNT_ID, lambda: options.lambda, state: createGatewayState() };
  const stats = new RequestStats();

  const timeouts = options.clientTimeouts ?? CLIENT_TIMEOUTS;
  const finish = (exchange: Exchange, res: http.ServerResponse, response: MockResponse) => {
    writeResponse(res, exchange.request.method, response, timeouts.stalledResponseMs);
    const finishedAt = Date.now();
    const { requestId, method, rawPath } = exchange.request;
    for (const event of exchange.events) log(`${requestId} ${method} ${rawPath}: ${event}`);
    for (const note of exchange.notes) log(`note ${requestId} ${method} ${rawPath}: ${note}`);
    stats.record(routeLabel(exchange), response.status, finishedAt - exchange.request.receivedAt);
    options.onAccessLog?.(accessLogEntry(exchange, response, finishedAt));
  };

  /** Answers a request that never reached routing (too large, or an emulator fault) with a gateway error. */
  const early = (res: http.ServerResponse, request: IncomingRequest, error: GatewayError, note?: string) => {
    const exchange = createExchange(definition.api, settings, request);
    if (note) addNote(exchange, note);
    const response = gatewayResponse(exchange, error);
    stampResponse(exchange, response);
    finish(exchange, res, response);
  };

  const serverOptions: http.ServerOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    // How often Node looks for requests past those limits; its default of 30 s would let one wait that much longer.
    connectionsCheckingInterval: Math.min(1000, timeouts.headersMs / 2),
  };
  const server = http.createServer(serverOptions, (req, res) => {
    const receivedAt = Date.now();
    const kind = definition.api.kind;
    if (headerBytes(req, kind) > HEADER_QUOTA[kind]) {
      closeAfterAnswer(req, res);
      const what = kind === 'REST' ? 'header values' : 'request line and headers';
      early(res, incoming(req, Buffer.alloc(0), receivedAt), GATEWAY_ERRORS.headersTooLarge(), `API Gateway takes at most ${HEADER_QUOTA[kind]} bytes of ${what}; the status it answers past that is not documented (431 here)`);
      return;
    }
    // Answers without waiting for the rest of a body API Gateway would never accept (a client
    // streaming without end would otherwise be read until the request timeout), then drops the connection.
    const tooLarge = () => {
      closeAfterAnswer(req, res);
      early(res, incoming(req, Buffer.alloc(0), receivedAt), GATEWAY_ERRORS.requestTooLarge());
    };
    if (Number(req.headers['content-length'] ?? 0) > LIMIT) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > LIMIT) return;
      size += chunk.length;
      if (size <= LIMIT) chunks.push(chunk);
      else tooLarge();
    });
    req.on('end', () => {
      if (size > LIMIT) return;
      const request = incoming(req, Buffer.concat(chunks), receivedAt);
      handleRequest(definition.api, settings, request).then(
        ({ exchange, response }) => finish(exchange, res, response),
        (err: unknown) => {
          log(`error ${request.requestId}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
          early(res, request, GATEWAY_ERRORS.configurationError(), 'the emulator failed on this request (see its log)');
        },
      );
    });
    req.on('error', () => res.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let reloading: Promise<LoadedDefinition> | undefined;
  const reload = async (): Promise<LoadedDefinition> => {
    reloading ??= (async () => {
      try {
        const next = await loadDefinition(options.file, options.apiKind);
        const nextConfig = await readConfig();
        definition = next;
        Object.assign(settings, stageSettings(next.api, nextConfig));
        forgetCachedResults(settings.state);
        await options.lambda?.reload();
        return next;
      } finally {
        reloading = undefined;
      }
    })();
    return reloading;
  };

  const watchers: FSWatcher[] = [];
  let debounce: NodeJS.Timeout | undefined;
  const startWatching = () => {
    for (const w of watchers.splice(0)) w.close();
    const byDir = new Map<string, Set<string>>();
    for (const f of [...definition.files, configFile]) {
      const names = byDir.get(path.dirname(f)) ?? new Set<string>();
      names.add(path.basename(f));
      byDir.set(path.dirname(f), names);
    }
    // Directories, not files: editors often save by writing a new file and renaming it over the old one.
    for (const [dir, names] of byDir) {
      try {
        watchers.push(
          watch(dir, (_event, name) => {
            if (name !== null && !names.has(name.toString())) return;
            clearTimeout(debounce);
            debounce = setTimeout(() => {
              reload().then(
                (d) => {
                  log(`reloaded ${options.file}: ${d.api.operations.length} methods, ${d.errors} lint errors`);
                  startWatching();
                },
                (err: unknown) => log(`reload failed, still serving the previous definition: ${err instanceof Error ? err.message : String(err)}`),
              );
            }, 100);
          }),
        );
      } catch (err) {
        log(`cannot watch ${dir}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  if (options.watch) startWatching();

  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    current: () => definition,
    stage: () => settings.stage,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    reload,
    async close() {
      clearTimeout(debounce);
      for (const w of watchers.splice(0)) w.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
