import type { ApiKind } from '../catalog/types';
import type { DocumentSet } from '../document/documentSet';
import { getProperty } from '../document/pointer';
import type { KeyNode, Position, PropertyNode, Range } from '../document/types';
import type { Diagnostic, Severity } from '../validate/diagnostic';
import type { ApiModel, HttpMethod, Operation } from './apiModel';
import { summarizeAuthorization } from './authorizationSummary';
import { summarizeIntegration, type IntegrationKind } from './integrationSummary';
import type { Resource } from './resources';
import { scalarText } from './scalars';

/*
 * The resource tree of one API definition as plain JSON, for any adapter to show (the VS
 * Code tree view asks for it over LSP). It carries text ready to display so adapters need
 * no API Gateway knowledge of their own.
 */

export type ProblemCounts = Record<Severity, number>;

export interface SourceLocation {
  uri: string;
  range: Range;
}

export interface TreeDetail {
  name: string;
  value: string;
}

export interface ApiTreeMethod {
  method: HttpMethod;
  /** The path template as written, e.g. `/books/{id}`. */
  path: string;
  integration: IntegrationKind;
  /** One line: integration, authorizer, API key. */
  description: string;
  /** Everything known about the method, one fact each, for a tooltip. */
  details: TreeDetail[];
  /** The method's key, where "reveal" puts the cursor. */
  location: SourceLocation;
  /** The whole operation: a cursor inside it is "in" this method. */
  span: SourceLocation;
  problems: ProblemCounts;
}

export interface ApiTreeResource {
  /** The segment as written (`{id}`, `{proxy+}`); '' for the root resource `/`. */
  segment: string;
  path: string;
  /** Where the path is written; undefined for resources only implied by deeper paths. */
  location: SourceLocation | undefined;
  span: SourceLocation | undefined;
  children: ApiTreeResource[];
  methods: ApiTreeMethod[];
  /** Problems inside this resource's path item and every resource below it. */
  problems: ProblemCounts;
}

export interface ApiTree {
  uri: string;
  /** `info.title`, else the file name. */
  name: string;
  kind: ApiKind;
  /** `REST API · OpenAPI 3.0.1`. */
  description: string;
  /** Where the title (else the version, else the start of the file) is written. */
  location: SourceLocation;
  /** Every file the definition reads through `$ref`, itself first: editing one changes this tree. */
  files: string[];
  /** Every problem of the definition, in all of its files. */
  problems: ProblemCounts;
  root: ApiTreeResource;
}

function noProblems(): ProblemCounts {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

function addProblems(into: ProblemCounts, from: ProblemCounts): void {
  for (const severity of Object.keys(into) as Severity[]) into[severity] += from[severity];
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function countWithin(span: SourceLocation, diagnostics: readonly Diagnostic[]): ProblemCounts {
  const counts = noProblems();
  for (const d of diagnostics) {
    if (d.uri === span.uri && before(span.range.start, d.range.start) && before(d.range.end, span.range.end)) counts[d.severity]++;
  }
  return counts;
}

class Locator {
  constructor(private readonly set: DocumentSet) {}

  of(node: KeyNode | PropertyNode): SourceLocation {
    const file = this.set.fileOf(node);
    return { uri: file.uri, range: file.parsed.lines.range(node.offset, node.length) };
  }
}

function methodNode(op: Operation, model: ApiModel, at: Locator, diagnostics: readonly Diagnostic[]): ApiTreeMethod {
  const integration = summarizeIntegration(op, model.kind);
  const { authorizer, apiKeyRequired } = summarizeAuthorization(op, model);
  const span = at.of(op.methodKey.parent);
  const details: TreeDetail[] = [{ name: 'Integration', value: integration.type ? `${integration.label} (${integration.type})` : integration.label }];
  if (integration.target) details.push({ name: 'Target', value: integration.target });
  details.push({ name: 'Authorization', value: authorizer ? `${authorizer.label}: ${authorizer.scheme}` : 'none' });
  details.push({ name: 'API key', value: apiKeyRequired ? 'required' : 'not required' });
  const operationId = scalarText(getProperty(op.node, 'operationId')?.valueNode);
  if (operationId) details.push({ name: 'Operation', value: operationId });
  const summary = scalarText(getProperty(op.node, 'summary')?.valueNode);
  if (summary) details.push({ name: 'Summary', value: summary });
  return {
    method: op.method,
    path: op.path,
    integration: integration.kind,
    description: [integration.label, authorizer?.label, apiKeyRequired ? 'API key' : undefined].filter((s) => s !== undefined).join(' · '),
    details,
    location: at.of(op.methodKey),
    span,
    problems: countWithin(span, diagnostics),
  };
}

function resourceNode(resource: Resource, model: ApiModel, at: Locator, diagnostics: readonly Diagnostic[]): ApiTreeResource {
  const written = model.operations.find((op) => op.path.split('/').filter((s) => s !== '').join('/') === resource.path.slice(1));
  const span = written ? at.of(written.pathKey.parent) : undefined;
  const children = resource.children.map((child) => resourceNode(child, model, at, diagnostics));
  const problems = span ? countWithin(span, diagnostics) : noProblems();
  for (const child of children) addProblems(problems, child.problems);
  return {
    segment: resource.segment,
    path: resource.path,
    location: written ? at.of(written.pathKey) : undefined,
    span,
    children,
    methods: resource.methods.map((op) => methodNode(op, model, at, diagnostics)),
    problems,
  };
}

function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The tree of the entry document of `set`; `diagnostics` are the definition's own (from `lintText`). */
export function buildApiTree(set: DocumentSet, model: ApiModel, diagnostics: readonly Diagnostic[]): ApiTree {
  const at = new Locator(set);
  const info = model.root && getProperty(model.root, 'info')?.valueNode;
  const title = info?.kind === 'object' ? getProperty(info, 'title') : undefined;
  const titleText = scalarText(title?.valueNode);
  const anchor = title ?? model.version?.node.parent;
  const problems = noProblems();
  for (const d of diagnostics) problems[d.severity]++;
  const version = model.version ? `${model.version.field === 'swagger' ? 'Swagger' : 'OpenAPI'} ${model.version.text}` : 'no OpenAPI version';
  return {
    uri: set.entry.uri,
    name: titleText?.trim() || fileName(set.entry.uri),
    kind: model.kind,
    description: `${model.kind} API · ${version}`,
    location: anchor?.kind === 'property' ? at.of(anchor.keyNode) : { uri: set.entry.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    files: set.files.map((f) => f.uri),
    problems,
    root: resourceNode(model.resources, model, at, diagnostics),
  };
}
