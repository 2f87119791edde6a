import assert from 'node:assert/strict';
import type { LogOutputChannel } from 'vscode';
import { redactingChannel } from '../../client/src/redactingChannel';
import { SecretRedactor } from '../../core/src/deploy/secretRedactor';
import { backtrackingRisk } from '../../core/src/regex/backtracking';
import { maskSecretPatterns, SECRET_PATTERN_SOURCES } from '../../core/src/secretPatterns';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEyMyIsImV4cCI6OTl9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

/** [text, the secret it holds]: each must be gone from the masked text. */
const CASES: Array<[string, string]> = [
  ['using key AKIAIOSFODNN7EXAMPLE in us-east-1', 'AKIAIOSFODNN7EXAMPLE'],
  ['session ASIAY34FZKBOKMUTVV7A expired', 'ASIAY34FZKBOKMUTVV7A'],
  ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQ', 'IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQ'],
  ['https://x.execute-api.amazonaws.com/dev?X-Amz-Security-Token=FwoGZXIvYXdzEBAaDPsecret&X-Amz-Signature=abcdef0123', 'FwoGZXIvYXdzEBAaDPsecret'],
  ['Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE0000000001/20260101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=5fa00fa31553b73ebf1942676e86291e', '5fa00fa31553b73ebf1942676e86291e'],
  ['Authorization: Bearer opaque-token-value-0123456789', 'opaque-token-value-0123456789'],
  ['authorization: token ghp_SecretGithubStyleToken123', 'ghp_SecretGithubStyleToken123'],
  ['x-api-key: apikey-SECRET-0123456789abcdef', 'apikey-SECRET-0123456789abcdef'],
  ['{"headers":{"Authorization":"Basic dXNlcjpzZWNyZXQ=","x-api-key":"k-123456789"}}', 'dXNlcjpzZWNyZXQ='],
  ['{"headers":{"Authorization":"Basic dXNlcjpzZWNyZXQ=","x-api-key":"k-123456789"}}', 'k-123456789'],
  [`token ${JWT} rejected`, JWT.split('.')[1]],
  [`"text": "openapi: 3.0.1\\n      requestParameters:\\n        integration.request.header.x-api-key: \\"'sk-hardcoded-123456'\\"\\n"`, 'sk-hardcoded-123456'],
];

describe('secrets: masking credentials in logs and output channels', () => {
  for (const [text, secret] of CASES) {
    it(`masks ${secret.slice(0, 24)}…`, () => {
      const out = maskSecretPatterns(text);
      assert.ok(!out.includes(secret), out);
      assert.match(out, /\[redacted\]/);
    });
  }

  it('leaves ordinary text alone', () => {
    const text = 'identitySource: method.request.header.Authorization; stage dev serves deployment abc123 (Bearer scheme)';
    assert.equal(maskSecretPatterns(text), text);
  });

  it('keeps the lines of a protocol trace: a header value ends at the escaped newline', () => {
    const out = maskSecretPatterns('"Authorization: Bearer abcdefghijklmnopqrstuvwxyz\\npaths:\\n  /orders: {}"');
    assert.equal(out, '"Authorization: [redacted]\\npaths:\\n  /orders: {}"');
  });

  it('uses no pattern that could backtrack badly on a long log line', () => {
    for (const source of SECRET_PATTERN_SOURCES) assert.equal(backtrackingRisk(source), undefined, source);
  });

  it('the deploy redactor masks the credentials it was told about, whatever their shape', () => {
    const r = new SecretRedactor();
    r.remember('short', 'plain-secret-value-without-shape');
    assert.equal(r.redact('echo plain-secret-value-without-shape and short'), 'echo [redacted] and short');
  });

  it('an output channel wrapped by redactingChannel masks every way text reaches it', () => {
    const written: unknown[] = [];
    const record = (...args: unknown[]) => void written.push(...args);
    const fake = { name: 'API Gateway', append: record, appendLine: record, replace: record, trace: record, debug: record, info: record, warn: record, error: record, show: () => 'shown' };
    const channel = redactingChannel(fake as unknown as LogOutputChannel);
    channel.appendLine(`[Trace] Sending notification 'textDocument/didOpen'. Params: {"text": "Authorization: Bearer ${JWT}"}`);
    channel.append('AKIAIOSFODNN7EXAMPLE');
    channel.replace('x-api-key: apikey-SECRET-0123456789abcdef');
    channel.info(`token ${JWT}`);
    channel.warn('AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG');
    channel.error(new Error('Authorization: Bearer opaque-token-value-0123456789'));
    assert.equal(channel.name, 'API Gateway');
    channel.show();
    const text = written.map((w) => (w instanceof Error ? `${w.message} ${w.stack ?? ''}` : String(w))).join('\n');
    for (const secret of [JWT.split('.')[1], 'AKIAIOSFODNN7EXAMPLE', 'apikey-SECRET', 'wJalrXUtnFEMI', 'opaque-token-value']) assert.ok(!text.includes(secret), text);
    assert.equal(written.length, 6);
  });
});
