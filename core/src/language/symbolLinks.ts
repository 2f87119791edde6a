import { collectRefs, type DocumentSet } from '../document/documentSet';
import { getProperty, nodeAtOffset } from '../document/pointer';
import type { KeyNode, ObjectNode, Position, StringNode, ValueNode } from '../document/types';
import type { ApiModel } from '../model/apiModel';

/**
 * The names in a document set that point at a declaration: `$ref`s (schemas, responses,
 * shared integrations, anything), security requirement names (at their scheme) and request
 * validator names (at the validator). Go to definition follows a link; find references
 * collects every link into one declaration.
 */
export interface SymbolLink {
  /** The `$ref` string, the requirement's key, or the validator name as written. */
  source: StringNode | KeyNode;
  /** The declared value: a `$ref` target, or the value of a scheme's or a validator's key. */
  target: ValueNode;
}

export interface SymbolIndex {
  bySource: ReadonlyMap<StringNode | KeyNode, SymbolLink>;
  byTarget: ReadonlyMap<ValueNode, readonly SymbolLink[]>;
  /** Values declared under a name even when nothing points at them yet (components, schemes, validators). */
  declared: ReadonlySet<ValueNode>;
}

export interface Analysis {
  set: DocumentSet;
  model: ApiModel;
}

/** Sections whose entries are declared for reuse, by OpenAPI version (2.0 keeps them at the top). */
const REUSABLE_SECTIONS = ['definitions', 'parameters', 'responses', 'securityDefinitions'];

function objectAt(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

function declaredValues(model: ApiModel): Set<ValueNode> {
  const out = new Set<ValueNode>();
  const addEntries = (obj: ObjectNode | undefined) => {
    for (const p of obj?.properties ?? []) if (p.valueNode) out.add(p.valueNode);
  };
  const root = model.root;
  if (!root) return out;
  for (const section of REUSABLE_SECTIONS) addEntries(objectAt(getProperty(root, section)?.valueNode));
  for (const section of objectAt(getProperty(root, 'components')?.valueNode)?.properties ?? []) addEntries(objectAt(section.valueNode));
  addEntries(objectAt(getProperty(root, 'x-amazon-apigateway-request-validators')?.valueNode));
  return out;
}

function buildIndex({ set, model }: Analysis): SymbolIndex {
  const links: SymbolLink[] = [];
  for (const file of set.files) {
    for (const ref of collectRefs(file.parsed.root)) {
      const target = set.resolve(file, ref.value);
      if ('node' in target) links.push({ source: ref, target: target.node });
    }
  }
  const requirementLists = new Set([model.root && getProperty(model.root, 'security')?.valueNode, ...model.operations.map((op) => op.security)]);
  for (const list of requirementLists) {
    if (list?.kind !== 'array') continue;
    for (const requirement of list.items) {
      for (const p of requirement.kind === 'object' ? requirement.properties : []) {
        const target = model.securitySchemes.get(p.keyNode.value)?.key.parent.valueNode;
        if (target) links.push({ source: p.keyNode, target });
      }
    }
  }
  const rootValidator = model.root && getProperty(model.root, 'x-amazon-apigateway-request-validator')?.valueNode;
  const validatorNames = new Set([rootValidator, ...model.operations.map((op) => op.validator?.node)]);
  for (const name of validatorNames) {
    if (name?.kind !== 'string') continue;
    const target = model.requestValidators.get(name.value)?.parent.valueNode;
    if (target) links.push({ source: name, target });
  }
  const bySource = new Map<StringNode | KeyNode, SymbolLink>();
  const byTarget = new Map<ValueNode, SymbolLink[]>();
  for (const link of links) {
    bySource.set(link.source, link);
    const list = byTarget.get(link.target) ?? [];
    list.push(link);
    byTarget.set(link.target, list);
  }
  const declared = declaredValues(model);
  for (const scheme of model.securitySchemes.values()) if (scheme.key.parent.valueNode) declared.add(scheme.key.parent.valueNode);
  return { bySource, byTarget, declared };
}

/** One index per analysis: every request on the same document version shares it. */
const cache = new WeakMap<DocumentSet, SymbolIndex>();

export function symbolIndex(analysis: Analysis): SymbolIndex {
  let index = cache.get(analysis.set);
  if (!index) {
    index = buildIndex(analysis);
    cache.set(analysis.set, index);
  }
  return index;
}

/** The symbol under a cursor: the declaration it names, and the name as written there. */
export interface SymbolAtCursor {
  target: ValueNode;
  origin: StringNode | KeyNode;
  /** The cursor is on the declaration's own key, not on a name pointing at it. */
  atDeclaration: boolean;
}

export function symbolAt(analysis: Analysis, uri: string, position: Position): SymbolAtCursor | undefined {
  const file = analysis.set.file(uri);
  if (!file) return undefined;
  let node = nodeAtOffset(file.parsed.root, file.parsed.lines.offsetAt(position));
  // On the word `$ref` itself, act as on its value.
  if (node?.kind === 'key' && node.value === '$ref' && node.parent.valueNode?.kind === 'string') node = node.parent.valueNode;
  if (node?.kind !== 'key' && node?.kind !== 'string') return undefined;
  const index = symbolIndex(analysis);
  const link = index.bySource.get(node);
  if (link) return { target: link.target, origin: node, atDeclaration: false };
  if (node.kind !== 'key') return undefined;
  const value = node.parent.valueNode;
  if (value && (index.declared.has(value) || index.byTarget.has(value))) return { target: value, origin: node, atDeclaration: true };
  return undefined;
}
