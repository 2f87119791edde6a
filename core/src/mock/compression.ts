import { gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { QUOTAS } from '../catalog/quotas';
import { addNote, type Exchange } from './exchange';
import type { MockResponse } from './response';

/** Whether an Accept-Encoding header allows gzip (a `q=0` refuses it). */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((entry) => {
    const [coding, ...params] = entry.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    return !q || Number(q[1]) > 0;
  });
}

/**
 * With `x-amazon-apigateway-minimum-compression-size` set, API Gateway compresses a response
 * body at least that large when the client accepts it. Only gzip is done here.
 */
export function compressResponse(exchange: Exchange, response: MockResponse): void {
  const min = exchange.api.minimumCompressionSize;
  if (min === undefined || response.body.length < min || response.headers.has('content-encoding')) return;
  const acceptEncoding = exchange.request.headers.get('accept-encoding');
  if (acceptsGzip(acceptEncoding)) {
    response.body = gzipSync(response.body);
    response.headers.set('Content-Encoding', 'gzip');
  } else if (acceptEncoding && /\bdeflate\b/i.test(acceptEncoding)) {
    addNote(exchange, 'deflate compression not emulated: the response is sent uncompressed');
  }
}

/** With compression enabled, API Gateway also decompresses gzip and deflate request bodies. */
export function decompressRequest(exchange: Exchange): void {
  if (exchange.api.minimumCompressionSize === undefined) return;
  const encoding = exchange.request.headers.get('content-encoding')?.trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'deflate') return;
  // Bounded: 10 MB of zeros gzip to 10 KB, so an unbounded inflate lets a small request take all the memory there is.
  const options = { maxOutputLength: QUOTAS.payloadBytes };
  try {
    exchange.request.body = encoding === 'gzip' ? gunzipSync(exchange.request.body, options) : inflateSync(exchange.request.body, options);
    exchange.request.headers.delete('content-encoding');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `it inflates past ${QUOTAS.payloadBytes} bytes` : err instanceof Error ? err.message : String(err);
    addNote(exchange, `request body could not be decompressed (${reason}); passed on as sent`);
  }
}
