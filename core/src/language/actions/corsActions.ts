import { getProperty, nodeAtOffset } from '../../document/pointer';
import type { ObjectNode, Position, PropertyNode, ValueNode } from '../../document/types';
import type { DataObject, DataValue } from '../../edit/renderValue';
import { insertProperty } from '../../edit/structuralEdits';
import type { LintResult } from '../../lint';
import { METHOD_KEYS } from '../../model/apiModel';
import { scalarText } from '../../model/scalars';
import { templateParams } from '../../validate/rules/pathRules';
import { stringType, workspaceEdit, type Fix } from './fixContext';

const ALLOW_HEADERS = 'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token';
const CORS_HEADERS = ['Access-Control-Allow-Headers', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Origin'];
const EVERY_METHOD = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/** The path item (an entry of `paths`) the cursor is in, by its property in the entry document. */
function pathItemAt(result: LintResult, uri: string, position: Position): PropertyNode | undefined {
  const paths = result.model.root && getProperty(result.model.root, 'paths')?.valueNode;
  if (uri !== result.set.entry.uri || paths?.kind !== 'object') return undefined;
  const parsed = result.set.entry.parsed;
  const hit = nodeAtOffset(parsed.root, parsed.lines.offsetAt(position));
  for (let n: ValueNode | PropertyNode | undefined = hit?.kind === 'key' ? hit.parent : hit; n !== undefined; n = n.parent) {
    if (n.kind === 'property' && n.parent === paths && !n.keyNode.value.startsWith('x-')) return n;
  }
  return undefined;
}

/** The methods a path item has, as API Gateway names them (ANY is all of them). */
function methodsOf(item: ObjectNode): string[] {
  const methods = item.properties.map((p) => METHOD_KEYS[p.keyNode.value]).filter((m) => m !== undefined);
  if (methods.includes('ANY')) return EVERY_METHOD;
  return [...new Set([...methods, 'OPTIONS'])];
}

/** Path parameters the path item itself declares, which an OPTIONS method inherits. */
function inheritedPathParams(result: LintResult, item: ObjectNode): Set<string> {
  const list = getProperty(item, 'parameters')?.valueNode;
  const names = new Set<string>();
  for (const entry of list?.kind === 'array' ? list.items : []) {
    const param = result.set.deref(entry).node;
    if (param.kind !== 'object' || scalarText(getProperty(param, 'in')?.valueNode) !== 'path') continue;
    const name = scalarText(getProperty(param, 'name')?.valueNode);
    if (name !== undefined) names.add(name);
  }
  return names;
}

/**
 * The OPTIONS method a REST API needs to answer CORS preflights: a MOCK integration that
 * returns 200 with the Access-Control-Allow-* headers, each declared on the method response
 * (or the import fails) and mapped from a static value.
 */
function preflightMethod(result: LintResult, path: string, item: ObjectNode): DataObject {
  const model = result.model;
  const inherited = inheritedPathParams(result, item);
  const params: DataValue[] = templateParams(path)
    .filter((name) => !inherited.has(name))
    .map((name) => ({ name, in: 'path', required: true, ...stringType(model) }));
  const headers: Record<string, DataValue> = {};
  for (const h of CORS_HEADERS) headers[h] = stringType(model);
  const values: Record<string, string> = {
    'Access-Control-Allow-Headers': `'${ALLOW_HEADERS}'`,
    'Access-Control-Allow-Methods': `'${methodsOf(item).join(',')}'`,
    'Access-Control-Allow-Origin': "'*'",
  };
  const mappings: Record<string, string> = {};
  for (const h of CORS_HEADERS) mappings[`method.response.header.${h}`] = values[h];
  return {
    summary: 'CORS preflight',
    ...(params.length > 0 ? { parameters: params } : {}),
    responses: { '200': { description: 'CORS preflight response', headers } },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      responses: { default: { statusCode: '200', responseParameters: mappings } },
    },
  };
}

/**
 * Enabling CORS, offered anywhere in a path item: a REST API gets an OPTIONS method on that
 * resource (REST has no CORS setting); an HTTP API gets the API-wide x-amazon-apigateway-cors,
 * with which API Gateway answers preflights itself.
 */
export function corsActions(result: LintResult, uri: string, position: Position): Fix[] {
  const pathProp = pathItemAt(result, uri, position);
  const root = result.model.root;
  if (!pathProp?.valueNode || !root) return [];
  const path = pathProp.keyNode.value;
  if (result.model.kind === 'HTTP') {
    if (getProperty(root, 'x-amazon-apigateway-cors')) return [];
    const methods = [...new Set(result.model.operations.map((op) => op.method))];
    const cors = {
      allowOrigins: ['*'],
      allowMethods: methods.includes('ANY') ? ['*'] : methods,
      allowHeaders: ['authorization', 'content-type'],
      maxAge: 300,
    };
    const edit = insertProperty(result.set.entry.parsed, root, 'x-amazon-apigateway-cors', cors, ['paths']);
    return [{ title: 'Enable CORS for the API (x-amazon-apigateway-cors)', edit: workspaceEdit({ file: result.set.entry, edit }) }];
  }
  const target = result.set.deref(pathProp.valueNode);
  if (target.node.kind !== 'object' || getProperty(target.node, 'options')) return [];
  const edit = insertProperty(target.file.parsed, target.node, 'options', preflightMethod(result, path, target.node));
  return [{ title: `Enable CORS on ${path} (OPTIONS method with a MOCK integration)`, edit: workspaceEdit({ file: target.file, edit }) }];
}
