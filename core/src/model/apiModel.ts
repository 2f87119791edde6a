import type { ArrayNode, KeyNode, ObjectNode, PropertyNode, StringNode, ValueNode } from '../document/types';
import type { ApiKind } from '../catalog/types';
import { getProperty } from '../document/pointer';
import type { DocumentSet } from '../document/documentSet';
import { detectApiKind, type EarlierDetection, type KindDetection } from './apiKind';
import { buildResourceTree, type Resource } from './resources';
import { scalarText } from './scalars';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'ANY';

/** OpenAPI method keys of a Path Item, and the API Gateway method each becomes. */
export const METHOD_KEYS: Readonly<Record<string, HttpMethod>> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

export interface Parameter {
  name: string;
  /** `path`, `query`, `header`, `cookie`, `body`, `formData` as written. */
  in: string;
  required: boolean;
  node: ObjectNode;
}

export interface Operation {
  /** The path template as written, e.g. `/users/{id}`. */
  path: string;
  pathKey: KeyNode;
  method: HttpMethod;
  methodKey: KeyNode;
  /** The operation object (after following a `$ref`ed path item). */
  node: ObjectNode;
  /** Path-item parameters merged with the operation's (the operation's win on the same name and location). */
  parameters: Parameter[];
  /** The operation's own `parameters` array, where one is written. */
  parametersNode: ArrayNode | undefined;
  /** The integration in force: the operation's own, or a `$ref`ed shared one (HTTP APIs). */
  integration: { prop: PropertyNode; node: ObjectNode } | undefined;
  /** `security` written on the operation. */
  security: ArrayNode | undefined;
  /** Method responses by status code (`default` included as written). */
  responses: Map<string, { key: KeyNode; node: ValueNode }>;
  /** The request validator in force: the operation's, else the document's default. */
  validator: { name: string; node: StringNode } | undefined;
}

export interface SecurityScheme {
  name: string;
  key: KeyNode;
  node: ObjectNode;
  /** `type` of the OpenAPI scheme (`apiKey`, `oauth2`, ...). */
  type: string | undefined;
  authorizer: ObjectNode | undefined;
  /** `x-amazon-apigateway-authtype`, lower-cased. */
  authtype: string | undefined;
}

export interface ApiVersion {
  /** `openapi` or `swagger`. */
  field: 'openapi' | 'swagger';
  text: string;
  node: ValueNode;
  major: '2.0' | '3.0' | '3.1' | 'other';
}

/** The API Gateway view of a document: what an import would create. */
export interface ApiModel {
  root: ObjectNode | undefined;
  version: ApiVersion | undefined;
  kind: ApiKind;
  kindDetection: KindDetection;
  operations: Operation[];
  resources: Resource;
  securitySchemes: Map<string, SecurityScheme>;
  /** Names declared in `x-amazon-apigateway-request-validators`. */
  requestValidators: Map<string, KeyNode>;
}

export type KindOverride = 'auto' | 'rest' | 'http';

function versionOf(root: ObjectNode): ApiVersion | undefined {
  for (const field of ['openapi', 'swagger'] as const) {
    const node = getProperty(root, field)?.valueNode;
    if (!node) continue;
    const text = scalarText(node) ?? '';
    const major = /^2\.0$/.test(text) ? '2.0' : /^3\.0(\.\d+)?$/.test(text) ? '3.0' : /^3\.1(\.\d+)?$/.test(text) ? '3.1' : 'other';
    return { field, text, node, major };
  }
  return undefined;
}

function objectAt(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

function securitySchemesOf(root: ObjectNode, set: DocumentSet): Map<string, SecurityScheme> {
  const out = new Map<string, SecurityScheme>();
  const containers = [
    objectAt(getProperty(root, 'securityDefinitions')?.valueNode),
    objectAt(getProperty(objectAt(getProperty(root, 'components')?.valueNode) ?? emptyObject, 'securitySchemes')?.valueNode),
  ];
  for (const container of containers) {
    if (!container) continue;
    for (const prop of container.properties) {
      if (!prop.valueNode) continue;
      const node = objectAt(set.deref(prop.valueNode).node);
      if (!node) continue;
      const authtype = scalarText(getProperty(node, 'x-amazon-apigateway-authtype')?.valueNode);
      out.set(prop.keyNode.value, {
        name: prop.keyNode.value,
        key: prop.keyNode,
        node,
        type: scalarText(getProperty(node, 'type')?.valueNode),
        authorizer: objectAt(getProperty(node, 'x-amazon-apigateway-authorizer')?.valueNode),
        authtype: authtype?.toLowerCase(),
      });
    }
  }
  return out;
}

const emptyObject: ObjectNode = { kind: 'object', properties: [], offset: 0, length: 0, parent: undefined };

function parametersOf(list: ValueNode | undefined, set: DocumentSet): Parameter[] {
  if (list?.kind !== 'array') return [];
  const out: Parameter[] = [];
  for (const item of list.items) {
    const node = objectAt(set.deref(item).node);
    if (!node) continue;
    const name = scalarText(getProperty(node, 'name')?.valueNode);
    const where = scalarText(getProperty(node, 'in')?.valueNode);
    if (name === undefined || where === undefined) continue;
    const required = getProperty(node, 'required')?.valueNode;
    out.push({ name, in: where, required: required?.kind === 'boolean' && required.value, node });
  }
  return out;
}

function mergeParameters(pathLevel: Parameter[], opLevel: Parameter[]): Parameter[] {
  const key = (p: Parameter) => `${p.in}\u0000${p.name}`;
  const own = new Set(opLevel.map(key));
  return [...pathLevel.filter((p) => !own.has(key(p))), ...opLevel];
}

function integrationOf(op: ObjectNode, set: DocumentSet): Operation['integration'] {
  const prop = getProperty(op, 'x-amazon-apigateway-integration');
  if (!prop?.valueNode) return undefined;
  const node = objectAt(set.deref(prop.valueNode).node);
  return node ? { prop, node } : undefined;
}

function responsesOf(op: ObjectNode, set: DocumentSet): Operation['responses'] {
  const out: Operation['responses'] = new Map();
  const responses = objectAt(getProperty(op, 'responses')?.valueNode);
  if (!responses) return out;
  for (const prop of responses.properties) {
    if (prop.valueNode) out.set(prop.keyNode.value, { key: prop.keyNode, node: set.deref(prop.valueNode).node });
  }
  return out;
}

function stringAt(node: ValueNode | undefined): StringNode | undefined {
  return node?.kind === 'string' ? node : undefined;
}

/** The operations of a `paths` entry kept from an earlier model, or undefined to build them. */
type KeptOperations = (entry: PropertyNode) => Operation[] | undefined;

function operationsOf(root: ObjectNode, set: DocumentSet, defaultValidator: StringNode | undefined, kept: KeptOperations | undefined): Operation[] {
  const paths = objectAt(getProperty(root, 'paths')?.valueNode);
  if (!paths) return [];
  const out: Operation[] = [];
  for (const pathProp of paths.properties) {
    const reused = kept?.(pathProp);
    if (reused) {
      for (const op of reused) out.push(op);
      continue;
    }
    if (!pathProp.valueNode || pathProp.keyNode.value.startsWith('x-')) continue;
    const item = objectAt(set.deref(pathProp.valueNode).node);
    if (!item) continue;
    const pathParams = parametersOf(getProperty(item, 'parameters')?.valueNode, set);
    for (const methodProp of item.properties) {
      const method = METHOD_KEYS[methodProp.keyNode.value];
      if (!method || !methodProp.valueNode) continue;
      const op = objectAt(set.deref(methodProp.valueNode).node);
      if (!op) continue;
      const paramsNode = getProperty(op, 'parameters')?.valueNode;
      const validator = stringAt(getProperty(op, 'x-amazon-apigateway-request-validator')?.valueNode) ?? defaultValidator;
      const security = getProperty(op, 'security')?.valueNode;
      out.push({
        path: pathProp.keyNode.value,
        pathKey: pathProp.keyNode,
        method,
        methodKey: methodProp.keyNode,
        node: op,
        parameters: mergeParameters(pathParams, parametersOf(paramsNode, set)),
        parametersNode: paramsNode?.kind === 'array' ? paramsNode : undefined,
        integration: integrationOf(op, set),
        security: security?.kind === 'array' ? security : undefined,
        responses: responsesOf(op, set),
        validator: validator ? { name: validator.value, node: validator } : undefined,
      });
    }
  }
  return out;
}

/** Builds the API Gateway view of the entry document of `set`. */
export function buildApiModel(set: DocumentSet, override: KindOverride = 'auto'): ApiModel {
  return buildModel(set, override, undefined);
}

/**
 * The model after an edit that gave new values to the `changed` entries of `paths` (same
 * keys, the tree re-read in place): the operations of every other entry are kept, the rest
 * is built again. Only for a document where no `$ref` points into `paths`, so that no other
 * entry can see what changed.
 */
export function updateApiModel(previous: ApiModel, set: DocumentSet, override: KindOverride, changed: ReadonlySet<PropertyNode>): ApiModel {
  const byEntry = new Map<PropertyNode, Operation[]>();
  for (const op of previous.operations) {
    const entry = op.pathKey.parent;
    if (changed.has(entry)) continue;
    const list = byEntry.get(entry);
    if (list) list.push(op);
    else byEntry.set(entry, [op]);
  }
  return buildModel(set, override, (entry) => (changed.has(entry) ? undefined : (byEntry.get(entry) ?? [])), { detection: previous.kindDetection, changed });
}

function buildModel(set: DocumentSet, override: KindOverride, kept: KeptOperations | undefined, earlier?: EarlierDetection): ApiModel {
  const root = objectAt(set.entry.parsed.root);
  const kindDetection = detectApiKind(root, set, override, earlier);
  if (!root) {
    return {
      root,
      version: undefined,
      kind: kindDetection.kind,
      kindDetection,
      operations: [],
      resources: buildResourceTree([]),
      securitySchemes: new Map(),
      requestValidators: new Map(),
    };
  }
  const validators = objectAt(getProperty(root, 'x-amazon-apigateway-request-validators')?.valueNode);
  const defaultValidator = stringAt(getProperty(root, 'x-amazon-apigateway-request-validator')?.valueNode);
  const operations = operationsOf(root, set, defaultValidator, kept);
  return {
    root,
    version: versionOf(root),
    kind: kindDetection.kind,
    kindDetection,
    operations,
    resources: buildResourceTree(operations),
    securitySchemes: securitySchemesOf(root, set),
    requestValidators: new Map((validators?.properties ?? []).map((p) => [p.keyNode.value, p.keyNode])),
  };
}
