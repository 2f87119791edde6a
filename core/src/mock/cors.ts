import { addNote, type Exchange } from './exchange';
import { HeaderMap } from './headers';
import { asNumber, asRecord, asTextList } from './plainValues';
import type { MockResponse } from './response';

/** An HTTP API's `x-amazon-apigateway-cors`. */
export interface CorsConfig {
  allowOrigins: string[];
  allowCredentials: boolean;
  exposeHeaders: string[];
  maxAge: number | undefined;
  allowMethods: string[];
  allowHeaders: string[];
}

export function corsConfigOf(value: unknown): CorsConfig | undefined {
  const raw = asRecord(value);
  if (!raw) return undefined;
  return {
    allowOrigins: asTextList(raw.allowOrigins),
    allowCredentials: raw.allowCredentials === true,
    exposeHeaders: asTextList(raw.exposeHeaders),
    maxAge: asNumber(raw.maxAge),
    allowMethods: asTextList(raw.allowMethods),
    allowHeaders: asTextList(raw.allowHeaders),
  };
}

/** The Access-Control-Allow-Origin for `origin`, or undefined when the configuration does not allow it. */
function allowedOrigin(cors: CorsConfig, origin: string): string | undefined {
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  return cors.allowOrigins.some((o) => o.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

/**
 * With CORS configured, an HTTP API answers every preflight itself (OPTIONS with Origin and
 * Access-Control-Request-Method), before routing and authorization, whether or not there is
 * an OPTIONS route: 204, with the configured headers when the origin is allowed.
 */
export function answerPreflight(exchange: Exchange, cors: CorsConfig): MockResponse | undefined {
  const { request } = exchange;
  const origin = request.headers.get('origin');
  if (request.method !== 'OPTIONS' || origin === undefined || !request.headers.has('access-control-request-method')) return undefined;
  const headers = new HeaderMap();
  const allowed = allowedOrigin(cors, origin);
  if (allowed === undefined) addNote(exchange, `CORS: origin ${origin} is not in allowOrigins: the preflight gets no Access-Control-* headers`);
  else {
    headers.set('Access-Control-Allow-Origin', allowed);
    if (cors.allowCredentials) headers.set('Access-Control-Allow-Credentials', 'true');
    if (cors.allowMethods.length > 0) headers.set('Access-Control-Allow-Methods', cors.allowMethods.join(','));
    if (cors.allowHeaders.length > 0) headers.set('Access-Control-Allow-Headers', cors.allowHeaders.join(','));
    if (cors.maxAge !== undefined) headers.set('Access-Control-Max-Age', String(cors.maxAge));
  }
  return { status: 204, headers, body: Buffer.alloc(0) };
}

/** Replaces whatever CORS headers the backend sent with the configured ones, which an allowed Origin gets. */
export function decorateCors(exchange: Exchange, cors: CorsConfig, response: MockResponse): void {
  for (const [name] of response.headers.entries()) if (name.toLowerCase().startsWith('access-control-')) response.headers.delete(name);
  const origin = exchange.request.headers.get('origin');
  const allowed = origin === undefined ? undefined : allowedOrigin(cors, origin);
  if (allowed === undefined) return;
  response.headers.set('Access-Control-Allow-Origin', allowed);
  if (cors.allowCredentials) response.headers.set('Access-Control-Allow-Credentials', 'true');
  if (cors.exposeHeaders.length > 0) response.headers.set('Access-Control-Expose-Headers', cors.exposeHeaders.join(','));
}
