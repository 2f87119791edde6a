import type { KeyNode, ObjectNode, PropertyNode, ValueNode } from '../document/types';
import type { ApiKind } from '../catalog/types';
import type { DocumentSet } from '../document/documentSet';
import { getProperty } from '../document/pointer';
import { scalarText } from './scalars';

export interface KindDetection {
  kind: ApiKind;
  /** How the kind was chosen, for hover and for messages that depend on it. */
  source: 'override' | 'detected' | 'default';
  /** Keys that point to each kind, strongest first. */
  evidence: Record<ApiKind, KeyNode[]>;
  /** The integration keys found in each `paths` entry, in order, so that an edit rescans only the entries it changed. */
  entryEvidence: Map<PropertyNode, Evidence[]>;
}

type Evidence = [ApiKind, KeyNode];

/** A detection made before an edit that gave new values to the `changed` entries of `paths` only. */
export interface EarlierDetection {
  detection: KindDetection;
  changed: ReadonlySet<PropertyNode>;
}

const HTTP_ROOT = ['x-amazon-apigateway-importexport-version', 'x-amazon-apigateway-cors'];
const REST_ROOT = [
  'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-request-validators',
  'x-amazon-apigateway-request-validator',
  'x-amazon-apigateway-api-key-source',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-minimum-compression-size',
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-documentation',
];
const HTTP_INTEGRATION = ['payloadFormatVersion', 'integrationSubtype'];
const REST_INTEGRATION = ['requestTemplates', 'responses', 'passthroughBehavior', 'cacheKeyParameters', 'contentHandling'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

function obj(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

/**
 * REST (API Gateway v1) or HTTP API (v2)? Nothing in OpenAPI says, so count the
 * features only one of them has. REST wins ties: it is what an import without any
 * HTTP-only marker creates.
 */
export function detectApiKind(root: ObjectNode | undefined, set: DocumentSet, override: 'auto' | 'rest' | 'http', earlier?: EarlierDetection): KindDetection {
  const evidence: Record<ApiKind, KeyNode[]> = { REST: [], HTTP: [] };
  const entryEvidence = new Map<PropertyNode, Evidence[]>();
  const mark = (kind: ApiKind, key: KeyNode | undefined) => {
    if (key) evidence[kind].push(key);
  };
  if (root) {
    for (const name of HTTP_ROOT) mark('HTTP', getProperty(root, name)?.keyNode);
    for (const name of REST_ROOT) mark('REST', getProperty(root, name)?.keyNode);
    const swagger = getProperty(root, 'swagger');
    if (swagger) mark('REST', swagger.keyNode);
    const components = obj(getProperty(root, 'components')?.valueNode);
    if (components) mark('HTTP', getProperty(components, 'x-amazon-apigateway-integrations')?.keyNode);
    scanAuthorizers(root, set, mark);
    const paths = obj(getProperty(root, 'paths')?.valueNode);
    for (const pathProp of paths?.properties ?? []) {
      // An entry's integrations are its own or reached through components, which an edit
      // inside other entries leaves as they were (the caller makes sure no $ref points into paths).
      const kept = earlier && !earlier.changed.has(pathProp) ? earlier.detection.entryEvidence.get(pathProp) : undefined;
      const found = kept ?? scanIntegrations(pathProp, set);
      entryEvidence.set(pathProp, found);
      for (const [kind, key] of found) mark(kind, key);
    }
  }
  if (override !== 'auto') return { kind: override === 'http' ? 'HTTP' : 'REST', source: 'override', evidence, entryEvidence };
  if (evidence.HTTP.length === 0 && evidence.REST.length === 0) return { kind: 'REST', source: 'default', evidence, entryEvidence };
  return { kind: evidence.HTTP.length > evidence.REST.length ? 'HTTP' : 'REST', source: 'detected', evidence, entryEvidence };
}

type Mark = (kind: ApiKind, key: KeyNode | undefined) => void;

function scanAuthorizers(root: ObjectNode, set: DocumentSet, mark: Mark): void {
  const containers = [obj(getProperty(root, 'securityDefinitions')?.valueNode), obj(getProperty(obj(getProperty(root, 'components')?.valueNode) ?? root, 'securitySchemes')?.valueNode)];
  for (const container of containers) {
    for (const prop of container?.properties ?? []) {
      const scheme = prop.valueNode && obj(set.deref(prop.valueNode).node);
      const authorizer = scheme && obj(getProperty(scheme, 'x-amazon-apigateway-authorizer')?.valueNode);
      if (!authorizer) continue;
      const typeProp = getProperty(authorizer, 'type');
      const type = scalarText(typeProp?.valueNode)?.toLowerCase();
      if (type === 'jwt') mark('HTTP', typeProp?.keyNode);
      if (type === 'token' || type === 'cognito_user_pools') mark('REST', typeProp?.keyNode);
      mark('HTTP', getProperty(authorizer, 'authorizerPayloadFormatVersion')?.keyNode);
      mark('HTTP', getProperty(authorizer, 'enableSimpleResponses')?.keyNode);
    }
  }
}

/** The keys of one `paths` entry that point to a kind: the `$default` route, and what its integrations hold. */
function scanIntegrations(pathProp: PropertyNode, set: DocumentSet): Evidence[] {
  const found: Evidence[] = [];
  const mark: Mark = (kind, key) => {
    if (key) found.push([kind, key]);
  };
  if (pathProp.keyNode.value === '/$default') mark('HTTP', pathProp.keyNode);
  const item = pathProp.valueNode && obj(set.deref(pathProp.valueNode).node);
  for (const method of METHODS) {
    const op = item && obj(getProperty(item, method)?.valueNode);
    const integrationValue = op && getProperty(op, 'x-amazon-apigateway-integration')?.valueNode;
    const integration = integrationValue && obj(set.deref(integrationValue).node);
    if (!integration) continue;
    for (const name of HTTP_INTEGRATION) mark('HTTP', getProperty(integration, name)?.keyNode);
    for (const name of REST_INTEGRATION) mark('REST', getProperty(integration, name)?.keyNode);
    const typeProp = getProperty(integration, 'type');
    const type = scalarText(typeProp?.valueNode)?.toLowerCase();
    if (type === 'mock' || type === 'aws' || type === 'http') mark('REST', typeProp?.keyNode);
  }
  return found;
}
