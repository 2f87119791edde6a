import { createHash } from 'node:crypto';
import type { ApiKind } from '../catalog/types';
import type { DocumentSet } from '../document/documentSet';
import { getProperty } from '../document/pointer';
import type { ObjectNode, ValueNode } from '../document/types';
import { toValue } from '../document/value';
import type { ApiModel, HttpMethod, Operation } from '../model/apiModel';
import { QUOTAS } from '../catalog/quotas';
import { compileUserRegex } from '../regex/backtracking';
import { compileSecuritySchemes, methodAuthOf, type MethodAuth } from './auth/authorizerConfig';
import { corsConfigOf, type CorsConfig } from './cors';
import { asNumber, asRecord, asText, asTextList, asTextRecord } from './plainValues';
import { exportSchema } from './modelSchema';
import { RouteTrie } from './router';

export type PassthroughBehavior = 'when_no_match' | 'when_no_templates' | 'never';
export type ContentHandling = 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';

export interface IntegrationResponseConfig {
  /** The selection pattern; undefined for the `default` response. */
  pattern: RegExp | undefined;
  /** Why the selection pattern is not run: matching it could take exponential time. */
  unsafe?: string;
  statusCode: string;
  responseTemplates: Record<string, string>;
  responseParameters: Record<string, string>;
  contentHandling: ContentHandling | undefined;
}

export interface IntegrationConfig {
  /** Lower case: `mock`, `http`, `http_proxy`, `aws`, `aws_proxy`. */
  type: string;
  httpMethod: string | undefined;
  uri: string | undefined;
  connectionType: string | undefined;
  requestTemplates: Record<string, string>;
  requestParameters: Record<string, string>;
  responses: IntegrationResponseConfig[];
  passthroughBehavior: PassthroughBehavior;
  contentHandling: ContentHandling | undefined;
  timeoutMs: number;
  /** HTTP APIs: `1.0` or `2.0`. */
  payloadFormatVersion: string | undefined;
  integrationSubtype: string | undefined;
  /** HTTP APIs: response parameter mappings by status code. */
  responseParameters: Record<string, Record<string, string>>;
  /** REST: the request parameters (`method.request.querystring.x`...) whose values key the stage cache. */
  cacheKeyParameters: string[];
  /** REST: the cache's namespace; methods sharing one share entries (defaults to the resource). */
  cacheNamespace: string | undefined;
}

export interface MethodParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  /** A value the definition suggests (`example`, or the schema's `example`, first `enum` value or `default`). */
  sample: string | undefined;
}

export interface MockOperation {
  method: HttpMethod;
  resourcePath: string;
  /** Stable per path, six characters like API Gateway's resource IDs. */
  resourceId: string;
  operationId: string | undefined;
  parameters: MethodParameter[];
  /** Request body models by bare media type. */
  bodySchemas: Map<string, Record<string, unknown>>;
  /** The request validator in force, when the operation has one that exists. */
  validator: { name: string; body: boolean; params: boolean } | undefined;
  integration: IntegrationConfig | undefined;
  /** Its authorizer, scopes and API-key requirement. */
  auth: MethodAuth;
}

export interface GatewayResponseConfig {
  statusCode: string | undefined;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
}

/** What the emulator serves: the API Gateway view of one definition, compiled for requests. */
export interface MockApi {
  kind: ApiKind;
  title: string;
  apiId: string;
  operations: MockOperation[];
  routes: RouteTrie<MockOperation>;
  /** HTTP APIs: the `$default` route. */
  defaultRoute: MockOperation | undefined;
  gatewayResponses: Map<string, GatewayResponseConfig>;
  binaryMediaTypes: string[];
  /** Bytes; undefined when compression is off. */
  minimumCompressionSize: number | undefined;
  /** REST: where a method that requires an API key finds it (`x-amazon-apigateway-api-key-source`). */
  apiKeySource: 'HEADER' | 'AUTHORIZER';
  /** HTTP APIs: `x-amazon-apigateway-cors`. */
  cors: CorsConfig | undefined;
}

export function shortHash(text: string, length: number): string {
  const digest = createHash('sha1').update(text).digest();
  let out = '';
  for (let i = 0; out.length < length; i++) out += (digest[i % digest.length] % 36).toString(36);
  return out;
}

const PASSTHROUGH = new Set<string>(['when_no_match', 'when_no_templates', 'never']);

function contentHandlingOf(value: unknown): ContentHandling | undefined {
  const text = asText(value)?.toUpperCase();
  return text === 'CONVERT_TO_BINARY' || text === 'CONVERT_TO_TEXT' ? text : undefined;
}

/** A selection pattern compiled for a whole-string match, as Java's `String.matches` does. */
function selectionPattern(key: string): Pick<IntegrationResponseConfig, 'pattern' | 'unsafe'> {
  if (key === 'default') return { pattern: undefined };
  const compiled = compileUserRegex(`^(?:${key})$`, 's');
  // An invalid pattern never matches; an unsafe one is not run (see mapIntegrationResponse).
  if ('regex' in compiled) return { pattern: compiled.regex };
  return 'unsafe' in compiled ? { pattern: /(?!)/, unsafe: compiled.unsafe } : { pattern: /(?!)/ };
}

function integrationConfig(node: ObjectNode, kind: ApiKind): IntegrationConfig {
  const raw = asRecord(toValue(node).value) ?? {};
  const timeouts = kind === 'HTTP' ? QUOTAS.timeoutInMillisHttp : QUOTAS.timeoutInMillisRest;
  const responses: IntegrationResponseConfig[] = [];
  for (const [key, value] of Object.entries(asRecord(raw.responses) ?? {})) {
    const response = asRecord(value) ?? {};
    responses.push({
      ...selectionPattern(key),
      statusCode: asText(response.statusCode) ?? '200',
      responseTemplates: asTextRecord(response.responseTemplates),
      responseParameters: asTextRecord(response.responseParameters),
      contentHandling: contentHandlingOf(response.contentHandling),
    });
  }
  const responseParameters: Record<string, Record<string, string>> = {};
  for (const [status, mapping] of Object.entries(asRecord(raw.responseParameters) ?? {})) responseParameters[status] = asTextRecord(mapping);
  const passthrough = asText(raw.passthroughBehavior)?.toLowerCase() ?? 'when_no_match';
  return {
    type: asText(raw.type)?.toLowerCase() ?? '',
    httpMethod: asText(raw.httpMethod)?.toUpperCase(),
    uri: asText(raw.uri),
    connectionType: asText(raw.connectionType)?.toUpperCase(),
    requestTemplates: asTextRecord(raw.requestTemplates),
    requestParameters: asTextRecord(raw.requestParameters),
    responses,
    passthroughBehavior: PASSTHROUGH.has(passthrough) ? (passthrough as PassthroughBehavior) : 'when_no_match',
    contentHandling: contentHandlingOf(raw.contentHandling),
    timeoutMs: asNumber(raw.timeoutInMillis) ?? timeouts.default,
    payloadFormatVersion: asText(raw.payloadFormatVersion),
    integrationSubtype: asText(raw.integrationSubtype),
    responseParameters,
    cacheKeyParameters: asTextList(raw.cacheKeyParameters),
    cacheNamespace: asText(raw.cacheNamespace),
  };
}

function objectAt(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

function bodySchemas(op: Operation, set: DocumentSet): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const requestBody = getProperty(op.node, 'requestBody')?.valueNode;
  const content = objectAt(getProperty(objectAt(requestBody && set.deref(requestBody).node) ?? op.node, 'content')?.valueNode);
  if (requestBody && content) {
    for (const media of content.properties) {
      const schema = getProperty(objectAt(media.valueNode) ?? op.node, 'schema')?.valueNode;
      if (media.valueNode && schema) out.set(media.keyNode.value.toLowerCase(), exportSchema(schema, set));
    }
    return out;
  }
  // OpenAPI 2.0: the `in: body` parameter, for each type the operation consumes.
  const bodyParam = op.parameters.find((p) => p.in === 'body');
  const schema = bodyParam && getProperty(bodyParam.node, 'schema')?.valueNode;
  if (schema) {
    const consumes = asTextList(toValue(getProperty(op.node, 'consumes')?.valueNode).value);
    for (const media of consumes.length > 0 ? consumes : ['application/json']) out.set(media.toLowerCase(), exportSchema(schema, set));
  }
  return out;
}

function sampleOf(param: ObjectNode): string | undefined {
  const plain = asRecord(toValue(param).value) ?? {};
  const schema = asRecord(plain.schema) ?? plain;
  const candidates = [plain.example, schema.example, Array.isArray(schema.enum) ? schema.enum[0] : undefined, schema.default];
  return candidates.map(asText).find((v) => v !== undefined);
}

function gatewayResponsesOf(root: ObjectNode): Map<string, GatewayResponseConfig> {
  const out = new Map<string, GatewayResponseConfig>();
  const raw = asRecord(toValue(getProperty(root, 'x-amazon-apigateway-gateway-responses')?.valueNode).value) ?? {};
  for (const [type, value] of Object.entries(raw)) {
    const response = asRecord(value) ?? {};
    out.set(type, {
      statusCode: asText(response.statusCode),
      responseParameters: asTextRecord(response.responseParameters),
      responseTemplates: asTextRecord(response.responseTemplates),
    });
  }
  return out;
}

/** Compiles the model of a definition into what the emulator serves. */
export function buildMockApi(model: ApiModel, set: DocumentSet): MockApi {
  const root = model.root ?? { kind: 'object', properties: [], offset: 0, length: 0, parent: undefined };
  const validators = asRecord(toValue(getProperty(root, 'x-amazon-apigateway-request-validators')?.valueNode).value) ?? {};
  const routes = new RouteTrie<MockOperation>();
  const schemes = compileSecuritySchemes(model);
  const operations: MockOperation[] = [];
  let defaultRoute: MockOperation | undefined;
  for (const op of model.operations) {
    const validatorConfig = op.validator ? asRecord(validators[op.validator.name]) : undefined;
    const parameters: MethodParameter[] = [];
    for (const p of op.parameters) {
      if (p.in === 'path' || p.in === 'query' || p.in === 'header') parameters.push({ name: p.name, in: p.in, required: p.required, sample: sampleOf(p.node) });
    }
    const mockOp: MockOperation = {
      method: op.method,
      resourcePath: op.path,
      resourceId: shortHash(op.path, 6),
      operationId: asText(toValue(getProperty(op.node, 'operationId')?.valueNode).value),
      parameters,
      bodySchemas: bodySchemas(op, set),
      validator:
        op.validator && validatorConfig
          ? { name: op.validator.name, body: validatorConfig.validateRequestBody === true, params: validatorConfig.validateRequestParameters === true }
          : undefined,
      integration: op.integration ? integrationConfig(op.integration.node, model.kind) : undefined,
      auth: methodAuthOf(op, model, schemes),
    };
    operations.push(mockOp);
    if (model.kind === 'HTTP' && op.path === '/$default') defaultRoute = mockOp;
    else routes.add(op.path, op.method, mockOp);
  }
  const compression = asNumber(toValue(getProperty(root, 'x-amazon-apigateway-minimum-compression-size')?.valueNode).value);
  const info = objectAt(getProperty(root, 'info')?.valueNode);
  return {
    kind: model.kind,
    title: asText(toValue(info && getProperty(info, 'title')?.valueNode).value) ?? 'API',
    apiId: shortHash(set.entry.uri, 10),
    operations,
    routes,
    defaultRoute,
    gatewayResponses: model.kind === 'REST' ? gatewayResponsesOf(root) : new Map(),
    binaryMediaTypes: model.kind === 'REST' ? asTextList(toValue(getProperty(root, 'x-amazon-apigateway-binary-media-types')?.valueNode).value) : [],
    minimumCompressionSize: model.kind === 'REST' && compression !== undefined && compression >= 0 ? compression : undefined,
    apiKeySource: asText(toValue(getProperty(root, 'x-amazon-apigateway-api-key-source')?.valueNode).value)?.toUpperCase() === 'AUTHORIZER' ? 'AUTHORIZER' : 'HEADER',
    cors: model.kind === 'HTTP' ? corsConfigOf(toValue(getProperty(root, 'x-amazon-apigateway-cors')?.valueNode).value) : undefined,
  };
}
