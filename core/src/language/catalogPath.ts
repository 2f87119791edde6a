import { fieldAt } from '../catalog';
import type { FieldSpec } from '../catalog/types';
import type { ExtensionLocation } from './apiLocation';

/** A place inside an extension's value, as the catalog describes it. */
export interface CatalogPlace {
  /** The spec of the value at the place; undefined where the catalog knows nothing. */
  spec: FieldSpec | undefined;
  /** The spec of the object, map or array that holds it (the extension's value for a top-level field). */
  parent: FieldSpec | undefined;
  /** The last segment: a property name, a map key or an array index. */
  name: string;
  /** The place is a key of a map (its name is data, like a media type), not a property. */
  inMap: boolean;
  /** Dotted path of what holds the place, e.g. `x-amazon-apigateway-integration.responses.default`. */
  owner: string;
  /** The nearest page: the place's own sub-object page, else its ancestors', else the extension's. */
  page: { title: string; url: string };
}

export function catalogPlace(extension: ExtensionLocation, inner: readonly string[] = extension.inner): CatalogPlace {
  const ext = extension.spec;
  let page = { title: ext.name, url: ext.page };
  let spec: FieldSpec | undefined = ext.value;
  let parent: FieldSpec | undefined;
  const ownerParts = [ext.name];
  for (let i = 0; i < inner.length; i++) {
    parent = spec;
    spec = parent ? fieldAt(ext, inner.slice(0, i + 1)) : undefined;
    if (spec?.page && spec.title) page = { title: spec.title, url: spec.page };
    if (i < inner.length - 1) ownerParts.push(parent?.type === 'array' ? `[${inner[i]}]` : inner[i]);
  }
  const name = inner.length > 0 ? inner[inner.length - 1] : ext.name;
  return { spec, parent, name, inMap: parent?.type === 'map', owner: inner.length > 0 ? ownerParts.join('.') : ext.name, page };
}
