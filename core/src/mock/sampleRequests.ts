import type { MockApi, MockOperation } from './definition';

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
    const key = op.auth.apiKeyRequired && api.apiKeySource === 'HEADER' ? '-H "x-api-key: $APIGW_API_KEY" ' : '';
    return `curl -i ${method}${key}${body}'${baseUrl}${path}'`;
  });
}
