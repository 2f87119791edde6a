import assert from 'node:assert/strict';
import { mapProxyResult, type MappedProxyResult } from '../../core/src/mock/lambda';

function mapped(result: ReturnType<typeof mapProxyResult>): MappedProxyResult {
  if ('malformed' in result) assert.fail(`unexpectedly malformed: ${result.malformed}`);
  return result;
}

function malformed(result: ReturnType<typeof mapProxyResult>): string {
  if (!('malformed' in result)) assert.fail(`expected malformed, got status ${result.statusCode}`);
  return result.malformed;
}

const REST = { binaryMediaTypes: ['image/png'], accept: undefined };

describe('lambda proxy results: how API Gateway reads what a function returned', () => {
  it('maps a 1.0 result: status, merged headers, body', () => {
    const r = mapped(
      mapProxyResult(
        { statusCode: 201, headers: { 'Content-Type': 'application/json', 'X-Count': 3 }, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: '{"id":7}', isBase64Encoded: false },
        '1.0',
        REST,
      ),
    );
    assert.equal(r.statusCode, 201);
    assert.deepEqual(r.multiValueHeaders, { 'Content-Type': ['application/json'], 'X-Count': ['3'], 'Set-Cookie': ['a=1', 'b=2'] });
    assert.deepEqual(r.headers, { 'Content-Type': 'application/json', 'X-Count': '3', 'Set-Cookie': 'b=2' });
    assert.deepEqual(r.cookies, []);
    assert.equal(r.body.toString(), '{"id":7}');
  });

  it('accepts a numeric string status code and null maps, and gives an empty body for none', () => {
    const r = mapped(mapProxyResult({ statusCode: '404', headers: null, multiValueHeaders: null, body: null, isBase64Encoded: null }, '1.0', REST));
    assert.deepEqual([r.statusCode, r.body.length, r.multiValueHeaders], [404, 0, {}]);
  });

  it('calls a 1.0 result malformed the ways API Gateway does (502)', () => {
    assert.match(malformed(mapProxyResult({ body: 'x' }, '1.0', REST)), /no statusCode/);
    assert.match(malformed(mapProxyResult('just text', '1.0')), /string "just text", not an object/);
    assert.match(malformed(mapProxyResult(null, '1.0')), /null/);
    assert.match(malformed(mapProxyResult([1], '1.0')), /a list/);
    assert.match(malformed(mapProxyResult({ statusCode: 200, body: { id: 1 } }, '1.0', REST)), /body is an object; it must be a string/);
    assert.match(malformed(mapProxyResult({ statusCode: 'ok' }, '1.0', REST)), /"ok" is not an HTTP status code/);
    assert.match(malformed(mapProxyResult({ statusCode: 99 }, '1.0', REST)), /99 is not an HTTP status code/);
    assert.match(malformed(mapProxyResult({ statusCode: 200, headers: ['x'] }, '1.0', REST)), /headers is a list/);
    assert.match(malformed(mapProxyResult({ statusCode: 200, headers: { a: { b: 1 } } }, '1.0', REST)), /headers\.a holds an object/);
    assert.match(malformed(mapProxyResult({ statusCode: 200, multiValueHeaders: { a: 'x' } }, '1.0', REST)), /multiValueHeaders\.a must be a list/);
    assert.match(malformed(mapProxyResult({ statusCode: 200, isBase64Encoded: 'true' }, '1.0', REST)), /isBase64Encoded/);
  });

  it('rejects keys a REST API does not know (statusDescription, cookies), where an HTTP API 1.0 ignores them', () => {
    const result = { statusCode: 200, statusDescription: 'OK', cookies: ['a=1'], body: '' };
    assert.match(malformed(mapProxyResult(result, '1.0', REST)), /statusDescription, cookies/);
    assert.deepEqual(mapped(mapProxyResult(result, '1.0')).cookies, []);
  });

  it('sends a pair written in both header maps once on REST and twice on an HTTP API', () => {
    const result = { statusCode: 200, headers: { Location: '/a' }, multiValueHeaders: { Location: ['/a'], Vary: ['Accept'] } };
    assert.deepEqual(mapped(mapProxyResult(result, '1.0', REST)).multiValueHeaders, { Location: ['/a'], Vary: ['Accept'] });
    assert.deepEqual(mapped(mapProxyResult(result, '1.0')).multiValueHeaders, { Location: ['/a', '/a'], Vary: ['Accept'] });
  });

  it('decodes a base64 body on REST only when Accept names a binary media type; HTTP APIs always decode', () => {
    const result = { statusCode: 200, body: Buffer.from([1, 2, 3]).toString('base64'), isBase64Encoded: true };
    assert.deepEqual([...mapped(mapProxyResult(result, '1.0', { binaryMediaTypes: ['image/png'], accept: 'image/png, */*;q=0.1' })).body], [1, 2, 3]);
    assert.equal(mapped(mapProxyResult(result, '1.0', { binaryMediaTypes: ['image/png'], accept: 'application/json' })).body.toString(), 'AQID');
    assert.deepEqual([...mapped(mapProxyResult(result, '1.0', { binaryMediaTypes: ['*/*'], accept: undefined })).body], [1, 2, 3]);
    assert.deepEqual([...mapped(mapProxyResult(result, '1.0', { binaryMediaTypes: ['image/*'], accept: 'image/webp' })).body], [1, 2, 3]);
    assert.deepEqual([...mapped(mapProxyResult(result, '1.0')).body], [1, 2, 3]);
    assert.deepEqual([...mapped(mapProxyResult(result, '2.0')).body], [1, 2, 3]);
  });

  it('treats a 2.0 result without statusCode as a JSON body with status 200', () => {
    for (const value of [{ message: 'hi' }, 'Hello from Lambda!', 42, [1, 2], null, { statuscode: 404 }]) {
      const r = mapped(mapProxyResult(value, '2.0'));
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.multiValueHeaders, { 'content-type': ['application/json'] });
      assert.equal(r.body.toString(), JSON.stringify(value));
    }
  });

  it('maps a 2.0 result with statusCode, its cookies to Set-Cookie lines, and ignores multiValueHeaders', () => {
    const r = mapped(
      mapProxyResult({ statusCode: 302, headers: { location: '/next', 'x-n': 1 }, multiValueHeaders: { ignored: ['x'] }, cookies: ['s=1; HttpOnly', 't=2'], body: '' }, '2.0'),
    );
    assert.equal(r.statusCode, 302);
    assert.deepEqual(r.multiValueHeaders, { location: ['/next'], 'x-n': ['1'] });
    assert.deepEqual(r.cookies, ['s=1; HttpOnly', 't=2']);
    assert.match(malformed(mapProxyResult({ statusCode: 200, cookies: 'a=1' }, '2.0')), /cookies must be a list/);
    assert.match(malformed(mapProxyResult({ statusCode: 200, body: { a: 1 } }, '2.0')), /body is an object/);
  });

  it('keeps a header named __proto__ as a header', () => {
    const r = mapped(mapProxyResult({ statusCode: 200, headers: JSON.parse('{"__proto__": "x"}') as object }, '1.0', REST));
    assert.deepEqual(Object.getOwnPropertyDescriptor(r.multiValueHeaders, '__proto__')?.value, ['x']);
  });
});
