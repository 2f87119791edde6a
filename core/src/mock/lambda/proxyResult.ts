import { multiMaps } from './proxyEventParts';
import { isRecord } from './records';
import type { MappedProxyResult, RestResultContext } from './types';

type Malformed = { malformed: string };

/** A REST API rejects any other top-level key ("Malformed Lambda proxy response"). */
const REST_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/**
 * The HTTP response a Lambda proxy result stands for, or why API Gateway would call it malformed
 * and answer 502 `{"message": "Internal server error"}`.
 *  - 1.0: `statusCode` is required; `headers` and `multiValueHeaders` merge (a REST API drops a
 *    name/value pair written in both; an HTTP API sends it twice).
 *  - 2.0: a result without `statusCode` is the body itself: 200, JSON, `application/json`;
 *    `cookies` become Set-Cookie lines.
 * `rest` marks a REST API: its result may hold no other keys, and a base64 body is decoded only
 * when the request's Accept matches a binary media type (otherwise the base64 text is sent).
 */
export function mapProxyResult(payload: unknown, payloadVersion: '1.0' | '2.0', rest?: RestResultContext): MappedProxyResult | Malformed {
  if (payloadVersion === '2.0' && !(isRecord(payload) && 'statusCode' in payload)) {
    return finish(200, [['content-type', 'application/json']], [], Buffer.from(JSON.stringify(payload)));
  }
  if (!isRecord(payload)) return { malformed: `the result is ${describe(payload)}, not an object with a statusCode` };
  if (rest !== undefined) {
    const extra = Object.keys(payload).filter((key) => !REST_KEYS.has(key));
    if (extra.length > 0) return { malformed: `the result has keys a REST API does not accept: ${extra.join(', ')}` };
  }
  const statusCode = statusOf(payload.statusCode);
  if (typeof statusCode !== 'number') return statusCode;
  const single = headerPairs(payload.headers, 'headers', false);
  if ('malformed' in single) return single;
  const multi = payloadVersion === '1.0' ? headerPairs(payload.multiValueHeaders, 'multiValueHeaders', true) : [];
  if ('malformed' in multi) return multi;
  const cookies = payloadVersion === '2.0' ? cookiesOf(payload.cookies) : [];
  if ('malformed' in cookies) return cookies;
  const body = payload.body;
  if (body !== undefined && body !== null && typeof body !== 'string') return { malformed: `body is ${describe(body)}; it must be a string` };
  const encoded = payload.isBase64Encoded;
  if (encoded !== undefined && encoded !== null && typeof encoded !== 'boolean') return { malformed: `isBase64Encoded is ${describe(encoded)}; it must be true or false` };
  const text = body ?? '';
  const decode = encoded === true && (rest === undefined || acceptsBinary(rest));
  const pairs = rest !== undefined ? withoutRepeats([...single, ...multi]) : [...single, ...multi];
  return finish(statusCode, pairs, cookies, decode ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'));
}

function finish(statusCode: number, pairs: Array<[string, string]>, cookies: string[], body: Buffer): MappedProxyResult {
  const maps = multiMaps(pairs);
  return { statusCode, multiValueHeaders: maps?.all ?? {}, headers: maps?.last ?? {}, cookies, body };
}

function statusOf(value: unknown): number | Malformed {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599) return n;
  return { malformed: value === undefined ? 'the result has no statusCode' : `statusCode ${JSON.stringify(value)} is not an HTTP status code` };
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function headerPairs(value: unknown, field: string, multi: boolean): Array<[string, string]> | Malformed {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) return { malformed: `${field} is ${describe(value)}; it must be an object` };
  const pairs: Array<[string, string]> = [];
  for (const [name, v] of Object.entries(value)) {
    if (v === null) continue;
    const values = multi ? v : [v];
    if (!Array.isArray(values)) return { malformed: `${field}.${name} must be a list of values` };
    for (const item of values) {
      const text = scalar(item);
      if (text === undefined) return { malformed: `${field}.${name} holds ${describe(item)}; header values are strings` };
      pairs.push([name, text]);
    }
  }
  return pairs;
}

function cookiesOf(value: unknown): string[] | Malformed {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((c) => typeof c === 'string')) return { malformed: 'cookies must be a list of strings' };
  return value;
}

/** REST: a name/value pair written in both `headers` and `multiValueHeaders` is sent once. */
function withoutRepeats(pairs: Array<[string, string]>): Array<[string, string]> {
  const seen = new Set<string>();
  return pairs.filter(([name, value]) => {
    const key = `${name.toLowerCase()}\u0000${value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function acceptsBinary(rest: RestResultContext): boolean {
  const binary = rest.binaryMediaTypes.map((t) => t.trim().toLowerCase());
  if (binary.includes('*/*')) return true;
  const accepted = (rest.accept ?? '').split(',').map((t) => t.split(';')[0].trim().toLowerCase()).filter((t) => t !== '');
  return accepted.some((type) => binary.some((b) => b === type || (b.endsWith('/*') && type.startsWith(b.slice(0, -1)))));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
