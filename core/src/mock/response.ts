import { HeaderMap } from './headers';

/** A response on its way back to the client. */
export interface MockResponse {
  status: number;
  headers: HeaderMap;
  body: Buffer;
}

export function jsonResponse(status: number, body: unknown): MockResponse {
  const headers = new HeaderMap();
  headers.set('Content-Type', 'application/json');
  return { status, headers, body: Buffer.from(JSON.stringify(body)) };
}
