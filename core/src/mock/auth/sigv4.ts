import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { HeaderMap } from '../headers';

/*
 * Signature Version 4 as AWS checks it on a request signed in its Authorization header: the
 * canonical request, the string to sign, the signing key derived from the secret, date, region
 * and service, and the signature compared in constant time.
 */

export interface SignedRequest {
  method: string;
  /** The path as sent, percent-encoding included. */
  rawPath: string;
  /** The query string as sent, without `?`. */
  rawQuery: string;
  headers: HeaderMap;
  body: Buffer;
}

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
}

export type SigV4Failure = 'missing' | 'incomplete' | 'unknownKey' | 'scope' | 'expired' | 'mismatch';

export type SigV4Check = { ok: true; accessKeyId: string; sessionToken: boolean } | { ok: false; failure: SigV4Failure; message: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** How far the request's date may be from the clock. */
const SKEW_MS = 15 * 60 * 1000;

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding: everything but unreserved characters, `!'()*` included. */
function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The path with `.` and `..` resolved and empty segments dropped, then encoded once more (every service but S3 signs it so). */
function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

/** Name=value pairs encoded and sorted by name, then value; the signature itself left out. */
function canonicalQuery(rawQuery: string): string {
  const byName = new Map<string, string[]>();
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = escapeUri(decode(eq < 0 ? part : part.slice(0, eq)));
    if (name.toLowerCase() === 'x-amz-signature') continue;
    const pair = `${name}=${escapeUri(decode(eq < 0 ? '' : part.slice(eq + 1)))}`;
    byName.set(name, [...(byName.get(name) ?? []), pair]);
  }
  return [...byName.keys()]
    .sort()
    .flatMap((name) => (byName.get(name) ?? []).sort())
    .join('&');
}

function canonicalRequest(req: SignedRequest, signedHeaders: readonly string[], payloadHash: string): string {
  const headers = signedHeaders.map((name) => `${name}:${req.headers.getAll(name).map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}`);
  return [req.method, canonicalUri(req.rawPath), canonicalQuery(req.rawQuery), ...headers, '', signedHeaders.join(';'), payloadHash].join('\n');
}

function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

function signature(secretAccessKey: string, date: string, region: string, service: string, toSign: string): string {
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): Credential | string {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== ALGORITHM) return `Unsupported authorization type: ${algorithm}; only ${ALGORITHM} is accepted`;
  const params = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((p) => !params.get(p));
  if (missing.length > 0) return missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' ');
  const scope = (params.get('Credential') ?? '').split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') return "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, ending in 'aws4_request'.";
  const [accessKeyId, date, region, service] = scope;
  return { accessKeyId, date, region, service, signedHeaders: (params.get('SignedHeaders') ?? '').split(';'), signature: params.get('Signature') ?? '' };
}

/** `20150830T123600Z` from the X-Amz-Date header, else from Date. */
function requestDate(headers: HeaderMap): string | undefined {
  const amz = headers.get('x-amz-date');
  if (amz !== undefined) return /^\d{8}T\d{6}Z$/.test(amz) ? amz : undefined;
  const date = headers.get('date');
  const ms = date === undefined ? NaN : Date.parse(date);
  return Number.isNaN(ms) ? undefined : amzDate(ms);
}

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function epochOf(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8), +date.slice(9, 11), +date.slice(11, 13), +date.slice(13, 15));
}

/**
 * Verifies a request signed in its Authorization header against the known access keys: the
 * key must be known, the credential scoped to this region and service, the date within 15
 * minutes of the clock, and the signature the one its secret gives.
 */
export function verifySigV4(req: SignedRequest, keys: readonly AccessKey[], expected: { region: string; service: string }, now = Date.now()): SigV4Check {
  const authorization = req.headers.get('authorization');
  if (authorization === undefined) return { ok: false, failure: 'missing', message: 'Missing Authentication Token' };
  const credential = parseAuthorization(authorization);
  if (typeof credential === 'string') return { ok: false, failure: 'incomplete', message: credential };
  const key = keys.find((k) => k.accessKeyId === credential.accessKeyId);
  if (!key) return { ok: false, failure: 'unknownKey', message: 'The security token included in the request is invalid.' };
  if (credential.service !== expected.service) return { ok: false, failure: 'scope', message: `Credential should be scoped to correct service: '${expected.service}'. ` };
  if (credential.region !== expected.region) return { ok: false, failure: 'scope', message: `Credential should be scoped to a valid region, not '${credential.region}'. ` };
  const date = requestDate(req.headers);
  if (date === undefined) return { ok: false, failure: 'incomplete', message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header." };
  if (date.slice(0, 8) !== credential.date) return { ok: false, failure: 'scope', message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${credential.date}' != '${date.slice(0, 8)}', from '${date}'.` };
  const signedAt = epochOf(date);
  if (signedAt < now - SKEW_MS) return { ok: false, failure: 'expired', message: `Signature expired: ${date} is now earlier than ${amzDate(now - SKEW_MS)} (${amzDate(now)} - 15 min.)` };
  if (signedAt > now + SKEW_MS) return { ok: false, failure: 'expired', message: `Signature not yet current: ${date} is still later than ${amzDate(now + SKEW_MS)} (${amzDate(now)} + 15 min.)` };
  // The body's own hash, whatever an x-amz-content-sha256 header claims, so a changed body never passes.
  const payloadHash = sha256Hex(req.body);
  const canonical = canonicalRequest(req, credential.signedHeaders, payloadHash);
  const toSign = stringToSign(date, `${credential.date}/${credential.region}/${credential.service}/aws4_request`, canonical);
  const expectedSignature = Buffer.from(signature(key.secretAccessKey, credential.date, credential.region, credential.service, toSign));
  const given = Buffer.from(credential.signature);
  if (given.length !== expectedSignature.length || !timingSafeEqual(given, expectedSignature)) {
    // AWS shows what it signed; a session token's value is left out of it here all the same.
    const shown = canonical.replace(/^(x-amz-security-token:).*$/m, '$1<redacted>');
    return {
      ok: false,
      failure: 'mismatch',
      message: `The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${shown}'\n\nThe String-to-Sign should have been\n'${toSign}'\n`,
    };
  }
  return { ok: true, accessKeyId: key.accessKeyId, sessionToken: req.headers.has('x-amz-security-token') };
}
