import type { ValidationContext } from '../context';

/** API Gateway imports OpenAPI 2.0 and 3.0 (REST) or 3.0 only (HTTP APIs). */
export function checkVersion(ctx: ValidationContext): void {
  const { model } = ctx;
  if (!model.root) return;
  const version = model.version;
  if (!version) {
    ctx.report('apigw.openapi.version', model.root, "The document has no 'openapi' or 'swagger' field: add `openapi: 3.0.1` (or `swagger: '2.0'`) at the top level.");
    return;
  }
  if (version.major === '3.1' || version.major === 'other') {
    ctx.report(
      'apigw.openapi.version',
      version.node,
      `API Gateway imports OpenAPI 2.0 and 3.0 only, so '${version.field}: ${version.text}' is rejected. Write \`openapi: 3.0.3\` and avoid 3.1-only features (type arrays, \`const\`, webhooks).`,
    );
  } else if (version.major === '2.0' && model.kind === 'HTTP') {
    ctx.report('apigw.openapi.version', version.node, "HTTP APIs import OpenAPI 3.0 only; 'swagger: 2.0' is rejected. Convert the document to `openapi: 3.0.1`.");
  }
}
