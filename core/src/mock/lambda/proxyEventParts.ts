import { createHash } from 'node:crypto';
import { localRegion } from './localAccount';
import { setEntry } from './records';
import type { MockRequest, RouteInfo } from './types';

/*
 * The pieces the Lambda proxy events of both payload versions are built from.
 */

export const PROTOCOL = 'HTTP/1.1';

export interface MultiMaps {
  /** The last value of each name: what payload 1.0 puts in `headers` and `queryStringParameters`. */
  last: Record<string, string>;
  all: Record<string, string[]>;
}

/** Names kept as written (payload 1.0 keeps the client's letter case); null when there are none. */
export function multiMaps(pairs: ReadonlyArray<readonly [string, string]>): MultiMaps | null {
  if (pairs.length === 0) return null;
  // Built in place: every Lambda request makes two of these, and a Map turned into records cost
  // three times as much.
  const last: Record<string, string> = {};
  const all: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    const values = Object.hasOwn(all, name) ? all[name] : undefined;
    if (values === undefined) setEntry(all, name, [value]);
    else values.push(value);
    setEntry(last, name, value);
  }
  return { last, all };
}

/** Values by name, in order; a Map, so names such as `constructor` or `__proto__` are plain names. */
export function groupValues(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const all = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const values = all.get(name);
    if (values === undefined) all.set(name, [value]);
    else values.push(value);
  }
  return all;
}

/** A record with every name as an own property (`__proto__` included, which assignment would swallow). */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries(entries) as Record<string, T>;
}

/** The query string as name/value pairs, decoded as a form is (`+` is a space), in order. */
export function queryPairs(raw: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(eq < 0 ? [decodeQuery(part), ''] : [decodeQuery(part.slice(0, eq)), decodeQuery(part.slice(eq + 1))]);
  }
  return pairs;
}

function decodeQuery(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A stray `%` that starts no escape: API Gateway passes it through rather than rejecting the request.
    return spaced;
  }
}

/** The last value of a header, whatever its letter case. */
export function headerValue(req: MockRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  let found: string | undefined;
  for (const [n, v] of req.headers) if (n.toLowerCase() === lower) found = v;
  return found;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
let lastSecond = -1;
let lastText = '';

/**
 * `$context.requestTime`: `09/Apr/2015:12:34:56 +0000`. Every request needs it (events, access
 * log, templates), so it is formatted once per second, from a month table rather than Intl.
 */
export function requestTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== lastSecond) {
    const d = new Date(second * 1000);
    lastText = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
    lastSecond = second;
  }
  return lastText;
}

/**
 * The host the client called, as `$context.domainName` is; without a Host header, the
 * execute-api name the API would have. A port is not part of a domain name.
 */
export function domainOf(req: MockRequest, route: RouteInfo): { domainName: string; domainPrefix: string } {
  const host = headerValue(req, 'host')?.replace(/:\d+$/, '');
  const domainName = host !== undefined && host !== '' ? host : `${route.apiId}.execute-api.${localRegion()}.amazonaws.com`;
  return { domainName, domainPrefix: domainName.split('.')[0] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * `$context.extendedRequestId` has the form `HiNnXXJkoAGF3fQ=` (11 bytes in base64); derived so
 * that one request always gives the same. The server's request ids are random UUIDs: their first
 * 11 bytes are random enough and cost nothing to take, where a SHA-256 object per request took
 * about 3 µs under load. Any other id (a test's) is hashed.
 */
export function extendedRequestId(requestId: string): string {
  if (!UUID.test(requestId)) return createHash('sha256').update(requestId).digest('base64').slice(0, 15) + '=';
  // 22 hex digits (88 bits) make 14 base64 digits and 4 bits, which a 15th digit ends with zeros.
  let out = '';
  let bits = 0;
  let pending = 0;
  for (let i = 0, digits = 0; digits < 22; i++) {
    const code = requestId.charCodeAt(i);
    if (code === 45) continue; // '-'
    pending = (pending << 4) | (code <= 57 ? code - 48 : (code | 32) - 87);
    bits += 4;
    digits++;
    if (bits >= 6) {
      bits -= 6;
      out += BASE64[(pending >> bits) & 63];
      pending &= (1 << bits) - 1;
    }
  }
  return out + BASE64[(pending << (6 - bits)) & 63] + '=';
}

/** The path as the client wrote it: a named stage is its first segment, `$default` is not. */
export function stagePath(stage: string, path: string): string {
  return stage === '$default' ? path : `/${stage}${path}`;
}

export function nullIfEmpty(record: Readonly<Record<string, string>>): Record<string, string> | null {
  return Object.keys(record).length === 0 ? null : { ...record };
}

function mediaType(req: MockRequest): string | undefined {
  return headerValue(req, 'content-type')?.split(';')[0].trim().toLowerCase();
}

/** REST: the body goes base64-encoded when its Content-Type matches one of the API's binary media types. */
export function restBodyIsBinary(req: MockRequest, binaryMediaTypes: readonly string[]): boolean {
  const type = mediaType(req);
  return binaryMediaTypes.some((pattern) => {
    const p = pattern.trim().toLowerCase();
    if (p === '*/*') return true;
    if (type === undefined) return false;
    return p.endsWith('/*') ? type.startsWith(p.slice(0, -1)) : p === type;
  });
}

/**
 * HTTP APIs have no binary media types: a body goes as text only for these content types, and
 * base64-encoded for every other one, a missing Content-Type and form posts included (observed at AWS).
 */
export function httpApiBodyIsBinary(req: MockRequest): boolean {
  const type = mediaType(req);
  if (type === undefined) return true;
  return !(type.startsWith('text/') || type === 'application/json' || type === 'application/xml' || type === 'application/javascript');
}

export function bodyText(body: Buffer, binary: boolean): string {
  return binary ? body.toString('base64') : body.toString('utf8');
}
