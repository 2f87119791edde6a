import type { ValidationContext } from '../context';
import type { ObjectNode, PropertyNode, ValueNode } from '../../document/types';
import { getProperty } from '../../document/pointer';
import type { Operation } from '../../model/apiModel';
import { scalarText } from '../../model/scalars';
import { isReservedHttpApiHeader, REGEX, UNVERIFIED_REGEX } from '../../catalog';
import { compileUserRegex } from '../../regex/backtracking';
import { isIntrinsic } from '../templating';

const restRequestKey = new RegExp(REGEX.restIntegrationRequestParameterKey);
const restRequestValue = new RegExp(REGEX.restIntegrationRequestParameterValue);
const restResponseKey = new RegExp(REGEX.restMethodResponseParameterKey);
const restResponseValue = new RegExp(REGEX.restIntegrationResponseParameterValue);
const httpRequestKey = new RegExp(REGEX.httpApiRequestParameterKey);
/** `$context.x` / `$stageVariables.x`: shown on the extension page, but unconfirmed (exports write them without `$`). */
const dollarValue = new RegExp(UNVERIFIED_REGEX.restDollarParameterValue);
const httpResponseKey = new RegExp(REGEX.httpApiResponseParameterKey);
/** A method request parameter named in a mapping expression or a cache key. */
const METHOD_REQUEST_PARAM = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.(.+)$/;

function objectValue(prop: PropertyNode | undefined): ObjectNode | undefined {
  const v = prop?.valueNode;
  return v?.kind === 'object' && !isIntrinsic(v) ? v : undefined;
}

/**
 * Does the method have the parameter a `method.request.<where>.<name>` expression names?
 * Path parameters come from the path template itself (API Gateway creates them on import
 * even when the document does not declare them); query strings and headers must be declared.
 */
function isDeclared(op: Operation, where: string, name: string): boolean {
  const location = where === 'path' ? 'path' : where.endsWith('querystring') ? 'query' : 'header';
  if (location === 'path' && op.path.split('/').some((s) => s === `{${name}}` || s === `{${name}+}`)) return true;
  return op.parameters.some((p) => p.in === location && (location === 'header' ? p.name.toLowerCase() === name.toLowerCase() : p.name === name));
}

function declareHint(where: string, name: string): string {
  const location = where === 'path' ? 'path' : where.endsWith('querystring') ? 'query' : 'header';
  return `Declare it in the operation's parameters (name: ${name}, in: ${location}${location === 'path' ? ', required: true' : ''}).`;
}

/**
 * Parameter mappings, cache keys and integration responses: the mistakes that make a REST
 * import fail with "Invalid mapping expression specified", and HTTP API mappings that touch
 * reserved headers.
 */
export function checkMappings(ctx: ValidationContext): void {
  ctx.forEachOperation((op) => {
    if (!op.integration) return;
    const integration = op.integration.node;
    if (ctx.model.kind === 'REST') {
      checkRestRequestParameters(ctx, op, integration);
      checkCacheKeys(ctx, op, integration);
      checkRestResponses(ctx, op, integration);
    } else if (!getProperty(integration, 'integrationSubtype')) {
      checkHttpParameterMapping(ctx, integration);
    }
  });
}

function checkRestRequestParameters(ctx: ValidationContext, op: Operation, integration: ObjectNode): void {
  const map = objectValue(getProperty(integration, 'requestParameters'));
  for (const p of map?.properties ?? []) {
    const key = p.keyNode.value;
    if (!restRequestKey.test(key)) {
      ctx.report(
        'apigw.mapping.request-key',
        p.keyNode,
        `'${key}' is not an integration request parameter. Write integration.request.header.<name>, integration.request.querystring.<name> or integration.request.path.<name>.`,
      );
    }
    const value = p.valueNode;
    const text = value && !isIntrinsic(value) ? scalarText(value) : undefined;
    if (!value || text === undefined) continue;
    if (dollarValue.test(text)) {
      ctx.report('apigw.mapping.request-value', value, `'${text}': the form with '$' is shown in the AWS docs but not confirmed to import; exports write '${text.slice(1)}'. Prefer that.`, { severity: 'warning' });
      continue;
    }
    if (!restRequestValue.test(text)) {
      ctx.report(
        'apigw.mapping.request-value',
        value,
        `'${text}' is not a mapping expression: API Gateway rejects it with "Invalid mapping expression specified". Use method.request.{path|querystring|header}.<name>, method.request.body[.<JSONPath>], stageVariables.<name>, context.<variable> or a quoted static value such as "'text'".`,
      );
      continue;
    }
    const m = METHOD_REQUEST_PARAM.exec(text);
    if (m && !isDeclared(op, m[1], m[2])) {
      ctx.report(
        'apigw.mapping.undeclared-parameter',
        value,
        `${text} is not a declared parameter of ${op.method} ${op.path}; the import fails with "Invalid mapping expression parameter specified". ${declareHint(m[1], m[2])}`,
      );
    }
  }
}

function checkCacheKeys(ctx: ValidationContext, op: Operation, integration: ObjectNode): void {
  const list = getProperty(integration, 'cacheKeyParameters')?.valueNode;
  if (list?.kind !== 'array') return;
  for (const item of list.items) {
    if (item.kind !== 'string') continue;
    const m = METHOD_REQUEST_PARAM.exec(item.value);
    if (!m) {
      ctx.report('apigw.mapping.cache-key', item, `Cache key '${item.value}' must name a method request parameter, e.g. method.request.querystring.page.`);
    } else if (!isDeclared(op, m[1], m[2])) {
      ctx.report('apigw.mapping.cache-key', item, `Cache key ${item.value} is not a declared parameter of ${op.method} ${op.path}. ${declareHint(m[1], m[2])}`);
    }
  }
}

/** Response headers declared for one status code of the method response. */
function declaredHeaders(response: ValueNode | undefined): Set<string> {
  const out = new Set<string>();
  if (response?.kind !== 'object') return out;
  const headers = getProperty(response, 'headers')?.valueNode;
  if (headers?.kind !== 'object') return out;
  for (const h of headers.properties) out.add(h.keyNode.value.toLowerCase());
  return out;
}

function checkRestResponses(ctx: ValidationContext, op: Operation, integration: ObjectNode): void {
  const responses = objectValue(getProperty(integration, 'responses'));
  const type = scalarText(getProperty(integration, 'type')?.valueNode)?.toLowerCase();
  const proxy = type === 'aws_proxy' || type === 'http_proxy';
  for (const entry of responses?.properties ?? []) {
    const pattern = entry.keyNode.value;
    if (pattern !== 'default') {
      const compiled = compileUserRegex(pattern);
      if ('invalid' in compiled) ctx.report('apigw.integration.selection-pattern', entry.keyNode, `Selection pattern '${pattern}' is not a valid regular expression: ${compiled.invalid}.`);
      else if ('unsafe' in compiled) {
        ctx.report('apigw.regex.backtracking', entry.keyNode, `Selection pattern '${pattern}' can take exponential time to match: ${compiled.unsafe}. A long error message can then keep API Gateway's matcher busy, and the local mock does not run it. Rewrite it so that every repetition is pinned down by a character the repeated part cannot match.`);
      }
    }
    if (proxy) continue; // ignored by proxy integrations, reported once by the integration rules
    const response = objectValue(entry);
    if (!response) continue;
    const statusNode = getProperty(response, 'statusCode')?.valueNode;
    const status = statusNode && !isIntrinsic(statusNode) ? scalarText(statusNode) : undefined;
    const methodResponse = status !== undefined ? op.responses.get(status) : undefined;
    if (statusNode && status !== undefined && !methodResponse) {
      const declared = [...op.responses.keys()].filter((k) => k !== 'default');
      ctx.report(
        'apigw.integration.response-status',
        statusNode,
        `Integration response maps to ${status}, but ${op.method} ${op.path} declares no ${status} response${declared.length ? ` (it declares ${declared.join(', ')})` : ''}; the import fails. Add '${status}' under the operation's responses.`,
      );
    }
    const params = objectValue(getProperty(response, 'responseParameters'));
    const headers = declaredHeaders(methodResponse?.node);
    for (const p of params?.properties ?? []) {
      const key = p.keyNode.value;
      if (!restResponseKey.test(key)) {
        ctx.report('apigw.mapping.response-key', p.keyNode, `'${key}' is not a method response parameter. Write method.response.header.<name>.`);
      } else if (methodResponse) {
        const header = key.slice('method.response.header.'.length);
        if (!headers.has(header.toLowerCase())) {
          ctx.report(
            'apigw.mapping.undeclared-header',
            p.keyNode,
            `Header '${header}' is not declared on the ${status} response of ${op.method} ${op.path}; the import fails. Add it under responses.${status}.headers.`,
          );
        }
      }
      const value = p.valueNode;
      const text = value && !isIntrinsic(value) ? scalarText(value) : undefined;
      if (value && text !== undefined && dollarValue.test(text)) {
        ctx.report('apigw.mapping.response-value', value, `'${text}': the form with '$' is shown in the AWS docs but not confirmed to import; exports write '${text.slice(1)}'. Prefer that.`, { severity: 'warning' });
      } else if (value && text !== undefined && !restResponseValue.test(text)) {
        ctx.report(
          'apigw.mapping.response-value',
          value,
          `'${text}' is not a response mapping expression. Use integration.response.header.<name>, integration.response.body[.<JSONPath>], stageVariables.<name>, context.<variable> or a quoted static value such as "'*'".`,
        );
      }
    }
  }
}

function checkHttpParameterMapping(ctx: ValidationContext, integration: ObjectNode): void {
  for (const p of objectValue(getProperty(integration, 'requestParameters'))?.properties ?? []) {
    checkHttpMappingKey(ctx, p, httpRequestKey, 'append|overwrite|remove:header.<name>, append|overwrite|remove:querystring.<name> or overwrite:path');
  }
  for (const status of objectValue(getProperty(integration, 'responseParameters'))?.properties ?? []) {
    const code = Number(status.keyNode.value);
    if (!(Number.isInteger(code) && code >= 200 && code <= 599)) {
      ctx.report('apigw.mapping.response-key', status.keyNode, `Response mappings are keyed by a status code from 200 to 599, not '${status.keyNode.value}'.`);
    }
    for (const p of objectValue(status)?.properties ?? []) {
      checkHttpMappingKey(ctx, p, httpResponseKey, 'append|overwrite|remove:header.<name> or overwrite:statuscode');
    }
  }
}

function checkHttpMappingKey(ctx: ValidationContext, p: PropertyNode, grammar: RegExp, expected: string): void {
  const key = p.keyNode.value;
  if (!grammar.test(key)) {
    ctx.report('apigw.mapping.request-key', p.keyNode, `'${key}' is not an HTTP API parameter mapping. Write ${expected}.`);
    return;
  }
  const header = /:header\.(.+)$/.exec(key)?.[1];
  if (header && isReservedHttpApiHeader(header)) {
    ctx.report('apigw.mapping.reserved-header', p.keyNode, `'${header}' is a reserved header: HTTP API parameter mapping cannot change it, and the import fails.`);
  }
}
