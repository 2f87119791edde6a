import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'token', ...args], { encoding: 'utf8', cwd: REPO });

describe('apigw token (the CLI bundle)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-token-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('init writes a private signing key only its owner can read and a JWKS, and says how to configure it', () => {
    const keys = path.join(dir, 'keys');
    const res = run('init', keys, '--issuer', 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Abc');
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /issuer https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com\/eu-west-1_Abc/);
    assert.match(res.stdout, /"jwks": \{ "https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com\/eu-west-1_Abc": ".*keys\/jwks\.json" \}/);
    assert.equal(statSync(path.join(keys, 'signing-key.json')).mode & 0o077, 0);
    const jwks = JSON.parse(readFileSync(path.join(keys, 'jwks.json'), 'utf8')) as { keys: Array<Record<string, unknown>> };
    assert.equal(jwks.keys[0].kty, 'RSA');
    assert.equal(jwks.keys[0].d, undefined, 'no private part in the JWKS');
    const again = run('init', keys);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /exists; use --force/);
    assert.equal(run('init', keys, '--force').status, 0);
  });

  it('mint prints a token with the chosen claims, scopes and expiry, signed with the folder key', () => {
    const keys = path.join(dir, 'mint');
    assert.equal(run('init', keys).status, 0);
    const res = run('mint', keys, '--sub', 'dana', '--client-id', 'app', '--scope', 'a/read', '--scope', 'a/write', '--expires', '-5m', '--claim', 'tenant=acme', '--claim', 'level=3');
    assert.equal(res.status, 0, res.stderr);
    const token = res.stdout.trim();
    const claims = decodeJwt(token);
    assert.equal(claims.sub, 'dana');
    assert.equal(claims.iss, 'https://apigw.local/issuer');
    assert.equal(claims.token_use, 'access');
    assert.equal(claims.client_id, 'app');
    assert.equal(claims.scope, 'a/read a/write');
    assert.equal(claims.tenant, 'acme');
    assert.equal(claims.level, 3);
    assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), -300);
    const jwks = JSON.parse(readFileSync(path.join(keys, 'jwks.json'), 'utf8')) as { keys: Array<{ kid: string }> };
    assert.equal(decodeProtectedHeader(token).kid, jwks.keys[0].kid);
    const id = decodeJwt(run('mint', keys, '--client-id', 'app').stdout.trim());
    assert.equal(id.token_use, 'id');
    assert.equal(id.aud, 'app');
  });

  it('exits 2 with the usage on a bad flag, and names the missing key folder', () => {
    const bad = run('mint', dir, '--expires', 'soon');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--expires takes a number with s, m, h or d/);
    const missing = run('mint', path.join(dir, 'none'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /create it with apigw token init/);
    assert.ok(!existsSync(path.join(dir, 'none')));
    assert.match(spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout, /token +make a local signing key/);
  });
});
