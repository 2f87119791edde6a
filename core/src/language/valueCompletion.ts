import { findGatewayResponse, REST_CONTEXT_DATA_TRANSFORM, specForKind, VTL_INPUT, VTL_UTIL } from '../catalog';
import type { FieldSpec } from '../catalog/types';
import { AUTHORIZER, integrationInner, isSecurityRequirement, matches, type ExtensionLocation } from './apiLocation';
import { authorizerBody, AUTHORIZER_TEMPLATES } from './authorizerTemplates';
import { catalogPlace } from './catalogPath';
import { kindFit, makeEntry, type CompletionEntry, type CompletionEnv } from './completionEnv';
import { valueInsert, objectValueInsert, partialInsert, snippetValueInsert, type Scalar } from './insertion';
import { INTEGRATION_TEMPLATES } from './integrationTemplates';
import { declaredStatuses } from './keyCompletion';
import {
  cacheKeyParameters,
  gatewayResponseParameterValues,
  httpRequestParameterValues,
  httpResponseParameterValues,
  identitySources,
  restRequestParameterValues,
  restResponseParameterValues,
  type Candidate,
} from './mappingExpressions';
import { refCandidates } from './refTargets';
import { snippetPreview } from './snippetPreview';
import { escapeSnippet } from './templateRender';

const LAMBDA_URI_SNIPPET = 'arn:aws:apigateway:${1:us-east-1}:lambda:path/2015-03-31/functions/arn:aws:lambda:${1}:${2:123456789012}:function:${3:my-function}/invocations';
const BINARY_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/*', 'application/octet-stream', 'application/pdf', 'multipart/form-data', '*/*'];
const CORS_METHODS = ['*', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
const CORS_HEADERS = ['*', 'content-type', 'authorization', 'x-api-key', 'x-amz-date', 'x-amz-security-token'];

function scalarEntries(env: CompletionEnv, values: ReadonlyArray<{ value: Scalar; doc?: string; detail?: string; rank?: number }>): CompletionEntry[] {
  return values.map((v) =>
    makeEntry(env, String(v.value), valueInsert(v.value, env.ctx), { kind: 'enum', detail: v.detail, documentation: v.doc, rank: v.rank }),
  );
}

function candidateValues(env: CompletionEnv, candidates: readonly Candidate[], detail: string): CompletionEntry[] {
  return candidates.map((c) => {
    const partial = c.value.endsWith('.') || c.value.endsWith("''");
    const text = partial ? partialInsert(c.value.endsWith("''") ? c.value.slice(0, -1) : c.value, env.ctx, false) : valueInsert(c.value, env.ctx);
    return makeEntry(env, c.value, text, { kind: 'value', detail, documentation: c.doc, rank: partial ? 1 : 0 });
  });
}

/** Values of a field from the catalog: its enum (this kind's first), booleans, usual values. */
function catalogValues(env: CompletionEnv, raw: FieldSpec): CompletionEntry[] {
  const spec = specForKind(raw, env.kind);
  const doc = spec.doc;
  if (spec.type === 'boolean') return scalarEntries(env, [true, false].map((value) => ({ value, doc, detail: value === spec.default ? 'default' : undefined })));
  const values: Array<{ value: Scalar; doc?: string; detail?: string; rank?: number }> = [];
  for (const value of spec.enum ?? []) values.push({ value, doc, detail: value === spec.default ? 'default' : undefined });
  if (env.kindOpen) {
    for (const value of raw.enum ?? []) {
      if (!spec.enum?.includes(value)) values.push({ value, doc, detail: `${spec.enumByKind ? 'other API kind' : ''}`, rank: 5 });
    }
  }
  for (const value of spec.suggestions ?? []) values.push({ value, doc });
  if (values.length === 0 && spec.default !== undefined) values.push({ value: spec.default, doc, detail: 'default' });
  return scalarEntries(env, values);
}

/** In a mapping template: `$context`, `$input`, `$util` and stage variables, replacing only the word typed. */
function templateVariables(env: CompletionEnv, gatewayResponse: boolean): CompletionEntry[] {
  const word = /[\w.$]*$/.exec(env.ctx.prefix)?.[0] ?? '';
  if (!word.startsWith('$')) return [];
  const start = env.offset - word.length;
  const variables: Array<Candidate & { snippet: string }> = REST_CONTEXT_DATA_TRANSFORM.filter((name) => !name.includes('*')).map((name) => ({
    value: `$context.${name}`,
    doc: `The $context variable ${name}.`,
    snippet: escapeSnippet(`$context.${name}`),
  }));
  variables.push({ value: '$stageVariables.', doc: 'A stage variable: add its name.', snippet: '\\$stageVariables.' });
  if (!gatewayResponse) {
    for (const member of VTL_INPUT) variables.push({ value: member.form, doc: member.doc, snippet: vtlSnippet(member.form, false) });
    for (const member of VTL_UTIL) variables.push({ value: member.form, doc: member.doc, snippet: vtlSnippet(member.form, true) });
  }
  return variables.map((v) => ({ ...makeEntry(env, v.value, v.snippet, { kind: 'variable', documentation: v.doc, start, filterText: v.value }), end: env.offset }));
}

/** A VTL form with its argument as a tab stop: a JSONPath for json/path, a name for params, a value for $util. */
function vtlSnippet(form: string, takesValue: boolean): string {
  const escaped = escapeSnippet(form);
  if (escaped.endsWith('(x)')) return `${escaped.slice(0, -3)}('\${1:${form.includes('params') ? 'name' : '\\$'}}')`;
  if (takesValue && escaped.endsWith('()')) return `${escaped.slice(0, -1)}$1)`;
  return escaped;
}

function objectSnippets(env: CompletionEnv, ext: ExtensionLocation): CompletionEntry[] {
  const { ctx } = env;
  // Block YAML: the value goes on the lines below, so the edit starts right after the colon.
  let start = ctx.replaceStart;
  if (ctx.format === 'yaml' && !ctx.flow) while (start > 0 && (env.file.parsed.text[start - 1] === ' ' || env.file.parsed.text[start - 1] === '\t')) start--;
  if (integrationInner(ext)?.length === 0) {
    return INTEGRATION_TEMPLATES.flatMap((t) => {
      const fit = kindFit(env, [t.kind]);
      if (!fit.offer) return [];
      const text = objectValueInsert(t.body, ctx);
      return [makeEntry(env, `${t.label}${fit.note}`, text, { kind: 'snippet', detail: `${t.kind} integration`, documentation: `${t.description}\n\n${snippetPreview(text, ctx.format)}`, rank: fit.rank, start, filterText: t.label })];
    });
  }
  if (ext.spec.name === AUTHORIZER && ext.inner.length === 0) {
    return AUTHORIZER_TEMPLATES.flatMap((t) => {
      const fit = kindFit(env, [t.kind]);
      if (!fit.offer) return [];
      const text = objectValueInsert(authorizerBody(t), ctx);
      return [makeEntry(env, `${t.label}${fit.note}`, text, { kind: 'snippet', detail: `${t.kind} authorizer`, documentation: `${t.description}\n\n${snippetPreview(text, ctx.format)}`, rank: fit.rank, start, filterText: t.label })];
    });
  }
  return [];
}

function snippetValue(env: CompletionEnv, label: string, snippet: string, doc: string): CompletionEntry {
  return makeEntry(env, label, snippetValueInsert(snippet, env.ctx), { kind: 'snippet', documentation: doc });
}

/** Values that come from the document rather than the catalog: declared names, mapping expressions, statuses. */
function documentValues(env: CompletionEnv, ext: ExtensionLocation): CompletionEntry[] | undefined {
  const inner = integrationInner(ext);
  const name = ext.spec.name;
  if (name === 'x-amazon-apigateway-request-validator') {
    return scalarEntries(env, [...env.model.requestValidators.keys()].map((v) => ({ value: v, doc: `The request validator ${v}, declared in x-amazon-apigateway-request-validators.` })));
  }
  if (matches(inner, ['responses', '*', 'statusCode'])) return scalarEntries(env, declaredStatuses(env).map((s) => ({ value: s.code, doc: s.doc })));
  if (matches(inner, ['requestParameters', '*'])) {
    return candidateValues(env, env.kind === 'REST' ? restRequestParameterValues(env.operation) : httpRequestParameterValues(env.operation), 'mapping expression');
  }
  if (matches(inner, ['responses', '*', 'responseParameters', '*'])) return candidateValues(env, restResponseParameterValues(), 'mapping expression');
  if (matches(inner, ['responseParameters', '*', '*'])) return candidateValues(env, httpResponseParameterValues(), 'mapping expression');
  if (matches(inner, ['cacheKeyParameters', '*'])) return candidateValues(env, cacheKeyParameters(env.operation), 'method request parameter');
  if (matches(inner, ['uri'])) {
    return [snippetValue(env, 'Lambda invoke URI', LAMBDA_URI_SNIPPET, 'Invokes a Lambda function.'), snippetValue(env, 'https://', 'https://${1:backend.example.com}/${2:path}', 'An HTTP endpoint.')];
  }
  if (name === 'x-amazon-apigateway-gateway-responses' && matches(ext.inner, ['*', 'statusCode'])) {
    const own = findGatewayResponse(ext.inner[0])?.defaultStatusCode;
    const codes = [...new Set([own, '400', '401', '403', '404', '429', '500', '502', '504'].filter((c): c is string => c !== undefined && c !== null))];
    return scalarEntries(env, codes.map((code) => ({ value: code, detail: code === own ? `default of ${ext.inner[0]}` : undefined })));
  }
  if (name === 'x-amazon-apigateway-gateway-responses' && matches(ext.inner, ['*', 'responseParameters', '*'])) return candidateValues(env, gatewayResponseParameterValues(), 'mapping expression');
  if (name === AUTHORIZER && matches(ext.inner, ['identitySource'])) return candidateValues(env, identitySources(env.kind), 'identity source');
  if (name === AUTHORIZER && matches(ext.inner, ['authorizerUri'])) return [snippetValue(env, 'Lambda invoke URI', LAMBDA_URI_SNIPPET, 'The authorizer function.')];
  if (name === AUTHORIZER && matches(ext.inner, ['providerARNs', '*'])) {
    return [snippetValue(env, 'Cognito user pool ARN', 'arn:aws:cognito-idp:${1:us-east-1}:${2:123456789012}:userpool/${3:us-east-1_AbCdEf123}', 'A user pool whose tokens are accepted.')];
  }
  if (name === 'x-amazon-apigateway-binary-media-types' && ext.inner.length === 1) return scalarEntries(env, BINARY_MEDIA_TYPES.map((value) => ({ value })));
  if (name === 'x-amazon-apigateway-cors' && matches(ext.inner, ['allowMethods', '*'])) return scalarEntries(env, CORS_METHODS.map((value) => ({ value })));
  if (name === 'x-amazon-apigateway-cors' && matches(ext.inner, ['allowHeaders', '*'])) return scalarEntries(env, CORS_HEADERS.map((value) => ({ value })));
  if (name === 'x-amazon-apigateway-cors' && matches(ext.inner, ['allowOrigins', '*'])) return scalarEntries(env, [{ value: '*' }, { value: 'https://example.com' }]);
  return undefined;
}

function isTemplateText(ext: ExtensionLocation): { gatewayResponse: boolean } | undefined {
  const inner = integrationInner(ext);
  if (matches(inner, ['requestTemplates', '*']) || matches(inner, ['responses', '*', 'responseTemplates', '*'])) return { gatewayResponse: false };
  if (ext.spec.name === 'x-amazon-apigateway-gateway-responses' && matches(ext.inner, ['*', 'responseTemplates', '*'])) return { gatewayResponse: true };
  return undefined;
}

/** Values to offer at the cursor. */
export function valueCompletions(env: CompletionEnv): CompletionEntry[] {
  const { path } = env;
  if (path[path.length - 1] === '$ref') {
    return refCandidates(env.set, env.file, env.ctx.path).map((c) =>
      makeEntry(env, c.ref, valueInsert(c.ref, env.ctx), { kind: 'reference', detail: c.where }),
    );
  }
  if (isSecurityRequirement(path.slice(0, -1))) return [makeEntry(env, '[]', '[]', { kind: 'value', documentation: 'No scopes: what API keys and Lambda authorizers take.' })];
  const ext = env.location.extension;
  if (!ext) return [];
  const template = isTemplateText(ext);
  if (template) return templateVariables(env, template.gatewayResponse);
  if (env.ctx.inText) return [];
  const fromDocument = documentValues(env, ext);
  if (fromDocument) return fromDocument;
  const place = catalogPlace(ext);
  if (!place.spec) return [];
  if (place.spec.type === 'object') return objectSnippets(env, ext);
  return catalogValues(env, place.spec);
}
