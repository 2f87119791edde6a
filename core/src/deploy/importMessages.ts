import type { DocumentSet } from '../document/documentSet';
import { getProperty, pointerOf } from '../document/pointer';
import type { KeyNode, ObjectNode, ValueNode } from '../document/types';
import type { ApiModel, Operation } from '../model/apiModel';
import type { Diagnostic, Severity } from '../validate/diagnostic';

export const IMPORT_WARNING_CODE = 'apigw.deploy.import-warning';
export const IMPORT_ERROR_CODE = 'apigw.deploy.import-error';
const IMPORT_PAGE = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html';

const VERB = '(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|ANY)';
const PATH = "(/[^\\s'\"()]*)";

/** Where a message of API Gateway's importer points: an operation, a path, a scheme, a model, a response. */
interface Mention {
  method?: string;
  path?: string;
  status?: string;
  scheme?: string;
  model?: string;
}

function trimPath(path: string): string {
  return path.replace(/[.,:;]+$/, '');
}

/** Reads the place out of the importer's wording, which names it in a handful of shapes. */
export function mentionIn(text: string): Mention {
  const m: Mention = {};
  const onResource = new RegExp(`'${VERB}'\\s+(?:on|for)\\s+resource at path\\s+'([^']*)'`, 'i').exec(text);
  const parseIssue = /paths\.'([^']+)'\((\w+)\)/.exec(text);
  const routeLike = new RegExp(`(?:^|[\\s'"(])${VERB}\\s+${PATH}`).exec(text);
  if (onResource) [m.method, m.path] = [onResource[1].toUpperCase(), onResource[2]];
  else if (parseIssue) [m.path, m.method] = [parseIssue[1], parseIssue[2].toUpperCase()];
  else if (routeLike) [m.method, m.path] = [routeLike[1], trimPath(routeLike[2])];
  else {
    const pathOnly = /(?:path|resource)\s+'(\/[^']*)'/i.exec(text) ?? /'(\/[^'\s]*)'/.exec(text);
    if (pathOnly) m.path = pathOnly[1];
  }
  const status = /\b([1-5]\d\d|default) response\b/i.exec(text) ?? /\bresponses\.([1-5]\d\d|default)\b/.exec(text);
  if (status) m.status = status[1];
  const scheme = /(?:security (?:definition|scheme)|authorizer)\b[^']*'([^']+)'(?:[^']*'([^']+)')?/i.exec(text);
  if (scheme) m.scheme = scheme[2] ?? scheme[1];
  const model = /\bmodel(?: named| name)?\s+'([^']+)'/i.exec(text) ?? /#\/(?:definitions|components\/schemas)\/([^\s'",]+)/.exec(text);
  if (model) m.model = model[1];
  return m;
}

function objectAt(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

function findOperation(model: ApiModel, method: string | undefined, path: string): Operation | undefined {
  const same = (op: Operation) => method === undefined || op.method === method;
  // With basepath=prepend the importer names paths with the base path in front.
  return model.operations.find((op) => op.path === path && same(op)) ?? model.operations.find((op) => path.endsWith(op.path) && op.path !== '/' && same(op));
}

function modelKey(root: ObjectNode | undefined, name: string): KeyNode | undefined {
  if (!root) return undefined;
  const swagger = objectAt(getProperty(root, 'definitions')?.valueNode);
  const oas3 = objectAt(getProperty(objectAt(getProperty(root, 'components')?.valueNode) ?? root, 'schemas')?.valueNode);
  return (swagger && getProperty(swagger, name)?.keyNode) ?? (oas3 && getProperty(oas3, name)?.keyNode);
}

/** The smallest node of the definition that a message names; the version key when it names none. */
function placeOf(model: ApiModel, text: string): KeyNode | ValueNode | undefined {
  const m = mentionIn(text);
  if (m.path !== undefined) {
    const op = findOperation(model, m.method, m.path);
    if (op) return (m.status !== undefined && op.responses.get(m.status)?.key) || op.methodKey;
    const anyOnPath = model.operations.find((o) => o.path === m.path);
    if (anyOnPath) return anyOnPath.pathKey;
  }
  if (m.scheme !== undefined) {
    const scheme = model.securitySchemes.get(m.scheme);
    if (scheme) return scheme.key;
  }
  if (m.model !== undefined) {
    const key = modelKey(model.root, m.model);
    if (key) return key;
  }
  return model.version?.node ?? model.root;
}

/**
 * API Gateway's import warnings (or the lines of a rejected import) as diagnostics on the
 * nodes they name, so they show where the problem is written. An error wraps its lines in
 * "Errors found during import:"; each line becomes one diagnostic.
 */
export function importMessagesToDiagnostics(set: DocumentSet, model: ApiModel, messages: readonly string[], severity: Severity): Diagnostic[] {
  const lines = messages
    .flatMap((m) => m.split(/\r?\n/))
    .map((l) => l.trim().replace(/^(?:errors|warnings) found during import:?\s*/i, ''))
    .filter((l) => l !== '');
  const out: Diagnostic[] = [];
  for (const line of lines) {
    const node = placeOf(model, line);
    const file = node ? set.fileOf(node) : set.entry;
    out.push({
      uri: file.uri,
      severity,
      code: severity === 'error' ? IMPORT_ERROR_CODE : IMPORT_WARNING_CODE,
      message: `API Gateway import: ${line}`,
      pointer: node ? pointerOf(node) : '',
      range: node ? file.parsed.lines.range(node.offset, node.length) : file.parsed.lines.range(0, 0),
      link: IMPORT_PAGE,
    });
  }
  return out;
}
