import { HTTP_CONTEXT, REST_CONTEXT_DATA_TRANSFORM } from '../catalog';
import type { ApiKind } from '../catalog/types';
import { getProperty } from '../document/pointer';
import type { Operation } from '../model/apiModel';

/*
 * The mapping expressions API Gateway accepts in requestParameters, responseParameters and
 * identity sources, filled in with the parameters and headers the operation declares, so a
 * completed expression is one the cross-reference rules accept.
 */

export interface Candidate {
  value: string;
  doc: string;
}

/** Where OpenAPI declares a parameter, and what REST mapping expressions call that place. */
const REST_LOCATION: Readonly<Record<string, string>> = { path: 'path', query: 'querystring', header: 'header' };

function declared(op: Operation | undefined): Array<{ location: string; name: string }> {
  return (op?.parameters ?? []).flatMap((p) => (REST_LOCATION[p.in] ? [{ location: REST_LOCATION[p.in], name: p.name }] : []));
}

/** `authorizer.claims.*` becomes `authorizer.claims.` to be continued; duplicates go. */
function contextNames(list: readonly string[]): string[] {
  return [...new Set(list.map((name) => name.replace(/\*$/, '')))];
}

function contextCandidates(list: readonly string[], prefix: string): Candidate[] {
  return contextNames(list).map((name) => ({ value: `${prefix}${name}`, doc: `The $context variable ${name}${name.endsWith('.') ? '<name>' : ''}.` }));
}

export function restRequestParameterKeys(op: Operation | undefined): Candidate[] {
  const out: Candidate[] = declared(op).map(({ location, name }) => ({
    value: `integration.request.${location}.${name}`,
    doc: `Sends the integration request ${location} parameter ${name}.`,
  }));
  for (const location of ['header', 'querystring', 'path']) out.push({ value: `integration.request.${location}.`, doc: `An integration request ${location} parameter: add its name.` });
  return out;
}

export function restRequestParameterValues(op: Operation | undefined): Candidate[] {
  const out: Candidate[] = declared(op).map(({ location, name }) => ({ value: `method.request.${location}.${name}`, doc: `The method request ${location} parameter ${name}, declared on the operation.` }));
  for (const { location, name } of declared(op)) {
    if (location !== 'path') out.push({ value: `method.request.multivalue${location}.${name}`, doc: `Every value of ${name}, comma-separated.` });
  }
  out.push(
    { value: 'method.request.body', doc: 'The whole request body.' },
    { value: 'method.request.body.', doc: 'A JSONPath into the request body, e.g. method.request.body.name.' },
    { value: 'stageVariables.', doc: 'A stage variable: add its name.' },
    { value: "''", doc: 'A constant, in single quotes.' },
  );
  return [...out, ...contextCandidates(REST_CONTEXT_DATA_TRANSFORM, 'context.')];
}

/** Header names declared on the operation's method responses. */
function responseHeaders(op: Operation | undefined): string[] {
  const names = new Set<string>();
  for (const { node } of op?.responses.values() ?? []) {
    const headers = node.kind === 'object' ? getProperty(node, 'headers')?.valueNode : undefined;
    for (const prop of headers?.kind === 'object' ? headers.properties : []) names.add(prop.keyNode.value);
  }
  return [...names];
}

export function restResponseParameterKeys(op: Operation | undefined): Candidate[] {
  const out: Candidate[] = responseHeaders(op).map((name) => ({ value: `method.response.header.${name}`, doc: `The method response header ${name}, declared on the operation's responses.` }));
  out.push({ value: 'method.response.header.', doc: 'A method response header: add its name, and declare it on the operation response.' });
  return out;
}

export function restResponseParameterValues(): Candidate[] {
  return [
    { value: 'integration.response.header.', doc: 'A header of the back-end response: add its name.' },
    { value: 'integration.response.multivalueheader.', doc: 'Every value of a back-end response header: add its name.' },
    { value: 'integration.response.body', doc: 'The whole back-end response body.' },
    { value: 'integration.response.body.', doc: 'A JSONPath into the back-end response body.' },
    { value: 'stageVariables.', doc: 'A stage variable: add its name.' },
    { value: "'*'", doc: 'A constant, in single quotes.' },
    ...contextCandidates(REST_CONTEXT_DATA_TRANSFORM, 'context.'),
  ];
}

export function gatewayResponseParameterKeys(): Candidate[] {
  return [
    { value: 'gatewayresponse.header.Access-Control-Allow-Origin', doc: 'The CORS origin header on this gateway response.' },
    { value: 'gatewayresponse.header.Access-Control-Allow-Headers', doc: 'The CORS allowed headers on this gateway response.' },
    { value: 'gatewayresponse.header.', doc: 'A response header: add its name.' },
    { value: 'gatewayresponse.path.', doc: 'A path parameter of the response: add its name.' },
    { value: 'gatewayresponse.querystring.', doc: 'A query parameter of the response: add its name.' },
  ];
}

export function gatewayResponseParameterValues(): Candidate[] {
  return [
    { value: "'*'", doc: 'A constant, in single quotes.' },
    { value: 'method.request.header.', doc: 'A header of the method request: add its name.' },
    { value: 'method.request.path.', doc: 'A path parameter of the method request: add its name.' },
    { value: 'method.request.querystring.', doc: 'A query parameter of the method request: add its name.' },
  ];
}

export function httpRequestParameterKeys(): Candidate[] {
  const out: Candidate[] = [];
  for (const action of ['append', 'overwrite', 'remove']) {
    for (const place of ['header', 'querystring']) out.push({ value: `${action}:${place}.`, doc: `${action} a ${place === 'header' ? 'header' : 'query string parameter'} of the integration request: add its name.` });
  }
  out.push({ value: 'overwrite:path', doc: 'Replaces the request path sent to the integration.' });
  return out;
}

export function httpRequestParameterValues(op: Operation | undefined): Candidate[] {
  const pathParams = (op?.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ value: `$request.path.${p.name}`, doc: `The path parameter ${p.name}.` }));
  return [
    ...pathParams,
    { value: '$request.header.', doc: 'A request header: add its name.' },
    { value: '$request.querystring.', doc: 'A query string parameter: add its name.' },
    { value: '$request.path', doc: 'The whole request path.' },
    { value: '$request.body', doc: 'The whole request body.' },
    { value: '$request.body.', doc: 'A JSONPath into the request body.' },
    { value: '$stageVariables.', doc: 'A stage variable: add its name.' },
    ...contextCandidates(HTTP_CONTEXT, '$context.'),
  ];
}

export function httpResponseParameterKeys(): Candidate[] {
  return [
    { value: 'append:header.', doc: 'Adds a value to a response header: add its name.' },
    { value: 'overwrite:header.', doc: 'Replaces a response header: add its name.' },
    { value: 'remove:header.', doc: 'Removes a response header: add its name.' },
    { value: 'overwrite:statuscode', doc: 'Replaces the status code sent to the client.' },
  ];
}

export function httpResponseParameterValues(): Candidate[] {
  return [
    { value: '$response.header.', doc: 'A header of the integration response: add its name.' },
    { value: '$response.body', doc: 'The whole integration response body.' },
    { value: '$response.body.', doc: 'A JSONPath into the integration response body.' },
    { value: '$stageVariables.', doc: 'A stage variable: add its name.' },
    ...contextCandidates(HTTP_CONTEXT, '$context.'),
  ];
}

export function identitySources(kind: ApiKind): Candidate[] {
  if (kind === 'HTTP') {
    return [
      { value: '$request.header.Authorization', doc: 'The Authorization header.' },
      { value: '$request.header.', doc: 'A request header: add its name.' },
      { value: '$request.querystring.', doc: 'A query string parameter: add its name.' },
      { value: '$context.', doc: 'A context variable: add its name.' },
      { value: '$stageVariables.', doc: 'A stage variable: add its name.' },
    ];
  }
  return [
    { value: 'method.request.header.Authorization', doc: 'The Authorization header.' },
    { value: 'method.request.header.', doc: 'A request header: add its name.' },
    { value: 'method.request.querystring.', doc: 'A query string parameter: add its name.' },
    { value: 'context.', doc: 'A context variable: add its name.' },
    { value: 'stageVariables.', doc: 'A stage variable: add its name.' },
  ];
}

export function cacheKeyParameters(op: Operation | undefined): Candidate[] {
  return declared(op).map(({ location, name }) => ({ value: `method.request.${location}.${name}`, doc: `The ${location} parameter ${name}, declared on the operation.` }));
}
