import * as path from 'node:path';
import { CONFIG_FILE } from '../config/apigwConfig';
import { createLocalIssuer, DEFAULT_ISSUER, mintLocalToken, type LocalIssuer, type MintOptions } from '../mock/auth/localTokens';
import { UsageError, walkArgs } from './args';

export const TOKEN_USAGE = `Usage: apigw token init <dir> [--issuer URL|USER_POOL_ARN] [--force]
       apigw token mint <dir> [options]

Makes a local signing key and mints JWTs with it, so that routes behind Cognito user pool
and JWT authorizers can be called on apigw mock without AWS. init writes <dir>/signing-key.json
(private: keep it out of version control) and <dir>/jwks.json; name the JWKS in ${CONFIG_FILE}
under the authorizer's security scheme or issuer: {"jwks": {"MyAuthorizer": "<dir>/jwks.json"}}.

init:
  --issuer URL|ARN       the tokens' iss: the JWT authorizer's issuer, or a Cognito user pool
                         ARN from providerARNs (default: ${DEFAULT_ISSUER})
  --force                replace the key that is there (tokens it signed stop working)

mint (prints the token on stdout):
  --sub NAME             subject (default: local-user)
  --client-id ID         app client id: client_id of an access token, aud of an ID token
  --aud ID               audience (repeatable)
  --scope SCOPE          a scope (repeatable); makes an access token
  --token-use id|access  default: access with --scope, else id
  --expires DURATION     lifetime such as 90s, 30m, 1h, 7d; negative for an expired token (default: 1h)
  --claim NAME=VALUE     any other claim, VALUE read as JSON when it parses (repeatable)
  --issuer URL|ARN       an iss other than the one given to init
`;

/** `30m` to 1800; `-5m` to -300. */
function durationSeconds(text: string): number {
  const m = /^(-?\d+)([smhd])$/.exec(text);
  if (!m) throw new UsageError(`--expires takes a number with s, m, h or d (such as 30m or -5m), not '${text}'`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

function claimValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

interface TokenArgs {
  action: 'init' | 'mint';
  dir: string;
  force: boolean;
  mint: MintOptions;
}

function parseTokenArgs(argv: readonly string[]): TokenArgs {
  const positional: string[] = [];
  const mint: MintOptions = {};
  let issuer: string | undefined;
  let force = false;
  const list = (existing: string[] | undefined, value: string) => [...(existing ?? []), value];
  walkArgs(
    argv,
    (r) => {
      switch (r.flag) {
        case '--issuer':
          issuer = r.value();
          return true;
        case '--force':
          force = true;
          return true;
        case '--sub':
          mint.subject = r.value();
          return true;
        case '--client-id':
          mint.clientId = r.value();
          return true;
        case '--aud':
          mint.audience = list(mint.audience, r.value());
          return true;
        case '--scope':
          mint.scopes = list(mint.scopes, r.value());
          return true;
        case '--token-use': {
          const v = r.value();
          if (v !== 'id' && v !== 'access') throw new UsageError(`--token-use must be id or access, not '${v}'`);
          mint.tokenUse = v;
          return true;
        }
        case '--expires':
          mint.expiresInSeconds = durationSeconds(r.value());
          return true;
        case '--claim': {
          const v = r.value();
          const eq = v.indexOf('=');
          if (eq <= 0) throw new UsageError(`--claim takes NAME=VALUE, not '${v}'`);
          mint.claims = { ...mint.claims, [v.slice(0, eq)]: claimValue(v.slice(eq + 1)) };
          return true;
        }
        default:
          return false;
      }
    },
    (a) => positional.push(a),
  );
  const [action, dir, ...extra] = positional;
  if (action !== 'init' && action !== 'mint') throw new UsageError(action === undefined ? 'say init or mint' : `unknown action '${action}' (init or mint)`);
  if (dir === undefined || extra.length > 0) throw new UsageError('give one folder for the key');
  mint.issuer = issuer;
  return { action, dir, force, mint };
}

/** `apigw token init|mint`: exit status 0, or 2 on a usage or I/O error. */
export async function tokenCommand(argv: readonly string[]): Promise<number> {
  const args = parseTokenArgs(argv);
  try {
    if (args.action === 'mint') process.stdout.write(`${await mintLocalToken(args.dir, args.mint)}\n`);
    else report(await createLocalIssuer(args.dir, args.mint.issuer, args.force), args.dir);
    return 0;
  } catch (err) {
    process.stderr.write(`apigw token: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

function report(created: LocalIssuer, dir: string): void {
  process.stdout.write(
    [
      `wrote ${created.signingKeyFile} (private) and ${created.jwksFile}; issuer ${created.issuer}`,
      `in ${CONFIG_FILE}, under the authorizer's security scheme name or its issuer (the path may also be relative to the config file):`,
      `  "jwks": { "${created.issuer}": "${path.resolve(created.jwksFile)}" }`,
      `then: curl -H "Authorization: $(apigw token mint ${dir} --scope <scope>)" ...`,
      '',
    ].join('\n'),
  );
}
