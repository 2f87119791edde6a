import type { LoadedFile } from '../document/documentSet';
import { getProperty } from '../document/pointer';
import type { KeyNode, ObjectNode, PropertyNode, Range, ValueNode } from '../document/types';
import type { Operation } from '../model/apiModel';
import { summarizeIntegration } from '../model/integrationSummary';
import type { Resource } from '../model/resources';
import { scalarText } from '../model/scalars';
import type { Analysis } from './symbolLinks';

/** The LSP symbol kinds the outline uses, by name; adapters map them to their numbers. */
export type SymbolKind = 'module' | 'namespace' | 'package' | 'method' | 'function' | 'key' | 'property' | 'event' | 'struct';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole node, children included. */
  range: Range;
  /** The name: a key, or the title. */
  selectionRange: Range;
  children: DocumentSymbol[];
}

function objectAt(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function union(ranges: readonly Range[]): Range {
  let { start, end } = ranges[0];
  for (const r of ranges) {
    if (before(r.start, start)) start = r.start;
    if (before(end, r.end)) end = r.end;
  }
  return { start, end };
}

/** Builds symbols for nodes of the entry file; nodes of `$ref`'d files fall back to `anchor`. */
class Outline {
  constructor(private readonly analysis: Analysis) {}

  private get entry(): LoadedFile {
    return this.analysis.set.entry;
  }

  range(node: { offset: number; length: number }): Range {
    return this.entry.parsed.lines.range(node.offset, node.length);
  }

  inEntry(node: KeyNode | PropertyNode): boolean {
    return this.analysis.set.fileOf(node) === this.entry;
  }

  /** A symbol for one property: its whole extent, named by its key. */
  entrySymbol(prop: PropertyNode, kind: SymbolKind, detail: string | undefined, children: DocumentSymbol[] = []): DocumentSymbol {
    return { name: prop.keyNode.value, detail, kind, range: this.range(prop), selectionRange: this.range(prop.keyNode), children };
  }

  /** A heading over symbols that have no node of their own (Authorizers, Models ...). */
  group(name: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol[] {
    if (children.length === 0) return [];
    return [{ name, kind, range: union(children.map((c) => c.range)), selectionRange: children[0].selectionRange, children }];
  }

  method(op: Operation): DocumentSymbol {
    const summary = summarizeIntegration(op, this.analysis.model.kind);
    const target = summary.kind === 'http' && summary.target ? (/^https?:\/\/([^/?#]+)/i.exec(summary.target)?.[1] ?? summary.target) : summary.target;
    const detail = summary.type ? [summary.type, target].filter((s) => s !== undefined).join(' ') : summary.label;
    // An operation in a `$ref`'d path item is shown at the path that brings it in.
    const prop = this.inEntry(op.methodKey) ? op.methodKey.parent : op.pathKey.parent;
    const key = this.inEntry(op.methodKey) ? op.methodKey : op.pathKey;
    return { name: op.method, detail, kind: 'method', range: this.range(prop), selectionRange: this.range(key), children: [] };
  }

  resource(resource: Resource): DocumentSymbol {
    const methods = resource.methods.map((op) => this.method(op));
    const children = [...methods, ...resource.children.map((child) => this.resource(child))];
    const written = resource.methods[0]?.pathKey;
    const own = written ? [this.range(written.parent)] : [];
    return {
      name: resource.path === '/' ? '/' : `/${resource.segment}`,
      detail: resource.path === '/' ? undefined : resource.path,
      kind: 'namespace',
      range: union([...own, ...children.map((c) => c.range)]),
      selectionRange: written ? this.range(written) : children[0].selectionRange,
      children,
    };
  }
}

/** The properties of the object at `obj[name]`. */
function entriesOf(obj: ObjectNode | undefined, name: string): PropertyNode[] {
  return objectAt(obj && getProperty(obj, name)?.valueNode)?.properties ?? [];
}

/** A scalar field of a property's object value, e.g. a model's `type`. */
function fieldText(prop: PropertyNode, name: string): string | undefined {
  const value = objectAt(prop.valueNode);
  return value && scalarText(getProperty(value, name)?.valueNode);
}

function authorizerDetail(authorizer: ObjectNode): string | undefined {
  const type = scalarText(getProperty(authorizer, 'type')?.valueNode)?.toUpperCase();
  const uri = scalarText(getProperty(authorizer, 'authorizerUri')?.valueNode);
  const lambda = uri ? /:function:([^/:]+)/.exec(uri)?.[1] : undefined;
  return [type, lambda].filter((s) => s !== undefined).join(' ') || undefined;
}

function validatorDetail(node: ValueNode | undefined, isDefault: boolean): string {
  const on = (name: string) => {
    const v = node?.kind === 'object' ? getProperty(node, name)?.valueNode : undefined;
    return v !== undefined && scalarText(v)?.toLowerCase() === 'true';
  };
  const checks = [on('validateRequestBody') ? 'body' : undefined, on('validateRequestParameters') ? 'parameters' : undefined].filter((s) => s !== undefined);
  return `${checks.length > 0 ? checks.join(' + ') : 'validates nothing'}${isDefault ? ' (default)' : ''}`;
}

/**
 * The outline of an API definition as API Gateway sees it: the API, its resources nested
 * by path segment with their methods and integrations, then authorizers, request
 * validators, gateway responses, shared integrations and models. Only the entry document
 * has one; a `$ref`'d fragment is not an API.
 */
export function documentSymbols(analysis: Analysis, uri: string): DocumentSymbol[] {
  const { set, model } = analysis;
  const root = model.root;
  if (uri !== set.entry.uri || !root) return [];
  const outline = new Outline(analysis);
  const resources = model.operations.length > 0 ? [outline.resource(model.resources)] : [];

  const authorizers = [...model.securitySchemes.values()]
    .filter((s) => s.authorizer)
    .map((s) => outline.entrySymbol(s.key.parent, 'key', s.authorizer && authorizerDetail(s.authorizer)));
  const defaultValidator = scalarText(getProperty(root, 'x-amazon-apigateway-request-validator')?.valueNode);
  const validators = entriesOf(root, 'x-amazon-apigateway-request-validators').map((p) =>
    outline.entrySymbol(p, 'property', validatorDetail(p.valueNode, p.keyNode.value === defaultValidator)),
  );
  const gatewayResponses = entriesOf(root, 'x-amazon-apigateway-gateway-responses').map((p) => outline.entrySymbol(p, 'event', fieldText(p, 'statusCode')));
  const components = objectAt(getProperty(root, 'components')?.valueNode);
  const integrations = entriesOf(components, 'x-amazon-apigateway-integrations').map((p) => outline.entrySymbol(p, 'function', fieldText(p, 'type')?.toUpperCase()));
  const schemas = [...entriesOf(components, 'schemas'), ...entriesOf(root, 'definitions')];
  const models = schemas.map((p) => outline.entrySymbol(p, 'struct', fieldText(p, 'type')));

  const title = objectAt(getProperty(root, 'info')?.valueNode);
  const titleProp = title && getProperty(title, 'title');
  const version = title && scalarText(getProperty(title, 'version')?.valueNode);
  const children = [
    ...resources,
    ...outline.group('Authorizers', 'package', authorizers),
    ...outline.group('Request validators', 'package', validators),
    ...outline.group('Gateway responses', 'package', gatewayResponses),
    ...outline.group('Integrations', 'package', integrations),
    ...outline.group('Models', 'package', models),
  ];
  const rootRange = outline.range(root);
  return [
    {
      name: scalarText(titleProp?.valueNode)?.trim() || 'API',
      detail: `${model.kind} API${version ? ` ${version}` : ''}`,
      kind: 'module',
      range: rootRange,
      selectionRange: titleProp?.valueNode ? outline.range(titleProp.valueNode) : { start: rootRange.start, end: rootRange.start },
      children,
    },
  ];
}
