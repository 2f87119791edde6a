import * as http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AccessLogEntry } from '../../core/src/mock/accessLog';
import type { LambdaOutcome, LambdaRunner } from '../../core/src/mock/lambda/types';
import { startMockServer, type MockServer, type MockServerOptions } from '../../core/src/mock/server';

export interface Harness {
  server: MockServer;
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  url: string;
  dir: string;
  file: string;
  logs: string[];
  access: AccessLogEntry[];
  close(): Promise<void>;
}

/**
 * Writes `definition` (YAML text or an object written as JSON) to a temporary folder and serves it
 * in-process on a free port; `config` becomes the apigw.config.json beside it.
 */
export async function startMock(definition: string | object, options: Partial<MockServerOptions> & { files?: Record<string, string>; config?: object } = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'apigw-mock-'));
  const file = path.join(dir, typeof definition === 'string' ? 'api.yaml' : 'api.json');
  writeFileSync(file, typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2));
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(path.join(dir, name), text);
  if (options.config) writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify(options.config, null, 2));
  const logs: string[] = [];
  const access: AccessLogEntry[] = [];
  const server = await startMockServer({ port: 0, ...options, file, log: (l) => logs.push(l), onAccessLog: (e) => access.push(e) });
  return {
    server,
    url: server.url,
    dir,
    file,
    logs,
    access,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a local upstream saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Upstream {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** A local HTTP endpoint on 127.0.0.1 that records requests and answers with `reply`. */
export async function startUpstream(reply: (req: SeenRequest, res: http.ServerResponse) => void): Promise<Upstream> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const record = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(record);
      reply(record, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A Lambda runner that answers from `impl` and records every invocation. */
export function fakeLambda(impl: (functionRef: string, event: unknown) => LambdaOutcome | Promise<LambdaOutcome>): LambdaRunner & { calls: Array<{ functionRef: string; event: unknown; timeoutMs: number }> } {
  const calls: Array<{ functionRef: string; event: unknown; timeoutMs: number }> = [];
  return {
    calls,
    async invoke(functionRef, event, _context, timeoutMs) {
      calls.push({ functionRef, event, timeoutMs });
      return impl(functionRef, event);
    },
    reload: async () => undefined,
    close: async () => undefined,
  };
}

export const LAMBDA_URI = (name: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${name}/invocations`;

/** A minimal OpenAPI 3 REST definition around `paths` (and optional root extensions). */
export function restApi(paths: object, root: object = {}): object {
  return { openapi: '3.0.1', info: { title: 'Test', version: '1' }, ...root, paths };
}

/** A MOCK integration answering `status` with `template` as its application/json response. */
export function mockIntegration(template: string, extra: object = {}): object {
  return {
    type: 'mock',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
    responses: { default: { statusCode: '200', responseTemplates: { 'application/json': template } } },
    ...extra,
  };
}
