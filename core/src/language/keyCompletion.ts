import { EXTENSIONS, findExtension, GATEWAY_RESPONSES, INTEGRATION_SUBTYPES, specForKind } from '../catalog';
import type { FieldSpec, Placement } from '../catalog/types';
import { joinPointer, getProperty, nodeAtPointer } from '../document/pointer';
import { scalarText } from '../model/scalars';
import { ANY_METHOD, AUTHORIZER, INTEGRATION, integrationInner, INTEGRATIONS, isSecurityRequirement, matches, type ExtensionLocation } from './apiLocation';
import { authorizerBody, AUTHORIZER_TEMPLATES } from './authorizerTemplates';
import { catalogPlace } from './catalogPath';
import { kindFit, makeEntry, quotedFilter, type CompletionEntry, type CompletionEnv } from './completionEnv';
import { extensionMarkdown, fieldMarkdown, gatewayResponseMarkdown, typeText } from './fieldDocs';
import { entriesInsert, entryInsert, namedEntryInsert, partialInsert, propertyInsert } from './insertion';
import { INTEGRATION_TEMPLATES } from './integrationTemplates';
import {
  gatewayResponseParameterKeys,
  httpRequestParameterKeys,
  httpResponseParameterKeys,
  restRequestParameterKeys,
  restResponseParameterKeys,
  type Candidate,
} from './mappingExpressions';
import { snippetPreview } from './snippetPreview';
import { shiftTabStops, SnippetText, tabStops, type Template } from './templateRender';

/** Media types worth offering as template keys, after the ones the operation declares. */
const COMMON_MEDIA_TYPES = ['application/json', 'application/xml', 'text/plain', 'text/html', 'application/x-www-form-urlencoded'];

/** Lower-cased `type` of the nearest object around the path, up to the extension (integration or authorizer type). */
function ownerType(env: CompletionEnv, ext: ExtensionLocation): string | undefined {
  const root = env.file.parsed.root;
  const local = env.ctx.path;
  const depth = ext.inner.length;
  for (let up = 0; up <= depth; up++) {
    const node = nodeAtPointer(root, joinPointer(local.slice(0, local.length - up)));
    const type = node?.kind === 'object' ? scalarText(getProperty(node, 'type')?.valueNode) : undefined;
    if (type) return type.toLowerCase();
  }
  return undefined;
}

function templateEntries(env: CompletionEnv, insert: (body: { readonly [key: string]: Template }) => string, labelPrefix: string, filterText: string | undefined): CompletionEntry[] {
  return INTEGRATION_TEMPLATES.flatMap((t) => {
    const fit = kindFit(env, [t.kind]);
    if (!fit.offer) return [];
    const text = insert(t.body);
    return [
      makeEntry(env, `${labelPrefix}${t.label}${fit.note}`, text, {
        kind: 'snippet',
        detail: `${t.kind} integration`,
        documentation: `${t.description}\n\n${snippetPreview(text, env.ctx.format)}`,
        rank: 2 + fit.rank,
        filterText,
      }),
    ];
  });
}

function authorizerEntries(env: CompletionEnv, insert: (body: Template) => string, labelPrefix: string, filterText: string | undefined): CompletionEntry[] {
  return AUTHORIZER_TEMPLATES.flatMap((t) => {
    const fit = kindFit(env, [t.kind]);
    if (!fit.offer) return [];
    const text = insert(authorizerBody(t));
    return [
      makeEntry(env, `${labelPrefix}${t.label}${fit.note}`, text, {
        kind: 'snippet',
        detail: `${t.kind} authorizer`,
        documentation: `${t.description}\n\n${snippetPreview(text, env.ctx.format)}`,
        rank: 2 + fit.rank,
        filterText,
      }),
    ];
  });
}

function placementKeys(env: CompletionEnv, placement: Placement): CompletionEntry[] {
  const { ctx } = env;
  const out: CompletionEntry[] = [];
  for (const ext of EXTENSIONS) {
    if (!ext.placements.includes(placement) || env.existing.has(ext.name)) continue;
    const fit = kindFit(env, ext.apiKinds);
    if (!fit.offer) continue;
    out.push(
      makeEntry(env, ext.name, propertyInsert(ext.name, ext.value, ctx, env.kind), {
        kind: 'property',
        detail: `${ext.summary}${fit.note}`,
        documentation: extensionMarkdown(ext, env.kind),
        rank: fit.rank,
      }),
    );
  }
  if (placement === 'operation' && !env.existing.has(INTEGRATION) && !ctx.colonFollows) {
    out.push(...templateEntries(env, (body) => entryInsert(INTEGRATION, body, ctx), `${INTEGRATION}: `, quotedFilter(ctx, INTEGRATION)));
  }
  if (placement === 'operation' && env.path[2] === ANY_METHOD) {
    const anyMethod = findExtension(ANY_METHOD);
    if (anyMethod) out.push(...objectProperties(env, { spec: anyMethod, at: env.path, inner: [], placement: 'pathItem' }, anyMethod.value));
  }
  if (placement === 'securityScheme' && !env.existing.has(AUTHORIZER) && !ctx.colonFollows) {
    out.push(...authorizerEntries(env, (body) => entryInsert(AUTHORIZER, body, ctx), `${AUTHORIZER}: `, quotedFilter(ctx, AUTHORIZER)));
  }
  return out;
}

function objectProperties(env: CompletionEnv, ext: ExtensionLocation, spec: FieldSpec): CompletionEntry[] {
  const owner = ownerType(env, ext);
  const out: CompletionEntry[] = [];
  for (const [name, field] of Object.entries(spec.properties ?? {})) {
    if (env.existing.has(name)) continue;
    const fit = kindFit(env, field.apiKinds);
    if (!fit.offer) continue;
    if (field.appliesTo && owner && !field.appliesTo.includes(owner)) continue;
    const place = catalogPlace(ext, [...ext.inner, name]);
    out.push(
      makeEntry(env, name, propertyInsert(name, field, env.ctx, env.kind), {
        kind: 'property',
        detail: `${typeText(field)}${field.required ? ', required' : ''}${fit.note}`,
        documentation: fieldMarkdown({ name, spec: field, owner: place.owner, page: place.page }, env.kind),
        rank: (field.required ? 0 : 1) + fit.rank,
      }),
    );
  }
  return out;
}

function candidateKeys(env: CompletionEnv, candidates: readonly Candidate[], valueSpec: FieldSpec | undefined, detail: string): CompletionEntry[] {
  return candidates
    .filter((c) => !env.existing.has(c.value))
    .map((c) => {
      const partial = c.value.endsWith('.');
      const text = partial ? partialInsert(c.value, env.ctx, true) : propertyInsert(c.value, valueSpec, env.ctx, env.kind);
      return makeEntry(env, c.value, text, { kind: 'property', detail, documentation: c.doc, rank: partial ? 1 : 0 });
    });
}

function mediaTypes(env: CompletionEnv): string[] {
  const declared: string[] = [];
  const body = env.operation ? getProperty(env.operation.node, 'requestBody')?.valueNode : undefined;
  const content = body?.kind === 'object' ? getProperty(body, 'content')?.valueNode : undefined;
  for (const prop of content?.kind === 'object' ? content.properties : []) declared.push(prop.keyNode.value);
  return [...new Set([...declared, ...COMMON_MEDIA_TYPES])];
}

/** Status codes the operation declares, for integration responses and HTTP API response mappings. */
export function declaredStatuses(env: CompletionEnv): Array<{ code: string; doc: string }> {
  const out: Array<{ code: string; doc: string }> = [];
  for (const [code, { node }] of env.operation?.responses ?? []) {
    if (!/^[1-5]\d\d$/.test(code)) continue;
    const description = node.kind === 'object' ? scalarText(getProperty(node, 'description')?.valueNode) : undefined;
    out.push({ code, doc: description ? `Declared on the operation: ${description}` : 'Declared on the operation.' });
  }
  return out;
}

function selectionPatterns(env: CompletionEnv, valueSpec: FieldSpec | undefined): CompletionEntry[] {
  const statuses = declaredStatuses(env).map((s) => s.code);
  const patterns: Array<{ key: string; status: string; doc: string }> = [{ key: 'default', status: statuses.find((s) => s.startsWith('2')) ?? '200', doc: 'The response used when no other pattern matches.' }];
  for (const family of ['4', '5']) {
    const status = statuses.find((s) => s.startsWith(family));
    if (status) patterns.push({ key: `${family}\\d{2}`, status, doc: `Back-end statuses ${family}xx (for Lambda, an error message matching the pattern).` });
  }
  return patterns
    .filter((p) => !env.existing.has(p.key))
    .map((p) =>
      makeEntry(env, p.key, env.ctx.colonFollows ? propertyInsert(p.key, valueSpec, env.ctx, env.kind) : entryInsert(p.key, { statusCode: tabStops(`\${1:${p.status}}`, { quotedInYaml: true }) }, env.ctx), {
        kind: 'property',
        detail: 'selection pattern',
        documentation: p.doc,
      }),
    );
}

function gatewayResponseTypes(env: CompletionEnv, valueSpec: FieldSpec | undefined): CompletionEntry[] {
  return GATEWAY_RESPONSES.filter((r) => !env.existing.has(r.type)).map((r) =>
    makeEntry(env, r.type, propertyInsert(r.type, valueSpec, env.ctx, env.kind), {
      kind: 'property',
      detail: r.defaultStatusCode ? `default status ${r.defaultStatusCode}` : 'applies to every type not customized',
      documentation: gatewayResponseMarkdown(r.type),
      rank: r.type.startsWith('DEFAULT_') ? 0 : 1,
    }),
  );
}

const CANNED_VALIDATORS: ReadonlyArray<{ name: string; body: boolean; params: boolean }> = [
  { name: 'all', body: true, params: true },
  { name: 'params-only', body: false, params: true },
  { name: 'body-only', body: true, params: false },
];

function mapKeys(env: CompletionEnv, ext: ExtensionLocation, spec: FieldSpec): CompletionEntry[] {
  const valueSpec = spec.values ? specForKind(spec.values, env.kind) : undefined;
  const inner = integrationInner(ext);
  const name = ext.spec.name;
  const templates = matches(inner, ['requestTemplates']) || matches(inner, ['responses', '*', 'responseTemplates']) || (name === 'x-amazon-apigateway-gateway-responses' && matches(ext.inner, ['*', 'responseTemplates']));
  if (templates) return candidateKeys(env, mediaTypes(env).map((m) => ({ value: m, doc: `Template for ${m} bodies.` })), valueSpec, 'media type');
  if (matches(inner, ['responses'])) return selectionPatterns(env, valueSpec);
  if (matches(inner, ['requestParameters'])) {
    if (env.kind === 'REST') return candidateKeys(env, restRequestParameterKeys(env.operation), valueSpec, 'integration request parameter');
    const integration = nodeAtPointer(env.file.parsed.root, joinPointer(env.ctx.path.slice(0, -1)));
    const subtype = integration?.kind === 'object' ? scalarText(getProperty(integration, 'integrationSubtype')?.valueNode) : undefined;
    const params = subtype !== undefined ? INTEGRATION_SUBTYPES[subtype] : undefined;
    if (subtype !== undefined && params) {
      const required = params.required.map((p) => ({ value: p, doc: `Required parameter of ${subtype}.` }));
      const optional = params.optional.map((p) => ({ value: p, doc: `Optional parameter of ${subtype}.` }));
      return [...candidateKeys(env, required, valueSpec, `${subtype}, required`), ...candidateKeys(env, optional, valueSpec, subtype).map((e) => ({ ...e, sortText: `2${e.sortText}` }))];
    }
    return candidateKeys(env, httpRequestParameterKeys(), valueSpec, 'parameter mapping');
  }
  if (matches(inner, ['responses', '*', 'responseParameters'])) return candidateKeys(env, restResponseParameterKeys(env.operation), valueSpec, 'method response header');
  if (matches(inner, ['responseParameters'])) return candidateKeys(env, declaredStatuses(env).map((s) => ({ value: s.code, doc: s.doc })), valueSpec, 'integration status');
  if (matches(inner, ['responseParameters', '*'])) return candidateKeys(env, httpResponseParameterKeys(), valueSpec, 'response mapping');
  if (name === 'x-amazon-apigateway-gateway-responses' && ext.inner.length === 0) return gatewayResponseTypes(env, valueSpec);
  if (name === 'x-amazon-apigateway-gateway-responses' && matches(ext.inner, ['*', 'responseParameters'])) return candidateKeys(env, gatewayResponseParameterKeys(), valueSpec, 'gateway response parameter');
  if (name === 'x-amazon-apigateway-request-validators' && ext.inner.length === 0) {
    return CANNED_VALIDATORS.filter((v) => !env.existing.has(v.name)).map((v) =>
      makeEntry(env, v.name, entryInsert(v.name, { validateRequestBody: v.body, validateRequestParameters: v.params }, env.ctx), {
        kind: 'snippet',
        detail: 'request validator',
        documentation: `Validates the request ${[v.body ? 'body' : '', v.params ? 'parameters' : ''].filter(Boolean).join(' and ')}.`,
      }),
    );
  }
  if (name === INTEGRATIONS && ext.inner.length === 0 && !env.ctx.colonFollows) {
    return templateEntries(env, (body) => namedEntryInsert('${1:my-integration}', shiftBody(body), env.ctx), '', undefined);
  }
  return [];
}

/** A template's stops moved up by one, so that a name before it can be stop 1. */
function shiftBody(body: { readonly [key: string]: Template }): { readonly [key: string]: Template } {
  const shift = (t: Template): Template => {
    if (t instanceof SnippetText) return tabStops(shiftTabStops(t.text, 1), { quotedInYaml: t.quotedInYaml });
    if (typeof t !== 'object') return t;
    if (Array.isArray(t)) return t.map(shift);
    return Object.fromEntries(Object.entries(t as { readonly [key: string]: Template }).map(([k, v]) => [k, shift(v)]));
  };
  return shift(body) as { readonly [key: string]: Template };
}

function extensionKeys(env: CompletionEnv, ext: ExtensionLocation): CompletionEntry[] {
  const place = catalogPlace(ext);
  if (!place.spec) return [];
  const spec = specForKind(place.spec, env.kind);
  if (spec.type === 'map') return mapKeys(env, ext, spec);
  if (spec.type !== 'object') return [];
  const out = objectProperties(env, ext, spec);
  // An empty integration or authorizer: offer whole bodies too.
  if (env.existing.size === 0 && integrationInner(ext)?.length === 0) out.push(...templateEntries(env, (body) => entriesInsert(body, env.ctx), '', undefined));
  if (env.existing.size === 0 && ext.spec.name === AUTHORIZER && ext.inner.length === 0) {
    out.push(...authorizerEntries(env, (body) => entriesInsert(body as { readonly [key: string]: Template }, env.ctx), '', undefined));
  }
  return out;
}

function schemeNames(env: CompletionEnv): CompletionEntry[] {
  return [...env.model.securitySchemes.values()]
    .filter((s) => !env.existing.has(s.name))
    .map((s) =>
      makeEntry(env, s.name, entryInsert(s.name, [], env.ctx), {
        kind: 'reference',
        detail: `security scheme${s.authorizer ? ' with authorizer' : ''}`,
        documentation: `Requires the security scheme ${s.name}${s.type ? ` (${s.type})` : ''}.`,
      }),
    );
}

function schemeSnippets(env: CompletionEnv): CompletionEntry[] {
  if (env.ctx.colonFollows) return [];
  return AUTHORIZER_TEMPLATES.flatMap((t) => {
    const fit = kindFit(env, [t.kind]);
    if (!fit.offer) return [];
    const text = namedEntryInsert(`\${1:${t.name}}`, t.scheme, env.ctx);
    return [
      makeEntry(env, `${t.label} authorizer${fit.note}`, text, {
        kind: 'snippet',
        detail: `${t.kind} security scheme`,
        documentation: `${t.description}\n\n${snippetPreview(text, env.ctx.format)}`,
        rank: fit.rank,
        filterText: quotedFilter(env.ctx, `${t.name} ${t.label}`),
      }),
    ];
  });
}

function isSchemeMap(path: readonly string[]): boolean {
  return (path.length === 2 && path[0] === 'components' && path[1] === 'securitySchemes') || (path.length === 1 && path[0] === 'securityDefinitions');
}

/** Keys to offer at the cursor: extension keys, catalog properties, map keys, references, snippets. */
export function keyCompletions(env: CompletionEnv): CompletionEntry[] {
  const { path, location } = env;
  if (isSecurityRequirement(path)) return schemeNames(env);
  if (isSchemeMap(path)) return schemeSnippets(env);
  // The ANY method is both an operation and an extension: as an operation it gets every key.
  if (location.placement) return placementKeys(env, location.placement);
  if (location.extension) return extensionKeys(env, location.extension);
  return [];
}
