import { appliesToKind, GATEWAY_RESPONSES, specForKind } from '../catalog';
import type { ApiKind, ExtensionSpec, FieldSpec, FormatName, Placement } from '../catalog/types';

/*
 * Markdown for the catalog's entries, shared by hover and by the documentation of
 * completion items, so both always say the same thing.
 */

const KIND_NAME: Record<ApiKind, string> = { REST: 'REST APIs', HTTP: 'HTTP APIs' };
const OTHER: Record<ApiKind, ApiKind> = { REST: 'HTTP', HTTP: 'REST' };

const PLACEMENT_NAME: Record<Placement, string> = {
  root: 'the top level',
  pathItem: 'a path item',
  operation: 'an operation',
  securityScheme: 'a security scheme',
  server: 'a `servers` entry',
  components: '`components`',
  tag: 'a `tags` entry',
};

const FORMAT_NAME: Record<FormatName, string> = {
  lambdaInvokeUri: 'Lambda invoke URI (`arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations`)',
  lambdaStreamingUri: 'Lambda response-streaming URI',
  lambdaFunctionArn: 'Lambda function ARN',
  awsServiceUri: 'AWS service URI (`arn:aws:apigateway:<region>:<service>:path|action/...`)',
  httpUrl: 'http(s) URL',
  elbListenerArn: 'load balancer listener ARN',
  cloudMapServiceArn: 'Cloud Map service ARN',
  iamRoleArn: 'IAM role ARN',
  integrationCredentials: 'IAM role ARN, or `arn:aws:iam::*:user/*` for the caller\'s identity',
  integrationUri: 'Lambda invoke URI, AWS service URI, http(s) URL, or a listener or Cloud Map ARN',
  cognitoUserPoolArn: 'Cognito user pool ARN',
  regex: 'regular expression',
  statusCode: 'HTTP status code such as "200"',
  mediaType: 'media type such as `application/json`',
  httpUri: 'https URL',
};

function kindsText(kinds: readonly ApiKind[] | undefined): string {
  if (!kinds || kinds.length === 2) return 'REST and HTTP APIs';
  return `${KIND_NAME[kinds[0]]} only`;
}

function code(value: string | number | boolean): string {
  return `\`${String(value)}\``;
}

function rangeText(spec: FieldSpec): string | undefined {
  if (spec.minimum !== undefined && spec.maximum !== undefined) return `${spec.minimum} to ${spec.maximum}`;
  if (spec.minimum !== undefined) return `at least ${spec.minimum}`;
  if (spec.maximum !== undefined) return `at most ${spec.maximum}`;
  return undefined;
}

function lengthText(spec: FieldSpec): string | undefined {
  if (spec.minLength !== undefined && spec.maxLength !== undefined) return `${spec.minLength} to ${spec.maxLength} characters`;
  if (spec.maxLength !== undefined) return `at most ${spec.maxLength} characters`;
  if (spec.minLength !== undefined) return `at least ${spec.minLength} characters`;
  return undefined;
}

/** `integer`, `array of string`, `map of object`... */
export function typeText(spec: FieldSpec): string {
  const also = spec.alsoAccepts?.length ? ` (or ${spec.alsoAccepts.join(', ')})` : '';
  if (spec.type === 'array' && spec.items) return `array of ${spec.items.type}${also}`;
  if (spec.type === 'map' && spec.values) return `map of ${spec.values.type}${also}`;
  return `${spec.type}${also}`;
}

/** The facts lines of a field: values, default, range, format, applicability, as `kind` sees them. */
function factLines(raw: FieldSpec, kind: ApiKind): string[] {
  const spec = specForKind(raw, kind);
  const lines: string[] = [];
  if (spec.enum?.length) {
    const scope = raw.enumByKind ? ` (${KIND_NAME[kind]})` : '';
    const letterCase = spec.enumCaseInsensitive ? ', in any letter case' : '';
    lines.push(`Allowed${scope}: ${spec.enum.map(code).join(', ')}${letterCase}`);
    const otherOnly = raw.enumByKind?.[OTHER[kind]]?.filter((v) => !spec.enum?.includes(v)) ?? [];
    if (otherOnly.length) lines.push(`${KIND_NAME[OTHER[kind]]} only: ${otherOnly.map(code).join(', ')}`);
  } else if (spec.suggestions?.length) lines.push(`Usual values: ${spec.suggestions.map(code).join(', ')}`);
  // Where the kinds differ, say which kind these figures are for.
  const forKind = raw.byKind?.[kind] ? ` (${KIND_NAME[kind]})` : '';
  if (spec.default !== undefined) lines.push(`Default${forKind}: ${code(spec.default)}`);
  const range = rangeText(spec);
  if (range) lines.push(`Range${forKind}: ${range}`);
  const other = raw.byKind?.[OTHER[kind]];
  if (other) {
    const otherRange = rangeText({ ...raw, ...other });
    const otherDefault = other.default;
    const parts = [otherRange && otherRange !== range ? `range ${otherRange}` : undefined, otherDefault !== undefined && otherDefault !== spec.default ? `default ${code(otherDefault)}` : undefined].filter(Boolean);
    if (parts.length) lines.push(`${KIND_NAME[OTHER[kind]]}: ${parts.join(', ')}`);
  }
  const length = lengthText(spec);
  if (length) lines.push(`Length: ${length}`);
  if (spec.format) lines.push(`Format: ${FORMAT_NAME[spec.format]}`);
  if (spec.pattern) lines.push(`Pattern: \`${spec.pattern}\``);
  if (spec.keyDoc) lines.push(`Keys: ${spec.keyDoc}`);
  if (spec.required) lines.push('Required');
  lines.push(`Applies to: ${kindsText(raw.apiKinds)}${appliesToKind(raw, kind) ? '' : ` — this document is an ${kind} API, which ignores it`}`);
  if (spec.appliesTo?.length) lines.push(`Only when \`type\` is ${spec.appliesTo.map(code).join(' or ')}`);
  if (spec.verified === false) lines.push('Not confirmed by AWS documentation: checks built on it only warn');
  return lines;
}

function link(title: string, page: string): string {
  return `[AWS documentation: ${title}](${page})`;
}

export interface FieldDocTarget {
  name: string;
  spec: FieldSpec;
  /** Dotted path for the heading, e.g. `x-amazon-apigateway-integration.responses`. */
  owner: string;
  /** The nearest page: the field's own, or its sub-object's, or the extension's. */
  page: { title: string; url: string };
}

export function fieldMarkdown(target: FieldDocTarget, kind: ApiKind): string {
  const { name, spec, owner, page } = target;
  const parts = [`**\`${name}\`** · ${typeText(spec)} · in \`${owner}\``, spec.doc, factLines(spec, kind).map((l) => `- ${l}`).join('\n'), link(page.title, page.url)];
  return parts.join('\n\n');
}

export function extensionMarkdown(ext: ExtensionSpec, kind: ApiKind): string {
  const lines = factLines({ ...ext.value, apiKinds: ext.apiKinds }, kind);
  lines.push(`Written in ${ext.placements.map((p) => PLACEMENT_NAME[p]).join(' or ')}`);
  if (ext.unverifiedKinds?.length) lines.push(`Support by ${ext.unverifiedKinds.map((k) => KIND_NAME[k]).join(', ')} is not confirmed`);
  const parts = [`**${ext.name}** · ${typeText(ext.value)}`, `${ext.summary}.`, ext.doc];
  if (ext.value.type !== 'object' && ext.value.type !== 'map' && ext.value.doc) parts.push(`Value: ${ext.value.doc}`);
  parts.push(lines.map((l) => `- ${l}`).join('\n'), link(ext.name, ext.page));
  return parts.join('\n\n');
}

export function placementName(placement: Placement): string {
  return PLACEMENT_NAME[placement];
}

export function gatewayResponseMarkdown(type: string): string {
  const r = GATEWAY_RESPONSES.find((g) => g.type === type);
  if (!r) return '';
  const lines = [`**${r.type}** · gateway response type`, r.doc];
  const facts = [r.defaultStatusCode ? `Default status: \`${r.defaultStatusCode}\`` : 'No status of its own: a statusCode here applies to every type that falls back to it'];
  if (r.fallsBackTo) facts.push(`When not customized: ${r.fallsBackTo} applies`);
  if (r.customizable === false) facts.push('The guide once said this type cannot be customized');
  if (r.verified === false) facts.push('Its fallback is not documented');
  lines.push(facts.map((f) => `- ${f}`).join('\n'));
  return lines.join('\n\n');
}
