import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * An independent SigV4 check (not the SDK's signer): recomputes the signature of a received
 * request from the secret key and compares. Returns a reason when the request is not signed right.
 */
export function sigv4Problem(req: { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }, secretAccessKey: string, expect: { accessKeyId: string; region: string; service: string; sessionToken?: string }): string | undefined {
  const auth = String(req.headers.authorization ?? '');
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return `Authorization header is not SigV4: '${auth}'`;
  const [, keyId, date, region, service, signedHeaders, signature] = m;
  if (keyId !== expect.accessKeyId) return `signed with key ${keyId}`;
  if (region !== expect.region || service !== expect.service) return `scope ${region}/${service}`;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(date)) return 'x-amz-date does not match the credential scope';
  if (expect.sessionToken !== undefined && req.headers['x-amz-security-token'] !== expect.sessionToken) return 'x-amz-security-token missing or wrong';
  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return `host and x-amz-date must be signed (${signedHeaders})`;
  const url = new URL(req.url, 'http://placeholder');
  const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  // Services other than S3 sign the path encoded once more.
  const canonicalUri = url.pathname.split('/').map(encode).join('/');
  const query = [...url.searchParams.entries()].map(([k, v]) => [encode(k), encode(v)]).sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const canonicalQuery = query.map(([k, v]) => `${k}=${v}`).join('&');
  const canonicalHeaders = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payloadHash = createHash('sha256').update(req.body).digest('hex');
  const canonical = [req.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  let key: Buffer = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest();
  for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const expected = createHmac('sha256', key).update(toSign).digest('hex');
  return expected === signature ? undefined : `signature mismatch for canonical request:\n${canonical}`;
}
