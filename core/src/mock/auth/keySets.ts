import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { ApigwConfig } from '../../config/apigwConfig';
import { isRecord } from '../lambda/records';

/** API Gateway gives a JWKS or discovery fetch 1.5 s. */
const FETCH_TIMEOUT_MS = 1500;
const RETRY_AFTER_MS = 5000;

export type KeySetLookup = { keys: JWTVerifyGetKey; source: string } | { error: string };

/**
 * The signing keys of token issuers: a JWKS named in apigw.config.json's `jwks` (by the
 * security scheme's name, else by the issuer URL; a file relative to the config, or a URL),
 * else the issuer's OpenID discovery document, as API Gateway finds them. Kept until a reload.
 */
export class KeySets {
  private readonly sets = new Map<string, Promise<KeySetLookup>>();

  find(config: ApigwConfig, schemeName: string, issuer: string, discoveryUrl?: string): Promise<KeySetLookup> {
    const named = config.jwks[schemeName] ?? config.jwks[issuer] ?? config.jwks[issuer.replace(/\/$/, '')];
    const where = named === undefined ? (discoveryUrl ?? `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`) : named;
    const key = `${named === undefined ? 'discover' : 'jwks'} ${config.file ?? ''} ${where}`;
    let found = this.sets.get(key);
    if (!found) {
      found = named === undefined ? discover(where) : configured(config, named);
      this.sets.set(key, found);
      // A failed lookup is tried again a little later: the file or the issuer may be there by then,
      // and a request meanwhile is not held up by the same fetch timing out again.
      void found.then((r) => {
        if ('error' in r) setTimeout(() => this.sets.delete(key), RETRY_AFTER_MS).unref();
      });
    }
    return found;
  }

  clear(): void {
    this.sets.clear();
  }
}

function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

function remote(url: string): KeySetLookup {
  try {
    return { keys: createRemoteJWKSet(new URL(url), { timeoutDuration: FETCH_TIMEOUT_MS }), source: url };
  } catch {
    return { error: `${url} is not a valid URL` };
  }
}

async function configured(config: ApigwConfig, where: string): Promise<KeySetLookup> {
  if (isUrl(where)) return remote(where);
  const file = path.resolve(config.file ? path.dirname(config.file) : process.cwd(), where);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    return { error: `cannot read the JWKS ${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.keys)) return { error: `${file} is not a JWKS ({"keys": [...]})` };
  return { keys: createLocalJWKSet(parsed as unknown as JSONWebKeySet), source: file };
}

async function discover(documentUrl: string): Promise<KeySetLookup> {
  if (!isUrl(documentUrl)) return { error: `no JWKS for it in apigw.config.json "jwks", and ${documentUrl} is not a URL to discover one from` };
  try {
    const res = await fetch(documentUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!res.ok) return { error: `OpenID discovery at ${documentUrl} answered ${res.status}` };
    const doc = (await res.json()) as unknown;
    const jwksUri = isRecord(doc) && typeof doc.jwks_uri === 'string' ? doc.jwks_uri : undefined;
    if (!jwksUri) return { error: `the OpenID discovery document at ${documentUrl} has no jwks_uri` };
    return remote(jwksUri);
  } catch (err) {
    return { error: `OpenID discovery at ${documentUrl} failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
