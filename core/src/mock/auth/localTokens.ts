import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { isRecord } from '../lambda/records';
import { cognitoIssuer } from './authorizerConfig';

/*
 * A local token issuer, so that routes behind Cognito or JWT authorizers can be tried on the
 * emulator without AWS: an RSA key pair in a folder (the private half for minting, the public
 * half as a JWKS for apigw.config.json's `jwks`), and tokens shaped like Cognito's.
 */

const SIGNING_KEY_FILE = 'signing-key.json';
const JWKS_FILE = 'jwks.json';
export const DEFAULT_ISSUER = 'https://apigw.local/issuer';

/** An issuer URL as given, or the issuer of a Cognito user pool ARN. */
function issuerOf(urlOrPoolArn: string): string {
  return cognitoIssuer(urlOrPoolArn) ?? urlOrPoolArn;
}

export interface LocalIssuer {
  issuer: string;
  kid: string;
  signingKeyFile: string;
  jwksFile: string;
}

/** Creates the key pair in `dir`; refuses to replace one that is there unless `overwrite`. */
export async function createLocalIssuer(dir: string, issuer = DEFAULT_ISSUER, overwrite = false): Promise<LocalIssuer> {
  const signingKeyFile = path.join(dir, SIGNING_KEY_FILE);
  const jwksFile = path.join(dir, JWKS_FILE);
  await fs.mkdir(dir, { recursive: true });
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const iss = issuerOf(issuer);
  const flag = overwrite ? 'w' : 'wx';
  try {
    // The private key is a secret: only its owner may read it.
    await fs.writeFile(signingKeyFile, `${JSON.stringify({ issuer: iss, key: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' } }, null, 2)}\n`, { flag, mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${signingKeyFile} exists; use --force to replace it (tokens signed with it stop working)`);
    throw err;
  }
  await fs.writeFile(jwksFile, `${JSON.stringify({ keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] }, null, 2)}\n`);
  return { issuer: iss, kid, signingKeyFile, jwksFile };
}

export interface MintOptions {
  /** Another issuer than the folder's (URL or user pool ARN). */
  issuer?: string;
  subject?: string;
  /** The app client: `client_id` of an access token, `aud` of an ID token. */
  clientId?: string;
  audience?: string[];
  scopes?: string[];
  /** Defaults to `access` when there are scopes, else `id`. */
  tokenUse?: 'id' | 'access';
  /** Negative for a token that has already expired. */
  expiresInSeconds?: number;
  /** Any other claims; they win over the ones above. */
  claims?: Record<string, unknown>;
  /** Epoch seconds; defaults to now. */
  now?: number;
}

/** A token signed with the folder's key, shaped like a Cognito ID or access token. */
export async function mintLocalToken(dir: string, options: MintOptions = {}): Promise<string> {
  const file = path.join(dir, SIGNING_KEY_FILE);
  let stored: unknown;
  try {
    stored = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${file} (create it with apigw token init ${dir}): ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isRecord(stored) || typeof stored.issuer !== 'string' || !isRecord(stored.key)) throw new Error(`${file} is not a key written by apigw token init`);
  const jwk = stored.key as JWK;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const scopes = options.scopes ?? [];
  const use = options.tokenUse ?? (scopes.length > 0 ? 'access' : 'id');
  const subject = options.subject ?? 'local-user';
  const audience = options.audience ?? (use === 'id' && options.clientId !== undefined ? [options.clientId] : []);
  const payload: JWTPayload = {
    sub: subject,
    iss: options.issuer === undefined ? stored.issuer : issuerOf(options.issuer),
    token_use: use,
    auth_time: now,
    iat: now,
    exp: now + (options.expiresInSeconds ?? 3600),
    jti: randomUUID(),
    ...(audience.length > 0 ? { aud: audience.length === 1 ? audience[0] : audience } : {}),
    ...(use === 'access' ? { username: subject, ...(options.clientId === undefined ? {} : { client_id: options.clientId }), ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}) } : { 'cognito:username': subject }),
    ...options.claims,
  };
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).sign(await importJWK(jwk, 'RS256'));
}
