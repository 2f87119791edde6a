import type { ValidationContext } from '../context';
import type { KeyNode, ObjectNode, PropertyNode, ValueNode } from '../../document/types';
import { getProperty } from '../../document/pointer';
import { refOf } from '../../document/documentSet';
import { scalarText } from '../../model/scalars';
import { METHOD_KEYS } from '../../model/apiModel';
import { EXTENSION_NAMES, findExtension, specForKind, suggestName } from '../../catalog';
import type { ApiKind, ExtensionSpec, FieldSpec, Placement } from '../../catalog/types';
import type { Severity } from '../diagnostic';
import { isIntrinsic } from '../templating';
import { checkFormat } from '../formats';

const PREFIX = 'x-amazon-apigateway-';

/**
 * Integration fields whose limits depend on more than the field itself (the API kind, the
 * integration type, streaming): the integration rules check them, so the catalog's single
 * range or format is not applied here as well.
 */
const CHECKED_BY_RULES = new Set(['timeoutInMillis', 'uri']);
const INTEGRATION_EXTENSIONS = new Set(['x-amazon-apigateway-integration', 'x-amazon-apigateway-integrations']);

const PLACEMENT_WORDS: Record<Placement, string> = {
  root: 'the top level of the document',
  pathItem: 'a path item',
  operation: 'an operation',
  securityScheme: 'a security scheme',
  server: 'a servers[] entry',
  components: 'components',
  tag: 'a tags[] entry',
};

interface FieldContext {
  ext: ExtensionSpec;
  /** Dotted name for messages, e.g. `x-amazon-apigateway-integration.responses.default.statusCode`. */
  path: string;
  /** The field's own key, the last part of `path` (for an array item: the array's). */
  name: string;
  /** The key to underline when something inside is missing. */
  anchor: KeyNode;
  /** Lower-cased `type` of the object that holds this field (integration or authorizer type). */
  ownerType: string | undefined;
  severity: Severity | undefined;
}

/** Every x-amazon-apigateway-* key: known name, right place, right API kind, and a value that fits the catalog. */
export function checkExtensions(ctx: ValidationContext): void {
  const root = ctx.model.root;
  if (!root) return;
  const handled = new Set<PropertyNode>();
  const visit = (obj: ValueNode | undefined, placement: Placement) => {
    if (obj?.kind !== 'object') return;
    for (const prop of obj.properties) {
      if (prop.keyNode.value.startsWith(PREFIX)) {
        handled.add(prop);
        checkExtension(ctx, prop, placement);
      }
    }
  };
  if (ctx.whole) visit(root, 'root');
  ctx.forEachPathEntry((pathProp) => {
    if (!pathProp.valueNode) return;
    const item = ctx.deref(pathProp.valueNode);
    visit(item, 'pathItem');
    if (item.kind !== 'object') return;
    for (const methodProp of item.properties) {
      if (METHOD_KEYS[methodProp.keyNode.value] && methodProp.valueNode) visit(ctx.deref(methodProp.valueNode), 'operation');
    }
  });
  if (!ctx.whole) {
    ctx.forEachPathEntry((pathProp) => {
      if (pathProp.valueNode) reportStrays(ctx, pathProp.valueNode, handled);
    });
    return;
  }
  for (const scheme of ctx.model.securitySchemes.values()) visit(scheme.node, 'securityScheme');
  const components = getProperty(root, 'components')?.valueNode;
  visit(components, 'components');
  for (const list of ['servers', 'tags'] as const) {
    const arr = getProperty(root, list)?.valueNode;
    for (const item of arr?.kind === 'array' ? arr.items : []) visit(item, list === 'servers' ? 'server' : 'tag');
  }
  reportStrays(ctx, root, handled);
}

/**
 * x-amazon-apigateway-* keys anywhere else (inside schemas, responses, ...) are never read.
 * A node that aliases share is walked once, where it is anchored.
 */
function reportStrays(ctx: ValidationContext, root: ValueNode, handled: Set<PropertyNode>): void {
  const walk = (node: ValueNode) => {
    if (node.kind === 'array') for (const item of node.items) if (item.parent === node) walk(item);
    if (node.kind !== 'object') return;
    for (const prop of node.properties) {
      if (prop.keyNode.value.startsWith(PREFIX)) {
        if (!handled.has(prop)) {
          const spec = findExtension(prop.keyNode.value);
          if (spec) ctx.report('apigw.extension.placement', prop.keyNode, `${spec.name} has no effect here: API Gateway reads it only in ${spec.placements.map((p) => PLACEMENT_WORDS[p]).join(' or ')}.`, { link: spec.page });
          else reportUnknown(ctx, prop);
        }
        continue; // the inside of an extension is checked against its spec, not scanned
      }
      if (prop.valueNode?.parent === prop) walk(prop.valueNode);
    }
  };
  walk(root);
}

function reportUnknown(ctx: ValidationContext, prop: PropertyNode): void {
  const name = prop.keyNode.value;
  const guess = suggestName(name, EXTENSION_NAMES) ?? EXTENSION_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
  ctx.report('apigw.extension.unknown', prop.keyNode, `Unknown extension '${name}': API Gateway ignores it.${guess ? ` Did you mean '${guess}'?` : ''}`);
}

function checkExtension(ctx: ValidationContext, prop: PropertyNode, placement: Placement): void {
  const spec = findExtension(prop.keyNode.value);
  if (!spec) {
    reportUnknown(ctx, prop);
    return;
  }
  const link = spec.page;
  if (!spec.placements.includes(placement)) {
    ctx.report(
      'apigw.extension.placement',
      prop.keyNode,
      `${spec.name} has no effect in ${PLACEMENT_WORDS[placement]}: API Gateway reads it only in ${spec.placements.map((p) => PLACEMENT_WORDS[p]).join(' or ')}.`,
      { link },
    );
    return;
  }
  if (!spec.apiKinds.includes(ctx.model.kind)) {
    const other = ctx.model.kind === 'REST' ? 'HTTP APIs' : 'REST APIs';
    ctx.report('apigw.extension.api-kind', prop.keyNode, `${spec.name} is for ${other} only; this ${kindWords(ctx)} ignores it.`, { link });
    return;
  }
  const value = prop.valueNode;
  if (!value) return;
  // An operation may point at a shared integration; the target is checked where it is written.
  if (refOf(value)) return;
  checkField(ctx, spec.value, value, {
    ext: spec,
    path: spec.name,
    name: spec.name,
    anchor: prop.keyNode,
    ownerType: undefined,
    severity: spec.verified === false ? 'warning' : undefined,
  });
}

function kindWords(ctx: ValidationContext): string {
  const kind = ctx.model.kind === 'REST' ? 'REST API' : 'HTTP API';
  return ctx.model.kindDetection.source === 'detected' ? `${kind} (detected from its other extensions; set apigw.apiKind to override)` : kind;
}

function typeOk(spec: FieldSpec, node: ValueNode): boolean {
  if (spec.alsoAccepts?.some((t) => typeOk({ ...spec, type: t, alsoAccepts: undefined }, node))) return true;
  switch (spec.type) {
    case 'any':
      return true;
    case 'string':
      // API Gateway's importer coerces scalars to text: `statusCode: 200` is fine.
      return node.kind === 'string' || node.kind === 'number' || node.kind === 'boolean';
    case 'integer':
    case 'number': {
      const n = node.kind === 'number' ? node.value : node.kind === 'string' && node.value.trim() !== '' ? Number(node.value) : NaN;
      return Number.isFinite(n) && (spec.type === 'number' || Number.isInteger(n));
    }
    case 'boolean':
      return node.kind === 'boolean' || (node.kind === 'string' && /^(true|false)$/i.test(node.value));
    case 'object':
    case 'map':
      return node.kind === 'object';
    case 'array':
      return node.kind === 'array';
  }
}

const TYPE_WORDS: Record<FieldSpec['type'], string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  map: 'an object (a map)',
  array: 'a list',
  any: 'a value',
};

function checkField(ctx: ValidationContext, generic: FieldSpec, node: ValueNode, f: FieldContext): void {
  if (isIntrinsic(node)) return;
  const spec = specForKind(generic, ctx.model.kind);
  const severity = spec.verified === false ? 'warning' : f.severity;
  const opts = { link: spec.page ?? f.ext.page, severity };
  if (spec.apiKinds && !spec.apiKinds.includes(ctx.model.kind)) {
    const target = node.parent?.kind === 'property' ? node.parent.keyNode : node;
    ctx.report('apigw.extension.api-kind', target, `${f.path} applies to ${spec.apiKinds.join(' and ')} APIs only; this ${kindWords(ctx)} ignores it.`, { ...opts, severity: 'warning' });
    return;
  }
  if (spec.appliesTo && f.ownerType !== undefined && !spec.appliesTo.includes(f.ownerType)) {
    const target = node.parent?.kind === 'property' ? node.parent.keyNode : node;
    ctx.report('apigw.extension.not-applicable', target, `${f.path} has no effect with type ${f.ownerType}; it applies to ${spec.appliesTo.join(', ')} only.`, { ...opts, severity: 'warning' });
    return;
  }
  if (!typeOk(spec, node)) {
    ctx.report('apigw.extension.type', node, `${f.path} must be ${TYPE_WORDS[spec.type]}, not ${describe(node)}.`, opts);
    return;
  }
  const byRules = INTEGRATION_EXTENSIONS.has(f.ext.name) && CHECKED_BY_RULES.has(f.name);
  const text = scalarText(node);
  // An empty string is how generators (Pulumi, exports) write "not set"; API Gateway reads it so.
  if (text !== undefined && text !== '') {
    checkEnum(ctx, spec, node, text, f, opts);
    if (!byRules) checkRange(ctx, spec, node, text, f, opts);
    if (spec.pattern && !compiled(spec.pattern).test(text)) ctx.report('apigw.extension.format', node, `${f.path} '${text}' does not match ${spec.pattern}.`, opts);
    if (spec.format && !byRules) {
      const problem = checkFormat(spec.format, text);
      if (problem) ctx.report('apigw.extension.format', node, `${f.path}: ${problem}`, opts);
    }
  }
  if (node.kind === 'object' && spec.type === 'object') checkObject(ctx, spec, node, f, severity);
  if (node.kind === 'object' && spec.type === 'map') checkMap(ctx, spec, node, f, severity);
  if (node.kind === 'array' && spec.items) {
    const items = spec.items;
    node.items.forEach((item, i) => checkField(ctx, items, item, { ...f, path: `${f.path}[${i}]`, severity }));
  }
}

function describe(node: ValueNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'null':
      return 'empty (null)';
    case 'string':
      return `'${node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value}'`;
    default:
      return String(node.value);
  }
}

function checkEnum(ctx: ValidationContext, spec: FieldSpec, node: ValueNode, text: string, f: FieldContext, opts: { link: string; severity: Severity | undefined }): void {
  const allowed = spec.enumByKind?.[ctx.model.kind as ApiKind] ?? spec.enum;
  if (!allowed || allowed.includes(text)) return;
  const caseMatch = allowed.find((v) => v.toLowerCase() === text.toLowerCase());
  if (caseMatch && spec.enumCaseInsensitive) return;
  const other = spec.enumByKind && Object.entries(spec.enumByKind).find(([k, list]) => k !== ctx.model.kind && list?.some((v) => v.toLowerCase() === text.toLowerCase()));
  if (caseMatch) {
    // API Gateway reads its enums in any letter case; only the spelling differs from the docs.
    ctx.report('apigw.extension.enum', node, `${f.path} '${text}' is accepted, but the documented spelling is '${caseMatch}'.`, { ...opts, severity: 'hint' });
    return;
  }
  let hint: string;
  if (other) hint = ` '${text}' is for ${other[0]} APIs; this ${kindWords(ctx)} accepts ${allowed.join(', ')}.`;
  else {
    const guess = suggestName(text, allowed);
    hint = `${guess ? ` Did you mean '${guess}'?` : ''} Allowed: ${allowed.join(', ')}.`;
  }
  ctx.report('apigw.extension.enum', node, `${f.path} '${text}' is not valid.${hint}`, opts);
}

function checkRange(ctx: ValidationContext, spec: FieldSpec, node: ValueNode, text: string, f: FieldContext, opts: { link: string; severity: Severity | undefined }): void {
  if (spec.type === 'integer' || spec.type === 'number') {
    const n = Number(text);
    if ((spec.minimum !== undefined && n < spec.minimum) || (spec.maximum !== undefined && n > spec.maximum)) {
      ctx.report('apigw.extension.range', node, `${f.path} ${text} is outside ${spec.minimum ?? '-∞'}..${spec.maximum ?? '∞'}.`, opts);
    }
  } else if (spec.type === 'string') {
    if ((spec.minLength !== undefined && text.length < spec.minLength) || (spec.maxLength !== undefined && text.length > spec.maxLength)) {
      ctx.report('apigw.extension.range', node, `${f.path} must be ${spec.minLength ?? 0} to ${spec.maxLength ?? '∞'} characters long (it has ${text.length}).`, opts);
    }
  }
}

function checkObject(ctx: ValidationContext, spec: FieldSpec, node: ObjectNode, f: FieldContext, severity: Severity | undefined): void {
  const props = spec.properties ?? {};
  const ownType = scalarText(getProperty(node, 'type')?.valueNode)?.toLowerCase();
  const anchor = node.parent?.kind === 'property' ? node.parent.keyNode : f.anchor;
  for (const prop of node.properties) {
    const name = prop.keyNode.value;
    const child = props[name];
    if (child) {
      if (prop.valueNode) checkField(ctx, child, prop.valueNode, { ...f, path: `${f.path}.${name}`, name, anchor: prop.keyNode, ownerType: ownType ?? f.ownerType, severity });
    } else if (spec.additionalProperties === false && !name.startsWith('x-')) {
      const guess = suggestName(name, Object.keys(props));
      ctx.report('apigw.extension.unknown-property', prop.keyNode, `${f.path} has no property '${name}'; API Gateway ignores it.${guess ? ` Did you mean '${guess}'?` : ''}`, { link: spec.page ?? f.ext.page });
    }
  }
  for (const [name, child] of requiredFieldsOf(spec)) {
    if (!getProperty(node, name) && (!child.apiKinds || child.apiKinds.includes(ctx.model.kind))) {
      ctx.report('apigw.extension.required', anchor, `${f.path} needs '${name}': ${child.doc}`, { link: spec.page ?? f.ext.page, severity: child.verified === false ? 'warning' : severity });
    }
  }
}

/**
 * The catalog's required fields of each object, and its patterns compiled, once: the
 * field checks run for every integration, response and authorizer of a definition,
 * thousands of times on a large one.
 */
const requiredFields = new WeakMap<FieldSpec, Array<[string, FieldSpec]>>();
const patterns = new Map<string, RegExp>();

function requiredFieldsOf(spec: FieldSpec): Array<[string, FieldSpec]> {
  let fields = requiredFields.get(spec);
  if (fields === undefined) {
    fields = Object.entries(spec.properties ?? {}).filter(([, child]) => child.required);
    requiredFields.set(spec, fields);
  }
  return fields;
}

function compiled(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(source);
    patterns.set(source, pattern);
  }
  return pattern;
}

function checkMap(ctx: ValidationContext, spec: FieldSpec, node: ObjectNode, f: FieldContext, severity: Severity | undefined): void {
  const keyPattern = spec.keyPattern ? compiled(spec.keyPattern) : undefined;
  for (const prop of node.properties) {
    const key = prop.keyNode.value;
    if (keyPattern && !keyPattern.test(key)) {
      ctx.report('apigw.extension.format', prop.keyNode, `'${key}' is not a valid key of ${f.path}${spec.keyDoc ? `: ${spec.keyDoc}` : ''}.`, { link: spec.page ?? f.ext.page, severity });
    }
    if (spec.values && prop.valueNode) checkField(ctx, spec.values, prop.valueNode, { ...f, path: `${f.path}.${key}`, name: key, anchor: prop.keyNode, severity });
  }
}
