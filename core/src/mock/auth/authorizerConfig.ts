import type { ApiKind } from '../../catalog/types';
import { getProperty } from '../../document/pointer';
import type { ObjectNode, ValueNode } from '../../document/types';
import { toValue } from '../../document/value';
import type { ApiModel, Operation, SecurityScheme } from '../../model/apiModel';
import { compileUserRegex } from '../../regex/backtracking';
import { asNumber, asRecord, asText, asTextList } from '../plainValues';

/** A Lambda authorizer: REST TOKEN or REQUEST, HTTP API REQUEST. */
export interface LambdaAuthorizerConfig {
  kind: 'lambda';
  name: string;
  type: 'TOKEN' | 'REQUEST';
  /** `authorizerUri` as written: a Lambda invoke URI, perhaps with stage variables in it. */
  uri: unknown;
  /** REST `method.request.header.X`, `stageVariables.X`...; HTTP `$request.header.X`, `$context.X`... */
  identitySources: string[];
  /** `identityValidationExpression` (REST TOKEN authorizers). */
  /** identityValidationExpression, or why it is not run. */
  validation: RegExp | { unsafe: string } | undefined;
  ttlSeconds: number;
  /** HTTP APIs: the event and response format; undefined for REST. */
  payloadFormatVersion: '1.0' | '2.0' | undefined;
  /** HTTP APIs, payload 2.0: the function answers `{isAuthorized, context}`. */
  simpleResponses: boolean;
}

/** A REST Cognito user pool authorizer. */
export interface CognitoAuthorizerConfig {
  kind: 'cognito';
  name: string;
  /** `method.request.header.Authorization` or another header. */
  identitySource: string;
  /** The issuer URL of each user pool in `providerARNs`. */
  issuers: string[];
  /** `identityValidationExpression`, which Cognito authorizers match against the token's `aud`, or why it is not run. */
  validation: RegExp | { unsafe: string } | undefined;
}

/** An HTTP API JWT authorizer. */
export interface JwtAuthorizerConfig {
  kind: 'jwt';
  name: string;
  /** `$request.header.Authorization` or a query string parameter. */
  identitySource: string;
  /** `jwtConfiguration.issuer`; undefined when an `openIdConnectUrl` names it instead. */
  issuer: string | undefined;
  audience: string[];
  /** The scheme's `openIdConnectUrl`, the discovery document that names the issuer and its keys. */
  discoveryUrl: string | undefined;
}

/** IAM: the caller signs with SigV4 (`x-amazon-apigateway-authtype: awsSigv4`, or `x-amazon-apigateway-auth: AWS_IAM`). */
export interface IamAuthorizerConfig {
  kind: 'iam';
  name: string;
}

export type AuthorizerConfig = LambdaAuthorizerConfig | CognitoAuthorizerConfig | JwtAuthorizerConfig | IamAuthorizerConfig;

/** What a security scheme becomes in API Gateway: an authorizer, the API-key requirement, or nothing. */
export type SchemeUse = AuthorizerConfig | { kind: 'apiKey'; name: string } | { kind: 'ignored'; name: string; reason: string };

/** How one method is protected. */
export interface MethodAuth {
  authorizer: AuthorizerConfig | undefined;
  /** The scopes the method lists for its authorizer (Cognito, JWT). */
  scopes: string[];
  apiKeyRequired: boolean;
  /** Schemes the method lists that API Gateway turns into nothing, with why. */
  ignored: Array<{ name: string; reason: string }>;
}

const NO_AUTH: MethodAuth = { authorizer: undefined, scopes: [], apiKeyRequired: false, ignored: [] };

function plain(node: ObjectNode | undefined): Record<string, unknown> {
  return asRecord(toValue(node).value) ?? {};
}

/** A comma-separated list (or a list) of identity source expressions. */
function identitySourcesOf(value: unknown): string[] {
  const items = Array.isArray(value) ? asTextList(value) : (asText(value) ?? '').split(',');
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

function regexOf(value: unknown): RegExp | { unsafe: string } | undefined {
  const text = asText(value);
  if (text === undefined || text === '') return undefined;
  const compiled = compileUserRegex(text);
  if ('regex' in compiled) return compiled.regex;
  return 'unsafe' in compiled ? compiled : undefined;
}

/** `arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}` is the pool whose tokens carry `iss` = `https://cognito-idp.{region}.amazonaws.com/{poolId}`. */
export function cognitoIssuer(providerArn: string): string | undefined {
  const m = /^arn:[^:]+:cognito-idp:([^:]+):[^:]*:userpool\/(.+)$/.exec(providerArn);
  return m ? `https://cognito-idp.${m[1]}.amazonaws.com/${m[2]}` : undefined;
}

function ttlOf(value: unknown, kind: ApiKind): number {
  // REST defaults to 300 s; an HTTP API caches only when asked to.
  const ttl = asNumber(value) ?? (kind === 'REST' ? 300 : 0);
  return Math.min(3600, Math.max(0, ttl));
}

function authorizerOf(scheme: SecurityScheme, kind: ApiKind): SchemeUse {
  const raw = plain(scheme.authorizer);
  const type = asText(raw.type)?.toLowerCase();
  const name = scheme.name;
  // REST names the token's header in the scheme itself (`name` with `in: header`).
  const schemeHeader = asText(toValue(getProperty(scheme.node, 'name')?.valueNode).value) ?? 'Authorization';
  const sources = identitySourcesOf(raw.identitySource);
  if (kind === 'REST' && (type === 'token' || type === 'request')) {
    return {
      kind: 'lambda',
      name,
      type: type === 'token' ? 'TOKEN' : 'REQUEST',
      uri: raw.authorizerUri,
      identitySources: type === 'token' && sources.length === 0 ? [`method.request.header.${schemeHeader}`] : sources,
      validation: type === 'token' ? regexOf(raw.identityValidationExpression) : undefined,
      ttlSeconds: ttlOf(raw.authorizerResultTtlInSeconds, kind),
      payloadFormatVersion: undefined,
      simpleResponses: false,
    };
  }
  if (kind === 'HTTP' && type === 'request') {
    const version = asText(raw.authorizerPayloadFormatVersion) === '1.0' ? '1.0' : '2.0';
    return {
      kind: 'lambda',
      name,
      type: 'REQUEST',
      uri: raw.authorizerUri,
      identitySources: sources,
      validation: undefined,
      ttlSeconds: ttlOf(raw.authorizerResultTtlInSeconds, kind),
      payloadFormatVersion: version,
      simpleResponses: version === '2.0' && raw.enableSimpleResponses === true,
    };
  }
  if (kind === 'REST' && type === 'cognito_user_pools') {
    return {
      kind: 'cognito',
      name,
      identitySource: sources[0] ?? `method.request.header.${schemeHeader}`,
      issuers: asTextList(raw.providerARNs).flatMap((arn) => cognitoIssuer(arn) ?? []),
      validation: regexOf(raw.identityValidationExpression),
    };
  }
  if (kind === 'HTTP' && type === 'jwt') {
    const jwt = asRecord(raw.jwtConfiguration) ?? {};
    const discovery = asText(toValue(getProperty(scheme.node, 'openIdConnectUrl')?.valueNode).value);
    return {
      kind: 'jwt',
      name,
      identitySource: sources[0] ?? '$request.header.Authorization',
      issuer: asText(jwt.issuer),
      audience: asTextList(jwt.audience),
      discoveryUrl: discovery,
    };
  }
  return { kind: 'ignored', name, reason: `an authorizer of type '${asText(raw.type) ?? ''}' does not exist in ${kind === 'REST' ? 'REST APIs' : 'HTTP APIs'}` };
}

function isApiKeyScheme(scheme: SecurityScheme): boolean {
  const node = scheme.node;
  const name = asText(toValue(getProperty(node, 'name')?.valueNode).value);
  const where = asText(toValue(getProperty(node, 'in')?.valueNode).value);
  return scheme.type === 'apiKey' && where === 'header' && name?.toLowerCase() === 'x-api-key';
}

/** What each security scheme of the API becomes in API Gateway. */
export function compileSecuritySchemes(model: ApiModel): Map<string, SchemeUse> {
  const out = new Map<string, SchemeUse>();
  for (const [name, scheme] of model.securitySchemes) {
    let use: SchemeUse;
    if (scheme.authtype === 'awssigv4') use = { kind: 'iam', name };
    else if (scheme.authorizer) use = authorizerOf(scheme, model.kind);
    else if (isApiKeyScheme(scheme) && model.kind === 'REST') use = { kind: 'apiKey', name };
    else if (isApiKeyScheme(scheme)) use = { kind: 'ignored', name, reason: 'HTTP APIs have no API keys' };
    else use = { kind: 'ignored', name, reason: 'it has no x-amazon-apigateway-authorizer, so API Gateway creates no authorizer for it' };
    out.set(name, use);
  }
  return out;
}

function securityInForce(op: Operation, model: ApiModel): ValueNode | undefined {
  // REST ignores the top-level `security`; HTTP APIs apply it to every route without their own.
  if (op.security) return op.security;
  return model.kind === 'HTTP' && model.root ? getProperty(model.root, 'security')?.valueNode : undefined;
}

/** How a method is protected: its authorizer and scopes, and whether it needs an API key. */
export function methodAuthOf(op: Operation, model: ApiModel, schemes: ReadonlyMap<string, SchemeUse>): MethodAuth {
  const auth = asText(asRecord(toValue(getProperty(op.node, 'x-amazon-apigateway-auth')?.valueNode).value)?.type)?.toUpperCase();
  const list = securityInForce(op, model);
  if (auth !== 'AWS_IAM' && list?.kind !== 'array') return NO_AUTH;
  const result: MethodAuth = { authorizer: auth === 'AWS_IAM' ? { kind: 'iam', name: 'AWS_IAM' } : undefined, scopes: [], apiKeyRequired: false, ignored: [] };
  for (const requirement of list?.kind === 'array' ? list.items : []) {
    if (requirement.kind !== 'object') continue;
    for (const prop of requirement.properties) {
      const name = prop.keyNode.value;
      const use = schemes.get(name) ?? { kind: 'ignored', name, reason: 'no security scheme of that name is defined' };
      if (use.kind === 'apiKey') result.apiKeyRequired = true;
      else if (use.kind === 'ignored') result.ignored.push({ name, reason: use.reason });
      else if (!result.authorizer) {
        // A method has one authorizer: API Gateway takes the first one listed.
        result.authorizer = use;
        result.scopes = asTextList(toValue(prop.valueNode).value);
      }
    }
  }
  return result;
}
