import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sigv4Problem } from './sigv4';
import { TEST_CREDENTIALS } from './fixtures';

export interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
  headers: IncomingMessage['headers'];
}

export interface Reply {
  status: number;
  body?: unknown;
  /** The service error type AWS puts in x-amzn-ErrorType. */
  errorType?: string;
  /** Answer this late, to act while a call is in flight. */
  delayMs?: number;
  /** Drop the connection instead of answering (the request has arrived: a lost answer). */
  reset?: boolean;
}

/**
 * A stand-in for API Gateway's control plane on 127.0.0.1: every request must carry a valid
 * SigV4 signature made with the test credentials (403 otherwise); `route` answers the rest.
 */
export class FakeApiGateway {
  readonly received: Received[] = [];
  /** Called as each request arrives, before it is answered. */
  onRequest: (r: Received) => void = () => undefined;
  private server: Server | undefined;

  constructor(private readonly route: (r: Received) => Reply) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const received: Received = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), body: body.toString('utf8'), headers: req.headers };
    const problem = sigv4Problem({ method: received.method, url: req.url ?? '/', headers: req.headers, body }, TEST_CREDENTIALS.secretAccessKey, {
      accessKeyId: TEST_CREDENTIALS.accessKeyId,
      region: 'us-east-1',
      service: 'apigateway',
      sessionToken: TEST_CREDENTIALS.sessionToken,
    });
    this.received.push(received);
    this.onRequest(received);
    const reply: Reply = problem ? { status: 403, errorType: 'InvalidSignatureException', body: { message: problem } } : this.route(received);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (reply.reset) {
      req.socket.resetAndDestroy();
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (reply.errorType) headers['x-amzn-errortype'] = reply.errorType;
    res.writeHead(reply.status, headers);
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }
}
