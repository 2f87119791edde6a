/** Headers that HTTP API parameter mapping may not change, lower case. */
export const HTTP_API_RESERVED_HEADERS = {
  exact: [
    'authorization',
    'connection',
    'content-encoding',
    'content-length',
    'content-location',
    'forwarded',
    'keep-alive',
    'origin',
    'proxy-authenticate',
    'proxy-authorization',
    'te',
    'trailers',
    'transfer-encoding',
    'upgrade',
    'x-forwarded-for',
    'x-forwarded-host',
    'x-forwarded-proto',
    'via',
  ],
  prefixes: ['access-control-', 'apigw-', 'x-amz-', 'x-amzn-'],
} as const;

/** Header names are case-insensitive, so `X-Amz-Date` is as reserved as `x-amz-date`. */
export function isReservedHttpApiHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    (HTTP_API_RESERVED_HEADERS.exact as readonly string[]).includes(lower) ||
    HTTP_API_RESERVED_HEADERS.prefixes.some((prefix) => lower.startsWith(prefix))
  );
}
