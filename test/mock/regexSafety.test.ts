import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NOTE_HEADER } from '../../core/src/mock/pipeline';
import { LspClient } from '../support/lspClient';
import { startCliMock } from './cliMock';
import { fakeLambda, LAMBDA_URI, mockIntegration, restApi, startMock, type Harness } from './harness';

/**
 * Regexes from a definition run against request data: selection patterns (against a Lambda
 * error message), identityValidationExpression (against a token), models' `pattern` (against
 * a body), regexes in templates, and IAM wildcards from an authorizer's policy. JavaScript's
 * RegExp cannot be stopped once it runs, so `(a+)+$` on "aaa…b" would hang the process:
 * the emulator refuses such patterns before running them, and the linter names them.
 */

const EVIL = '(a+)+$';
/** Long enough that `(a+)+$` would not finish within the age of the universe. */
const NEAR_MISS = `${'a'.repeat(48)}b`;

const ok = { '200': { description: 'ok' }, '400': { description: 'bad' } };

function definition(): object {
  const validated = {
    'x-amazon-apigateway-request-validator': 'all',
    requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Named' } } } },
    responses: ok,
    'x-amazon-apigateway-integration': mockIntegration('{"ok": true}'),
  };
  return restApi(
    {
      '/select': {
        get: {
          responses: ok,
          'x-amazon-apigateway-integration': {
            type: 'aws',
            httpMethod: 'POST',
            uri: LAMBDA_URI('fails'),
            responses: { [EVIL]: { statusCode: '400' }, default: { statusCode: '200' } },
          },
        },
      },
      '/token': { get: { security: [{ Token: [] }], responses: ok, 'x-amazon-apigateway-integration': mockIntegration('{"ok": true}') } },
      '/model': { post: validated },
      '/template': {
        get: {
          parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
          responses: ok,
          'x-amazon-apigateway-integration': {
            ...mockIntegration('{"ok": true}'),
            requestTemplates: { 'application/json': `#if($input.params('q').matches('${EVIL}'))#end{"statusCode": 200}` },
          },
        },
      },
      '/jsonpath': {
        post: {
          responses: ok,
          'x-amazon-apigateway-integration': {
            ...mockIntegration('{"ok": true}'),
            requestTemplates: { 'application/json': `#set($hits = $input.path('$.items[?(@.name.match(/${EVIL}/))]')){"statusCode": 200}` },
          },
        },
      },
      '/iam/{rest+}': {
        get: {
          parameters: [{ name: 'rest', in: 'path', required: true, schema: { type: 'string' } }],
          security: [{ Policy: [] }],
          responses: ok,
          'x-amazon-apigateway-integration': mockIntegration('{"ok": true}'),
        },
      },
    },
    {
      'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
      components: {
        schemas: { Named: { type: 'object', properties: { name: { type: 'string', pattern: EVIL } } } },
        securitySchemes: {
          Token: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authtype': 'custom',
            'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: LAMBDA_URI('auth'), identityValidationExpression: `^${EVIL}`, authorizerResultTtlInSeconds: 0 },
          },
          Policy: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authtype': 'custom',
            'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: LAMBDA_URI('policy'), authorizerResultTtlInSeconds: 0 },
          },
        },
      },
    },
  );
}

/** A policy whose Resource, as a regex, is `.*a.*a…b`: polynomial in the stars, hopeless on a long path of a's. */
const STARRY_RESOURCE = `arn:aws:execute-api:*${'a*'.repeat(14)}b`;

describe('regexes from the definition cannot hang the emulator', () => {
  let h: Harness;
  const lambda = fakeLambda((ref) => {
    if (ref.endsWith(':fails')) return { kind: 'error', errorType: 'Error', errorMessage: 'aab', durationMs: 1 };
    if (ref.endsWith(':policy')) {
      return { kind: 'result', durationMs: 1, payload: { principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: STARRY_RESOURCE }] } } };
    }
    return { kind: 'result', durationMs: 1, payload: { principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: '*' }] } } };
  });
  before(async () => {
    h = await startMock(definition(), { lambda });
  });
  after(() => h.close());

  it('a selection pattern that can backtrack exponentially is not run: 501 and a note', async () => {
    const res = await fetch(`${h.url}/dev/select`);
    assert.equal(res.status, 501);
    assert.match(res.headers.get(NOTE_HEADER) ?? '', /selection pattern of an integration response not emulated/);
    assert.match(((await res.json()) as { message: string }).message, /not run because the repetition a\+ inside the repetition \(a\+\)\+/);
  });

  it('nor is such an identityValidationExpression: 501, and the authorizer is not called', async () => {
    const before = lambda.calls.length;
    const res = await fetch(`${h.url}/dev/token`, { headers: { Authorization: 'aab' } });
    assert.equal(res.status, 501);
    assert.match(res.headers.get(NOTE_HEADER) ?? '', /identityValidationExpression of authorizer Token not emulated/);
    assert.equal(lambda.calls.length, before);
  });

  it("nor a model's pattern: the body goes unvalidated, with a note that says why", async () => {
    const res = await fetch(`${h.url}/dev/model`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'aab' }) });
    assert.equal(res.status, 200);
    assert.match(res.headers.get(NOTE_HEADER) ?? '', /request body not validated: .*pattern '\(a\+\)\+\$' is not run/);
  });

  it('nor a regex a template passes to String.matches: the template fails with a note', async () => {
    const res = await fetch(`${h.url}/dev/template?q=aab`);
    assert.equal(res.status, 500);
    assert.match(res.headers.get(NOTE_HEADER) ?? '', /request mapping template failed: .*regex '\(a\+\)\+\$' not run/);
  });

  it('nor a regex in a JSONPath filter of a template: the template fails with a note', async () => {
    const res = await fetch(`${h.url}/dev/jsonpath`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ name: 'aab' }] }) });
    assert.equal(res.status, 500);
    assert.match(res.headers.get(NOTE_HEADER) ?? '', /request mapping template failed: JSONPath .* not evaluated: its regex \/\(a\+\)\+\$\/ is not run/);
  });

  it("an authorizer policy's wildcards are matched without a regex", async () => {
    const res = await fetch(`${h.url}/dev/iam/${'a'.repeat(12)}`, { headers: { Authorization: 'x' } });
    assert.equal(res.status, 403);
  });
});

/** Runs `apigw mock` from the bundle on `dir/api.json` until `done`, then stops it. */
async function withCliMock(dir: string, run: (url: string) => Promise<void>): Promise<void> {
  const mock = await startCliMock(['api.json', '--port', '0'], { cwd: dir });
  try {
    await run(mock.url);
  } finally {
    // Whatever happened, the process does not outlive the test: a hung one is killed outright.
    await mock.stop('SIGKILL');
  }
}

describe('(a+)+$ against a long near-miss, through the real processes', function () {
  // Generous: these finish in well under a second; the bound is only there to fail instead of hanging.
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-redos-'));
    writeFileSync(path.join(dir, 'api.json'), JSON.stringify(definition(), null, 2));
    writeFileSync(path.join(dir, 'fails.js'), `exports.handler = async () => { throw new Error(${JSON.stringify(NEAR_MISS)}); };`);
    writeFileSync(
      path.join(dir, 'policy.js'),
      `exports.handler = async () => ({ principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: ${JSON.stringify(STARRY_RESOURCE)} }] } });`,
    );
    writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { fails: 'fails.js#handler', policy: 'policy.js#handler', auth: 'policy.js#handler' } }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the emulator answers every request that would run it', async () => {
    await withCliMock(dir, async (url) => {
      const ask = async (p: string, init: RequestInit = {}) => (await fetch(`${url}/dev${p}`, { ...init, signal: AbortSignal.timeout(20_000) })).status;
      assert.equal(await ask('/select'), 501);
      assert.equal(await ask('/token', { headers: { Authorization: NEAR_MISS } }), 501);
      assert.equal(await ask('/model', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: NEAR_MISS }) }), 200);
      assert.equal(await ask(`/template?q=${NEAR_MISS}`), 500);
      assert.equal(await ask('/jsonpath', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ name: NEAR_MISS }] }) }), 500);
      assert.equal(await ask(`/iam/${'a'.repeat(200)}`, { headers: { Authorization: 'x' } }), 403);
    });
  });

  it('the language server lints the definition and names every such regex', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const uri = pathToFileURL(path.join(dir, 'api.json')).toString();
      await client.open(uri, JSON.stringify(definition(), null, 2), 'json');
      const published = await client.waitFor(uri, (p) => p.diagnostics.some((d) => d.code === 'apigw.regex.backtracking'), 30_000);
      const flagged = published.diagnostics.filter((d) => d.code === 'apigw.regex.backtracking').map((d) => d.message);
      assert.equal(flagged.length, 5, flagged.join('\n'));
      assert.ok(flagged.some((m) => m.startsWith('Selection pattern')));
      assert.ok(flagged.some((m) => m.startsWith('identityValidationExpression')));
      assert.ok(flagged.some((m) => m.startsWith("pattern '(a+)+$'")));
      assert.ok(flagged.some((m) => m.includes('.matches("(a+)+$")')));
      assert.ok(flagged.some((m) => m.startsWith('The JSONPath $.items[?(@.name.match(/(a+)+$/))]')));
    } finally {
      await client.shutdown();
    }
  });
});
