import { HeaderMap } from './headers';
import { setEntry } from './lambda/records';

/** Query string parameters in the two shapes API Gateway exposes them. */
export interface QueryParams {
  /** Name to the last value (REST `queryStringParameters`, `$input.params().querystring`). */
  single: Record<string, string>;
  /** Name to every value, in order. */
  multi: Record<string, string[]>;
  /** The raw query string without `?`, as HTTP API v2 events carry it. */
  raw: string;
}

/** One request as it reached the emulator, before routing. */
export interface IncomingRequest {
  method: string;
  /** The path as received (percent-encoded, no query string). */
  rawPath: string;
  query: QueryParams;
  headers: HeaderMap;
  body: Buffer;
  sourceIp: string;
  /** `HTTP/1.1` */
  protocol: string;
  requestId: string;
  extendedRequestId: string;
  /** When the first byte arrived (ms since the epoch); `$context.requestTimeEpoch`. */
  receivedAt: number;
}

/** Decodes a percent-encoded URL component, keeping it as is when it is malformed (as a proxy would pass it on). */
export function decodeComponent(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Splits a query string into single- and multi-value maps. `+` stays `+`: API Gateway decodes
 * percent escapes only.
 */
export function parseQuery(raw: string): QueryParams {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  if (raw !== '') {
    for (const part of raw.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const name = decodeComponent(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
      setEntry(single, name, value);
      if (Object.prototype.hasOwnProperty.call(multi, name)) multi[name].push(value);
      else setEntry(multi, name, [value]);
    }
  }
  return { single, multi, raw };
}

/** The path and query string of a request target such as `/dev/books?genre=poetry`. */
export function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  const q = target.indexOf('?');
  return q < 0 ? { rawPath: target, rawQuery: '' } : { rawPath: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

/** The bare media type of a Content-Type or Accept entry: `application/json; charset=utf-8` gives `application/json`. */
export function bareMediaType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const semi = value.indexOf(';');
  const bare = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  return bare === '' ? undefined : bare;
}
