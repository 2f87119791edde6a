import type { ValidationContext } from '../context';
import type { ObjectNode } from '../../document/types';
import { getProperty } from '../../document/pointer';
import type { SecurityScheme } from '../../model/apiModel';
import { scalarText } from '../../model/scalars';
import { REGEX } from '../../catalog';
import { compileUserRegex } from '../../regex/backtracking';
import { isIntrinsic } from '../templating';

const restIdentitySource = new RegExp(REGEX.restIdentitySourceItem);
const httpIdentitySource = new RegExp(REGEX.httpIdentitySourceItem);
/** REST caches authorizer results for 300 s unless told otherwise. */
const REST_DEFAULT_TTL = 300;

function text(obj: ObjectNode, name: string): string | undefined {
  const v = getProperty(obj, name)?.valueNode;
  return v && !isIntrinsic(v) ? scalarText(v) : undefined;
}

/** x-amazon-apigateway-authorizer: what each authorizer type needs, and the scheme around it. */
export function checkAuthorizers(ctx: ValidationContext): void {
  for (const scheme of ctx.model.securitySchemes.values()) {
    const authorizer = scheme.authorizer;
    if (!authorizer) continue;
    const anchor = getProperty(scheme.node, 'x-amazon-apigateway-authorizer')?.keyNode ?? scheme.key;
    const type = text(authorizer, 'type')?.toLowerCase();
    if (type === undefined) continue; // missing or computed: the generic checks report a missing type
    checkScheme(ctx, scheme, type);
    if ((type === 'token' || type === 'request') && !getProperty(authorizer, 'authorizerUri')) {
      ctx.report('apigw.authorizer.uri-required', anchor, `A ${type} (Lambda) authorizer needs authorizerUri: the invoke URI of the authorizer function.`);
    }
    if (type === 'cognito_user_pools' && !getProperty(authorizer, 'providerARNs')) {
      ctx.report(
        'apigw.authorizer.provider-arns',
        anchor,
        'A cognito_user_pools authorizer needs providerARNs: the user pool ARNs, e.g. [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123].',
      );
    }
    if (type === 'jwt') checkJwt(ctx, scheme, authorizer, anchor);
    if (type === 'request') checkRequest(ctx, authorizer, anchor);
    checkIdentitySource(ctx, authorizer, type);
    checkValidationExpression(ctx, authorizer);
  }
}

function checkScheme(ctx: ValidationContext, scheme: SecurityScheme, type: string): void {
  const typeNode = getProperty(scheme.node, 'type')?.valueNode ?? scheme.key;
  if (type === 'jwt') {
    if (scheme.type !== 'oauth2' && scheme.type !== 'openIdConnect') {
      ctx.report('apigw.authorizer.scheme', typeNode, `A JWT authorizer sits in a security scheme of type oauth2 (with jwtConfiguration.issuer) or openIdConnect, not '${scheme.type ?? 'none'}'.`);
    }
    return;
  }
  if (scheme.type !== 'apiKey') {
    ctx.report('apigw.authorizer.scheme', typeNode, `A ${type} authorizer must sit in a security scheme of type apiKey (with name and in), not '${scheme.type ?? 'none'}'.`);
    return;
  }
  const where = text(scheme.node, 'in');
  const allowed = type === 'request' ? ['header', 'query'] : ['header'];
  const inNode = getProperty(scheme.node, 'in')?.valueNode;
  if (ctx.model.kind === 'REST' && where !== undefined && !allowed.includes(where) && inNode) {
    ctx.report('apigw.authorizer.scheme', inNode, `A REST ${type} authorizer's scheme must have in: ${allowed.join(' or ')}, not '${where}'.`);
  }
}

function checkJwt(ctx: ValidationContext, scheme: SecurityScheme, authorizer: ObjectNode, anchor: ObjectNode['properties'][number]['keyNode']): void {
  if (scheme.type === 'openIdConnect' && getProperty(scheme.node, 'openIdConnectUrl')) return; // issuer discovered
  const config = getProperty(authorizer, 'jwtConfiguration')?.valueNode;
  const issuer = config?.kind === 'object' ? getProperty(config, 'issuer') : undefined;
  if (!issuer) {
    ctx.report(
      'apigw.authorizer.jwt-issuer',
      anchor,
      'A JWT authorizer needs jwtConfiguration.issuer (e.g. https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123), or a scheme of type openIdConnect with openIdConnectUrl.',
    );
  }
}

function checkRequest(ctx: ValidationContext, authorizer: ObjectNode, anchor: ObjectNode['properties'][number]['keyNode']): void {
  const http = ctx.model.kind === 'HTTP';
  const ttlText = text(authorizer, 'authorizerResultTtlInSeconds');
  const ttl = ttlText === undefined ? (http ? 0 : REST_DEFAULT_TTL) : Number(ttlText);
  if (ttl > 0 && !getProperty(authorizer, 'identitySource')) {
    const why = ttlText === undefined ? `results are cached for ${REST_DEFAULT_TTL} s by default` : `authorizerResultTtlInSeconds is ${ttl}`;
    ctx.report(
      'apigw.authorizer.identity-source-required',
      anchor,
      `A request authorizer that caches (${why}) needs identitySource, the cache key, e.g. ${http ? '$request.header.Authorization' : 'method.request.header.Authorization'}. Or set authorizerResultTtlInSeconds: 0.`,
    );
  }
  if (!http) return;
  const version = text(authorizer, 'authorizerPayloadFormatVersion');
  if (!getProperty(authorizer, 'authorizerPayloadFormatVersion')) {
    ctx.report('apigw.authorizer.payload-format', anchor, "An HTTP API Lambda authorizer needs authorizerPayloadFormatVersion: '2.0' (or '1.0').");
  }
  const simple = getProperty(authorizer, 'enableSimpleResponses');
  if (simple?.valueNode?.kind === 'boolean' && simple.valueNode.value && version !== undefined && version !== '2.0') {
    ctx.report('apigw.authorizer.simple-responses', simple.keyNode, `enableSimpleResponses needs authorizerPayloadFormatVersion '2.0', not '${version}'.`);
  }
}

function checkIdentitySource(ctx: ValidationContext, authorizer: ObjectNode, type: string): void {
  const node = getProperty(authorizer, 'identitySource')?.valueNode;
  const value = node && !isIntrinsic(node) ? scalarText(node) : undefined;
  if (!node || value === undefined || value.trim() === '') return;
  const items = value.split(',').map((s) => s.trim());
  const http = ctx.model.kind === 'HTTP';
  const grammar = http ? httpIdentitySource : restIdentitySource;
  for (const item of items) {
    if (/^\$?(method\.)?request\.path\./.test(item)) {
      ctx.report('apigw.authorizer.identity-source', node, `'${item}': path parameters cannot be identity sources. Use a header, a query string parameter, a stage variable or a context variable.`);
    } else if (!grammar.test(item)) {
      const example = http ? '$request.header.Authorization, $request.querystring.token, $context.routeKey' : 'method.request.header.Authorization, method.request.querystring.token, stageVariables.name, context.path';
      ctx.report('apigw.authorizer.identity-source', node, `'${item}' is not an identity source${http ? ' for an HTTP API' : ''}. Write a comma-separated list such as ${example}.`);
    }
  }
  if (type === 'jwt' && items.length !== 1) {
    ctx.report('apigw.authorizer.identity-source', node, 'A JWT authorizer takes exactly one identity source, e.g. $request.header.Authorization.');
  }
}

function checkValidationExpression(ctx: ValidationContext, authorizer: ObjectNode): void {
  const node = getProperty(authorizer, 'identityValidationExpression')?.valueNode;
  if (node?.kind !== 'string') return;
  const compiled = compileUserRegex(node.value);
  if ('invalid' in compiled) ctx.report('apigw.extension.format', node, `identityValidationExpression is not a valid regular expression: ${compiled.invalid}.`);
  else if ('unsafe' in compiled) {
    ctx.report('apigw.regex.backtracking', node, `identityValidationExpression can take exponential time to match: ${compiled.unsafe}. A long token can then keep API Gateway's matcher busy, and the local mock does not run it. Rewrite it so that every repetition is pinned down by a character the repeated part cannot match.`);
  }
}
