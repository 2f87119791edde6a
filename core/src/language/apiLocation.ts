import { findExtension } from '../catalog';
import type { ExtensionSpec, Placement } from '../catalog/types';
import { METHOD_KEYS, type ApiModel, type Operation } from '../model/apiModel';

/*
 * What a path in the entry document means to API Gateway: which OpenAPI object it is in
 * (the places extensions may stand), which extension value, which operation. Completion
 * and hover both start from here.
 */

export const EXTENSION_PREFIX = 'x-amazon-apigateway-';
export const ANY_METHOD = 'x-amazon-apigateway-any-method';
export const INTEGRATION = 'x-amazon-apigateway-integration';
export const INTEGRATIONS = 'x-amazon-apigateway-integrations';
export const AUTHORIZER = 'x-amazon-apigateway-authorizer';

export interface ExtensionLocation {
  spec: ExtensionSpec;
  /** Path of the extension's own property. */
  at: string[];
  /** The path inside the extension's value. */
  inner: string[];
  /** Where the extension is written. */
  placement: Placement | undefined;
}

export interface ApiLocation {
  /** The object at the path, when it is one that extensions may stand in. */
  placement: Placement | undefined;
  extension: ExtensionLocation | undefined;
  /** `[path, method key]` of the operation the path is inside. */
  operationKey: [string, string] | undefined;
}

/** The kind of object at `segments`, when it is one that may hold extensions. */
export function placementOf(segments: readonly string[]): Placement | undefined {
  const [first, second, third] = segments;
  switch (segments.length) {
    case 0:
      return 'root';
    case 1:
      return first === 'components' ? 'components' : undefined;
    case 2:
      if (first === 'paths' && !second.startsWith('x-')) return 'pathItem';
      if (first === 'securityDefinitions') return 'securityScheme';
      if (first === 'servers' && /^\d+$/.test(second)) return 'server';
      if (first === 'tags' && /^\d+$/.test(second)) return 'tag';
      return undefined;
    case 3:
      if (first === 'paths' && !second.startsWith('x-') && METHOD_KEYS[third] !== undefined) return 'operation';
      if (first === 'components' && second === 'securitySchemes') return 'securityScheme';
      return undefined;
    default:
      return undefined;
  }
}

export function locate(segments: readonly string[]): ApiLocation {
  const operationKey: [string, string] | undefined =
    segments.length >= 3 && placementOf(segments.slice(0, 3)) === 'operation' ? [segments[1], segments[2]] : undefined;
  let extension: ExtensionLocation | undefined;
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i];
    if (!name.startsWith(EXTENSION_PREFIX)) continue;
    const spec = findExtension(name);
    // The ANY method is an operation written as an extension: past its own few fields, what is inside it is an operation's content.
    if (name === ANY_METHOD && i === 2 && segments[0] === 'paths') {
      const rest = segments.slice(3);
      if (rest.length > 1 || (rest.length === 1 && spec?.value.properties?.[rest[0]] === undefined)) continue;
    }
    const placement = placementOf(segments.slice(0, i));
    if (spec && placement) {
      extension = { spec, at: segments.slice(0, i + 1), inner: segments.slice(i + 1), placement };
      break;
    }
  }
  return { placement: placementOf(segments), extension, operationKey };
}

export function operationAt(model: ApiModel, key: [string, string] | undefined): Operation | undefined {
  if (!key) return undefined;
  const method = METHOD_KEYS[key[1]];
  return model.operations.find((op) => op.path === key[0] && op.method === method);
}

/** Whether `segments` is an item of a `security` requirement list (root or operation). */
export function isSecurityRequirement(segments: readonly string[]): boolean {
  const n = segments.length;
  if (n < 2 || segments[n - 2] !== 'security' || !/^\d+$/.test(segments[n - 1])) return false;
  const owner = segments.slice(0, n - 2);
  return owner.length === 0 || placementOf(owner) === 'operation';
}

/** The path inside an integration, for an integration written on an operation or shared under components. */
export function integrationInner(ext: ExtensionLocation): string[] | undefined {
  if (ext.spec.name === INTEGRATION) return ext.inner;
  if (ext.spec.name === INTEGRATIONS && ext.inner.length >= 1) return ext.inner.slice(1);
  return undefined;
}

export function matches(inner: readonly string[] | undefined, pattern: readonly string[]): boolean {
  return inner !== undefined && inner.length === pattern.length && pattern.every((p, i) => p === '*' || p === inner[i]);
}
