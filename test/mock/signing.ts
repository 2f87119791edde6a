import { createHash, createHmac } from 'node:crypto';
import * as http from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import { localRegion } from '../../core/src/mock/lambda/localAccount';

/** An access key the tests configure in apigw.config.json. */
export const TEST_KEY = { accessKeyId: 'AKIDLOCALTEST0000001', secretAccessKey: 'local/Secret+Key/For/Tests/0123456789ab' };

const bytes = (data: SourceData) => (typeof data === 'string' ? Buffer.from(data) : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data));

/** The hash constructor the SDK signer takes, on node:crypto. */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

export interface SignOptions {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  key?: typeof TEST_KEY;
  service?: string;
  signingDate?: Date;
}

/** The headers the AWS SDK's SigV4 signer gives a request to `url`. */
export async function sigV4Headers(url: string, options: SignOptions = {}): Promise<Record<string, string>> {
  const u = new URL(url);
  const signer = new SignatureV4({ credentials: options.key ?? TEST_KEY, region: localRegion(), service: options.service ?? 'execute-api', sha256: Sha256 });
  const signed = await signer.sign(
    {
      method: options.method ?? 'GET',
      protocol: u.protocol,
      hostname: u.hostname,
      port: Number(u.port),
      path: u.pathname,
      query: Object.fromEntries([...new Set(u.searchParams.keys())].map((k) => [k, u.searchParams.getAll(k)])),
      headers: { host: u.host, ...options.headers },
      body: options.body,
    },
    { signingDate: options.signingDate },
  );
  return signed.headers;
}

export interface Sent {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends exactly these headers (fetch would rewrite Host). */
export function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
