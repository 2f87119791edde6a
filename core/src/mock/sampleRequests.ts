import type { MockApi, MockOperation } from './definition';
import { localRegion } from './lambda/localAccount';

/** The header a single-header identity source names (`method.request.header.X`, `$request.header.X`). */
function tokenHeader(source: string): string | undefined {
  return /^\$?(?:method\.)?request\.header\.(.+)$/.exec(source)?.[1];
}

/** curl flags for the credentials a method asks for, each read from an environment variable. */
function credentialFlags(api: MockApi, op: MockOperation): string {
  const flags: string[] = [];
  const authorizer = op.auth.authorizer;
  if (authorizer?.kind === 'iam') flags.push(`--aws-sigv4 'aws:amz:${localRegion()}:execute-api' --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`);
  const source = authorizer?.kind === 'cognito' || authorizer?.kind === 'jwt' ? authorizer.identitySource : authorizer?.kind === 'lambda' && authorizer.type === 'TOKEN' ? authorizer.identitySources[0] : undefined;
  const header = source === undefined ? undefined : tokenHeader(source);
  if (header !== undefined) flags.push(`-H "${header}: $APIGW_TOKEN"`);
  if (op.auth.apiKeyRequired && api.apiKeySource === 'HEADER') flags.push('-H "x-api-key: $APIGW_API_KEY"');
  return flags.map((f) => `${f} `).join('');
}

/**
 * Ready-to-paste curl commands for a few of the API's methods, MOCK integrations first
 * (they answer without any backend). Path parameters take the value the definition suggests,
 * else their name, so that curl's `{}` globbing never sees a template. A method that needs a
 * credential reads it from an environment variable: no secret is ever printed.
 */
export function sampleCurlLines(api: MockApi, baseUrl: string, limit = 4): string[] {
  const rank = (op: MockOperation) => (op.integration?.type === 'mock' ? 0 : 1) + (op.method === 'GET' ? 0 : 2) + (op.method === 'OPTIONS' ? 4 : 0);
  const chosen = [...api.operations].filter((op) => op.resourcePath !== '/$default').sort((a, b) => rank(a) - rank(b)).slice(0, limit);
  return chosen.map((op) => {
    const path = op.resourcePath.replace(/\{([^}]+?)\+?\}/g, (_m, name: string) => {
      const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
      return encodeURIComponent(param?.sample ?? name);
    });
    const method = op.method === 'GET' || op.method === 'ANY' ? '' : `-X ${op.method} `;
    const body = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH' ? `-H 'Content-Type: application/json' -d '{}' ` : '';
    return `curl -i ${method}${credentialFlags(api, op)}${body}'${baseUrl}${path}'`;
  });
}
