import * as http from 'node:http';
import * as https from 'node:https';
import { QUOTAS } from '../catalog/quotas';
import { HeaderMap } from './headers';

export interface UpstreamRequest {
  method: string;
  url: URL;
  headers: HeaderMap;
  body: Buffer;
  timeoutMs: number;
}

export type UpstreamOutcome =
  | { kind: 'response'; status: number; headers: HeaderMap; body: Buffer }
  | { kind: 'timeout' }
  | { kind: 'error'; message: string };

/** Hop-by-hop headers belong to one connection and are never forwarded. */
export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'content-length']);

/** Sends one request to an HTTP integration endpoint, giving up after `timeoutMs` as API Gateway does. */
export function callUpstream(req: UpstreamRequest): Promise<UpstreamOutcome> {
  return new Promise((resolve) => {
    const outgoing: http.OutgoingHttpHeaders = {};
    for (const [name, values] of req.headers.entries()) {
      if (!HOP_BY_HOP.has(name.toLowerCase())) outgoing[name] = values.length === 1 ? values[0] : [...values];
    }
    if (req.body.length > 0) outgoing['Content-Length'] = String(req.body.length);
    const client = req.url.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (outcome: UpstreamOutcome) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      }
    };
    const call = client.request(req.url, { method: req.method, headers: outgoing }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
        // API Gateway's payload quota holds for the integration's answer too; an endpoint that
        // never stops sending would otherwise fill the emulator's memory until the timeout.
        if (size > QUOTAS.payloadBytes) {
          finish({ kind: 'error', message: `answered more than ${QUOTAS.payloadBytes} bytes` });
          call.destroy();
        }
      });
      res.on('end', () => finish({ kind: 'response', status: res.statusCode ?? 502, headers: HeaderMap.fromRaw(res.rawHeaders), body: Buffer.concat(chunks) }));
      res.on('error', (err) => finish({ kind: 'error', message: `closed the connection mid-response: ${err.message}` }));
    });
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
      call.destroy();
    }, req.timeoutMs);
    call.on('error', (err) => finish({ kind: 'error', message: `unreachable: ${err.message}` }));
    call.end(req.body.length > 0 ? req.body : undefined);
  });
}
