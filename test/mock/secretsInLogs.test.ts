import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NOTE_HEADER } from '../../core/src/mock/pipeline';
import { startCliMock } from './cliMock';
import { LAMBDA_URI, mockIntegration, restApi } from './harness';
import { sigV4Headers } from './signing';

/**
 * Requests carrying credentials (bearer JWTs, API keys, SigV4 signatures with access keys and
 * session tokens) through every place the emulator writes about a request: none of the values
 * may reach its stdout (access log, start-up lines) or stderr (notes, events), nor the notes
 * it puts on responses. What a user's own handler prints is theirs and is not looked at here.
 */

const SECRETS = {
  jwt: 'eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3QifQ.eyJzdWIiOiJzZWNyZXQtdXNlci0wMDEiLCJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIn0.c2lnbmF0dXJlLW5vdC1yZWFsLWJ1dC1sb25nLWVub3VnaA',
  apiKey: 'apikey-SECRET-value-0123456789abcdef',
  wrongApiKey: 'apikey-WRONG-value-fedcba9876543210',
  accessKeyId: 'AKIAIOSFODNN7SECRET1',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjSESSIONTOKENneverLogged0123456789abcdef',
  opaque: 'opaque-token-SECRET-42-abcdefghijkl',
};

const KEY = { accessKeyId: SECRETS.accessKeyId, secretAccessKey: SECRETS.secretAccessKey };

function definition(): object {
  const get = (extra: object, integration: object = mockIntegration('{"ok": true}')) => ({ get: { responses: { '200': { description: 'ok' } }, ...extra, 'x-amazon-apigateway-integration': integration } });
  return restApi(
    {
      '/keyed': get({ security: [{ Key: [] }] }),
      '/token': get({ security: [{ Token: [] }] }),
      '/cognito': get({ security: [{ Pool: [] }] }),
      '/iam': get({ 'x-amazon-apigateway-auth': { type: 'AWS_IAM' } }),
      '/template': get(
        { parameters: [{ name: 'Authorization', in: 'header', schema: { type: 'string' } }] },
        { ...mockIntegration('{"ok": true}'), requestTemplates: { 'application/json': "#set($t = $util.parseJson($input.params('Authorization'))){\"statusCode\": 200}" } },
      ),
      '/required': get({ 'x-amazon-apigateway-request-validator': 'all', parameters: [{ name: 'X-Session', in: 'header', required: true, schema: { type: 'string' } }] }),
    },
    {
      'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
      components: {
        securitySchemes: {
          Key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
          Token: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authtype': 'custom',
            'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: LAMBDA_URI('auth'), identityValidationExpression: '^Bearer [-0-9a-zA-Z\\._]*$', authorizerResultTtlInSeconds: 300 },
          },
          Pool: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authtype': 'cognito_user_pools',
            'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Example'] },
          },
        },
      },
    },
  );
}

describe('apigw mock never writes a credential it was sent', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-secrets-'));
    writeFileSync(path.join(dir, 'api.json'), JSON.stringify(definition(), null, 2));
    // Denies everyone, and says nothing of its own.
    writeFileSync(path.join(dir, 'auth.js'), "exports.handler = async (e) => ({ principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: e.methodArn }] } });");
    writeFileSync(
      path.join(dir, 'apigw.config.json'),
      JSON.stringify({
        functions: { auth: 'auth.js#handler' },
        apiKeys: [{ name: 'partner', value: SECRETS.apiKey, usagePlans: ['plan'] }],
        usagePlans: { plan: {} },
        iamAccessKeys: [KEY],
      }),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('in the access log, the notes and events, the start-up lines and the response notes', async () => {
    const mock = await startCliMock(['api.json', '--port', '0'], { cwd: dir });
    const { url } = mock;
    const noteHeaders: string[] = [];
    try {
      const send = async (p: string, headers: Record<string, string>) => {
        const res = await fetch(`${url}/dev${p}`, { headers, signal: AbortSignal.timeout(20_000) });
        noteHeaders.push(res.headers.get(NOTE_HEADER) ?? '');
        await res.arrayBuffer();
        return res.status;
      };
      const bearer = `Bearer ${SECRETS.jwt}`;
      const statuses = [
        await send('/keyed', { 'x-api-key': SECRETS.apiKey }),
        await send('/keyed', { 'x-api-key': SECRETS.wrongApiKey }),
        await send('/token', { Authorization: bearer }),
        await send('/token', { Authorization: bearer }),
        await send('/token', { Authorization: SECRETS.opaque }),
        await send('/cognito', { Authorization: bearer }),
        await send('/cognito', { Authorization: SECRETS.jwt }),
        await send('/iam', { Authorization: `AWS4-HMAC-SHA256 Credential=${SECRETS.accessKeyId}/20260101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`, 'X-Amz-Security-Token': SECRETS.sessionToken }),
        await send('/iam', await sigV4Headers(`${url}/dev/iam`, { key: KEY })),
        await send('/template', { Authorization: bearer }),
        await send('/required', { Authorization: bearer, 'x-api-key': SECRETS.apiKey }),
      ];
      // The requests went where they were meant to: accepted, refused, verified, failed.
      assert.deepEqual(statuses, [200, 403, 403, 403, 401, 401, 401, 403, 200, 500, 400]);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await mock.stop();
    }
    const stdout = mock.stdout();
    const stderr = mock.stderr();
    assert.match(stdout, /"resourcePath":"\/iam"/, 'the access log was written');
    assert.match(stderr, /authorizer Token: called/, 'events were written');
    const outputs = { stdout, stderr, 'response notes': noteHeaders.join('\n') };
    for (const [where, text] of Object.entries(outputs)) {
      for (const [name, secret] of Object.entries(SECRETS)) {
        assert.ok(!text.includes(secret), `${name} is in the mock's ${where}:\n${text}`);
        // A part of a token is as good as the token to whoever reads the log.
        for (const part of secret.split(/[./]/).filter((p) => p.length >= 16)) assert.ok(!text.includes(part), `part of ${name} is in the mock's ${where}:\n${text}`);
      }
      // Nor the start of a token after its scheme (as a parse error would quote it).
      assert.doesNotMatch(text, /Bearer ey/, `the mock's ${where}`);
    }
  });
});
