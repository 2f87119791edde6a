import assert from 'node:assert/strict';
import * as http from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fakeLambda, LAMBDA_URI, startMock, startUpstream, type Harness, mockIntegration, restApi, type Upstream } from './harness';

/** A raw request, so that the test sees the bytes and headers exactly as sent (fetch would decompress). */
function raw(url: string, options: http.RequestOptions, body?: Buffer | Buffer[]): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (Array.isArray(body)) {
      for (const chunk of body) req.write(chunk);
      req.end();
    } else req.end(body);
  });
}

describe('payload limit, binary media types and compression', () => {
  let h: Harness;
  let up: Upstream;
  const lambda = fakeLambda(() => ({ kind: 'result', payload: { statusCode: 200, body: 'ok' }, durationMs: 1 }));
  before(async () => {
    up = await startUpstream((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(req.url === '/b64' ? Buffer.from([0, 1, 2, 250]).toString('base64') : req.body);
    });
    const ok = { responses: { '200': { description: 'ok' } } };
    h = await startMock(
      restApi(
        {
          '/echo': { post: { ...ok, 'x-amazon-apigateway-integration': mockIntegration('$input.body') } },
          '/relay': { post: { ...ok, 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'POST', uri: `${up.url}/relay` } } },
          '/big': { get: { ...ok, 'x-amazon-apigateway-integration': mockIntegration('#foreach($i in [1..200])0123456789#end') } },
          '/upload': { post: { ...ok, 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI('upload') } } },
          '/to-text': {
            post: {
              ...ok,
              'x-amazon-apigateway-integration': {
                type: 'http',
                httpMethod: 'POST',
                uri: `${up.url}/text`,
                contentHandling: 'CONVERT_TO_TEXT',
                requestTemplates: { 'image/png': '{"image": "$input.body"}' },
                responses: { default: { statusCode: '200' } },
              },
            },
          },
          '/to-binary': {
            get: {
              ...ok,
              'x-amazon-apigateway-integration': { type: 'http', httpMethod: 'GET', uri: `${up.url}/b64`, responses: { default: { statusCode: '200', contentHandling: 'CONVERT_TO_BINARY' } } },
            },
          },
        },
        {
          'x-amazon-apigateway-binary-media-types': ['image/png'],
          'x-amazon-apigateway-minimum-compression-size': 1000,
          'x-amazon-apigateway-gateway-responses': { REQUEST_TOO_LARGE: { statusCode: '400', responseTemplates: { 'application/json': '{"custom": true}' } } },
        },
      ),
      { lambda },
    );
  });
  after(async () => {
    await h.close();
    await up.close();
  });

  it('answers 413 to a body over 10 MB, declared or streamed, ignoring REQUEST_TOO_LARGE customizations as API Gateway does', async () => {
    const declared = await fetch(`${h.url}/dev/echo`, { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
    assert.equal(declared.status, 413);
    assert.deepEqual(await declared.json(), { message: 'Request Too Long' });
    const chunk = Buffer.alloc(1024 * 1024, 97);
    const streamed = await raw(`${h.url}/dev/echo`, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } }, Array.from({ length: 11 }, () => chunk));
    assert.equal(streamed.status, 413);
    const justUnder = await fetch(`${h.url}/dev/echo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: Buffer.alloc(10 * 1024 * 1024, 97) });
    assert.equal(justUnder.status, 200);
  });

  it('sends a binary media type to a Lambda proxy base64-encoded', async () => {
    await fetch(`${h.url}/dev/upload`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: Buffer.from([137, 80, 78, 71]) });
    const event = lambda.calls.at(-1)!.event as { body: string; isBase64Encoded: boolean };
    assert.equal(event.isBase64Encoded, true);
    assert.equal(event.body, Buffer.from([137, 80, 78, 71]).toString('base64'));
  });

  it('converts a binary request to base64 text for the template with CONVERT_TO_TEXT', async () => {
    await fetch(`${h.url}/dev/to-text`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: Buffer.from([1, 2, 3]) });
    assert.equal(up.seen.at(-1)!.body, '{"image": "AQID"}');
  });

  it('decodes a base64 integration response to binary with CONVERT_TO_BINARY', async () => {
    const res = await raw(`${h.url}/dev/to-binary`, { method: 'GET' });
    assert.deepEqual([...res.body], [0, 1, 2, 250]);
  });

  it('gzips a response at least minimum-compression-size long when the client accepts gzip', async () => {
    const zipped = await raw(`${h.url}/dev/big`, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(zipped.body).toString().length, 2000);
    const plain = await raw(`${h.url}/dev/big`, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    const small = await raw(`${h.url}/dev/echo`, { method: 'POST', headers: { 'Accept-Encoding': 'gzip', 'Content-Type': 'application/json' } }, Buffer.from('{"a":1}'));
    assert.equal(small.headers['content-encoding'], undefined);
  });

  it('decompresses a gzip request body before passing it on', async () => {
    const res = await raw(
      `${h.url}/dev/relay`,
      { method: 'POST', headers: { 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' } },
      gzipSync('{"zipped": true}'),
    );
    assert.equal(res.body.toString(), '{"zipped": true}');
  });

  it('passes on as sent a gzip body that would inflate past 10 MB, rather than inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const res = await raw(`${h.url}/dev/relay`, { method: 'POST', headers: { 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' } }, bomb);
    assert.equal(res.status, 200);
    assert.equal(up.seen.at(-1)!.headers['content-encoding'], 'gzip');
    assert.equal(up.seen.at(-1)!.headers['content-length'], String(bomb.length));
    assert.match(String(res.headers['x-apigw-mock-note']), /inflates past 10485760 bytes/);
  });
});
