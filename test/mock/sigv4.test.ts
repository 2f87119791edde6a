import assert from 'node:assert/strict';
import { verifySigV4 } from '../../core/src/mock/auth/sigv4';
import { HeaderMap } from '../../core/src/mock/headers';
import { fakeLambda, LAMBDA_URI, startMock, type Harness, mockIntegration, restApi } from './harness';
import { send, sigV4Headers, TEST_KEY as KEY } from './signing';

describe('SigV4 verification against AWS documented values', () => {
  it('accepts the get-vanilla example of the SigV4 test suite and refuses it once a signed header changes', () => {
    const headers = new HeaderMap();
    headers.set('Host', 'example.amazonaws.com');
    headers.set('X-Amz-Date', '20150830T123600Z');
    headers.set('Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
    const req = { method: 'GET', rawPath: '/', rawQuery: '', headers, body: Buffer.alloc(0) };
    const keys = [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }];
    const now = Date.UTC(2015, 7, 30, 12, 36);
    assert.deepEqual(verifySigV4(req, keys, { region: 'us-east-1', service: 'service' }, now), { ok: true, accessKeyId: 'AKIDEXAMPLE', sessionToken: false });
    headers.set('Host', 'example2.amazonaws.com');
    const changed = verifySigV4(req, keys, { region: 'us-east-1', service: 'service' }, now);
    assert.equal(changed.ok, false);
    assert.match((changed as { message: string }).message, /^The request signature we calculated does not match[^]*'GET\n\/\n\nhost:example2\.amazonaws\.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c442/);
  });
});

describe('IAM authorization (SigV4) over HTTP', () => {
  let h: Harness;
  before(async () => {
    h = await startMock(
      restApi({
        '/pets/{name}': {
          post: {
            'x-amazon-apigateway-auth': { type: 'AWS_IAM' },
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': mockIntegration('{"accessKey": "$context.identity.accessKey", "name": "$input.params(\'name\')"}'),
          },
        },
      }),
      { config: { iamAccessKeys: [KEY] } },
    );
  });
  after(() => h.close());

  const signed = async (options: { body?: string; key?: typeof KEY; signingDate?: Date; service?: string } = {}) => {
    const url = `${h.url}/dev/pets/rex%20jr?b=2&a=1&a=0`;
    const headers = await sigV4Headers(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: options.body ?? '{"kind":"dog"}', ...options });
    return { url, headers };
  };

  it('lets a request signed by the AWS SDK signer in, with the access key in $context.identity, and says policies are not evaluated', async () => {
    const { url, headers } = await signed();
    const res = await send(url, 'POST', headers, '{"kind":"dog"}');
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(JSON.parse(res.body), { accessKey: KEY.accessKeyId, name: 'rex jr' });
    assert.match(String(res.headers['x-apigw-mock-note']), /SigV4 signature of access key AKID\.\.\.0001 verified; IAM policies are not evaluated/);
  });

  it('refuses a tampered body with AWS\'s signature mismatch answer', async () => {
    const { url, headers } = await signed();
    const res = await send(url, 'POST', headers, '{"kind":"cat"}');
    assert.equal(res.status, 403);
    assert.equal(res.headers['x-amzn-errortype'], 'InvalidSignatureException');
    assert.match((JSON.parse(res.body) as { message: string }).message, /^The request signature we calculated does not match the signature you provided\./);
  });

  it('refuses an unknown access key, a signature older than 15 minutes, another service, and no signature', async () => {
    const unknown = await signed({ key: { accessKeyId: 'AKIDUNKNOWN000000000', secretAccessKey: 'x' } });
    const r1 = await send(unknown.url, 'POST', unknown.headers, '{"kind":"dog"}');
    assert.equal(r1.status, 403);
    assert.deepEqual(JSON.parse(r1.body), { message: 'The security token included in the request is invalid.' });
    const old = await signed({ signingDate: new Date(Date.now() - 20 * 60 * 1000) });
    const r2 = await send(old.url, 'POST', old.headers, '{"kind":"dog"}');
    assert.equal(r2.status, 403);
    assert.match(r2.body, /Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const s3 = await signed({ service: 's3' });
    const r3 = await send(s3.url, 'POST', s3.headers, '{"kind":"dog"}');
    assert.match(r3.body, /Credential should be scoped to correct service: 'execute-api'/);
    const none = await fetch(`${h.url}/dev/pets/rex`, { method: 'POST' });
    assert.equal(none.status, 403);
    assert.deepEqual(await none.json(), { message: 'Missing Authentication Token' });
  });

  it('never writes the secret or a signature to the log', () => {
    const everything = JSON.stringify(h.logs) + JSON.stringify(h.access);
    assert.ok(!everything.includes(KEY.secretAccessKey));
    assert.ok(!/Signature=/.test(everything));
  });
});

describe('IAM authorization on an HTTP API', () => {
  it('puts the caller under requestContext.authorizer.iam and answers 403 Forbidden to a bad signature', async () => {
    const lambda = fakeLambda(() => ({ kind: 'result', payload: { ok: true }, durationMs: 1 }));
    const h = await startMock(
      {
        openapi: '3.0.1',
        info: { title: 'H', version: '1' },
        paths: { '/pay': { post: { security: [{ sigv4: [] }], responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI('pay'), payloadFormatVersion: '2.0' } } } },
        components: { securitySchemes: { sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' } } },
      },
      { lambda, apiKind: 'http', config: { iamAccessKeys: [KEY] } },
    );
    try {
      const url = `${h.url}/pay`;
      const headers = await sigV4Headers(url, { method: 'POST', body: 'x' });
      assert.equal((await send(url, 'POST', headers, 'x')).status, 200);
      const iam = (lambda.calls.at(-1)!.event as { requestContext: { authorizer: { iam: Record<string, unknown> } } }).requestContext.authorizer.iam;
      assert.equal(iam.accessKey, KEY.accessKeyId);
      const bad = await send(url, 'POST', headers, 'y');
      assert.equal(bad.status, 403);
      assert.deepEqual(JSON.parse(bad.body), { message: 'Forbidden' });
    } finally {
      await h.close();
    }
  });
});
