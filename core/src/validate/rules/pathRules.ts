import type { ValidationContext } from '../context';
import { getProperty } from '../../document/pointer';
import { REGEX } from '../../catalog';
import { hasForeignPlaceholder } from '../templating';

/** `{name}` and `{name+}`, but not a Terraform or CloudFormation `${placeholder}`. */
const TEMPLATE_PARAM = /(?<!\$)\{([^}]*)\}/g;
const restSegment = new RegExp(REGEX.restPathSegment);

export function templateParams(path: string): string[] {
  return [...path.matchAll(TEMPLATE_PARAM)].map((m) => m[1].replace(/\+$/, ''));
}

/** Path templates as API Gateway builds resources from them. */
export function checkPaths(ctx: ValidationContext): void {
  const root = ctx.model.root;
  const paths = root && getProperty(root, 'paths')?.valueNode;
  if (paths?.kind !== 'object') return;
  checkTemplates(ctx);
  ctx.forEachOperation((op) => {
    const inTemplate = new Set(templateParams(op.path));
    const declared = op.parameters.filter((p) => p.in === 'path');
    const declaredNames = new Set(declared.map((p) => p.name.replace(/\+$/, '')));
    const missing = [...inTemplate].filter((name) => !declaredNames.has(name));
    if (missing.length > 0) {
      const list = missing.map((m) => `{${m}}`).join(', ');
      ctx.report(
        'apigw.path.undeclared-parameter',
        op.parametersNode ?? op.methodKey,
        `${op.method} ${op.path}: path parameter ${list} is not declared. API Gateway takes it from the path anyway, but OpenAPI requires the declaration, and request validation and generated SDKs rely on it. Add \`- name: ${missing[0]}, in: path, required: true\` to the parameters.`,
      );
    }
    for (const param of declared) {
      if (!inTemplate.has(param.name.replace(/\+$/, ''))) {
        ctx.report('apigw.path.unused-parameter', param.node, `Path parameter '${param.name}' does not appear in the path '${op.path}': rename it to match a {segment} or remove it.`);
      }
    }
  });
}

function checkTemplates(ctx: ValidationContext): void {
  const httpApi = ctx.model.kind === 'HTTP';
  ctx.forEachPathEntry((prop) => {
    const path = prop.keyNode.value;
    if (path.startsWith('x-') || (httpApi && path === '/$default')) return;
    if (!path.startsWith('/')) {
      ctx.report('apigw.path.segment', prop.keyNode, `Path '${path}' must start with '/'.`);
      return;
    }
    const segments = path === '/' ? [] : path.slice(1).split('/');
    segments.forEach((segment, i) => {
      if (hasForeignPlaceholder(segment)) return; // filled in by Terraform or CloudFormation before import
      if (/^\{[^}]+\+\}$/.test(segment) && i < segments.length - 1) {
        ctx.report(
          'apigw.path.greedy-not-last',
          prop.keyNode,
          `'${segment}' is a greedy path variable and must be the last segment: API Gateway cannot create resources under it. Move '/${segments.slice(i + 1).join('/')}' elsewhere or drop the '+'.`,
        );
      } else if (segment === '' && i === segments.length - 1 && segments.length > 0) {
        ctx.report('apigw.path.segment', prop.keyNode, `Path '${path}' ends with '/': API Gateway resource paths have no trailing slash. Remove it.`);
      } else if (segment === '') {
        ctx.report('apigw.path.segment', prop.keyNode, `Path '${path}' has an empty segment ('//').`);
      } else if (!httpApi && !restSegment.test(segment)) {
        const hint = /\{/.test(segment) ? 'A path parameter must fill a whole segment, like /items/{id}.' : 'Use letters, digits and _ - . , : only.';
        ctx.report('apigw.path.segment', prop.keyNode, `Segment '${segment}' of '${path}' is not a valid REST resource path part. ${hint}`);
      }
    });
  });
}
