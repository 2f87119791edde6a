import type { ValidationContext } from '../context';
import type { KeyNode, ObjectNode, PropertyNode, ValueNode } from '../../document/types';
import { getProperty } from '../../document/pointer';
import { refOf } from '../../document/documentSet';
import type { Operation } from '../../model/apiModel';
import { scalarText } from '../../model/scalars';
import { INTEGRATION_SUBTYPES, QUOTAS, REGEX } from '../../catalog';
import { isIntrinsic, textForFormatCheck } from '../templating';

const lambdaInvokeUri = new RegExp(REGEX.lambdaInvokeUri);
const lambdaStreamingUri = new RegExp(REGEX.lambdaStreamingUri);
const lambdaFunctionArn = new RegExp(REGEX.lambdaFunctionArn);
const awsServiceUri = new RegExp(REGEX.awsServiceUri);
const httpUrl = new RegExp(REGEX.httpUrl);
const elbListenerArn = new RegExp(REGEX.elbListenerArn);
const cloudMapServiceArn = new RegExp(REGEX.cloudMapServiceArn);

/** The integration as the conditional rules read it. */
interface IntegrationView {
  op: Operation;
  node: ObjectNode;
  /** Where to underline something missing: the integration's key in the operation. */
  anchor: KeyNode;
  /** Lower-cased type; undefined when absent or not plain text (the generic checks report that). */
  type: string | undefined;
  prop(name: string): PropertyNode | undefined;
  /** A property's text, or undefined when absent, not a scalar, or a CloudFormation intrinsic. */
  text(name: string): string | undefined;
  /** True when the property exists but its value is computed by another tool. */
  computed(name: string): boolean;
}

function view(op: Operation, integration: NonNullable<Operation['integration']>): IntegrationView {
  const prop = (name: string) => getProperty(integration.node, name);
  const computed = (name: string) => {
    const value = prop(name)?.valueNode;
    if (!value) return false;
    if (isIntrinsic(value)) return true;
    const text = scalarText(value);
    return text !== undefined && textForFormatCheck(text) === undefined;
  };
  const text = (name: string) => {
    const value = prop(name)?.valueNode;
    return value && !isIntrinsic(value) ? scalarText(value) : undefined;
  };
  return { op, node: integration.node, anchor: integration.prop.keyNode, type: text('type')?.toLowerCase(), prop, text, computed };
}

/** Checks a URI-ish property against the formats allowed here; skips values other tools fill in. */
function uriMatches(i: IntegrationView, name: string, ...formats: RegExp[]): { node: ValueNode; ok: boolean } | undefined {
  const node = i.prop(name)?.valueNode;
  const raw = i.text(name);
  if (!node || raw === undefined) return undefined;
  const text = textForFormatCheck(raw);
  if (text === undefined) return undefined;
  return { node, ok: formats.some((f) => f.test(text)) };
}

/** The conditional requirements of x-amazon-apigateway-integration, by API kind and type. */
export function checkIntegrations(ctx: ValidationContext): void {
  const { model } = ctx;
  if (model.kind === 'REST') reportMissingIntegrations(ctx);
  ctx.forEachOperation((op) => {
    if (!op.integration) return;
    const i = view(op, op.integration);
    const written = op.integration.prop.valueNode;
    const shared = written && refOf(written);
    if (shared && model.kind === 'REST') {
      ctx.report('apigw.integration.shared-ref', shared, 'REST APIs do not support shared integrations: write the x-amazon-apigateway-integration object inline in this operation.');
    }
    if (model.kind === 'REST') checkRestIntegration(ctx, i);
    else checkHttpIntegration(ctx, i);
    checkTimeout(ctx, i);
  });
}

function reportMissingIntegrations(ctx: ValidationContext): void {
  const ops = ctx.model.operations;
  const without = ops.filter((op) => !op.integration);
  if (without.length === 0) return;
  if (without.length === ops.length) {
    // A plain OpenAPI document with no API Gateway markup: one finding, not one per method.
    const paths = ctx.model.root && getProperty(ctx.model.root, 'paths');
    if (paths && ctx.whole) {
      ctx.report(
        'apigw.integration.missing',
        paths.keyNode,
        `None of the ${ops.length} methods has an x-amazon-apigateway-integration. API Gateway imports them, but deploying fails with "No integration defined for method". Add an integration to each operation.`,
      );
    }
    return;
  }
  ctx.forEachOperation((op) => {
    if (op.integration) return;
    ctx.report(
      'apigw.integration.missing',
      op.methodKey,
      `${op.method} ${op.path} has no x-amazon-apigateway-integration: deploying the API fails with "No integration defined for method". Add one (a MOCK integration is enough for a stub).`,
    );
  });
}

function checkRestIntegration(ctx: ValidationContext, i: IntegrationView): void {
  const type = i.type;
  if (type === undefined) return;
  const uri = i.prop('uri');
  const needsUri = type === 'http' || type === 'http_proxy' || type === 'aws' || type === 'aws_proxy';
  if (needsUri && !uri) {
    ctx.report('apigw.integration.uri-required', i.anchor, `A ${type.toUpperCase()} integration needs a uri; the import fails without one. ${uriHint(type)}`);
  }
  const uriText = i.text('uri') ?? '';
  const isLambda = type === 'aws_proxy' || (type === 'aws' && /:lambda:path\//.test(uriText));
  checkHttpMethod(ctx, i, isLambda, type !== 'mock');
  if (type === 'aws_proxy') {
    const m = uriMatches(i, 'uri', lambdaInvokeUri, lambdaStreamingUri);
    if (m && !m.ok) {
      ctx.report(
        'apigw.integration.rest-aws-proxy-lambda',
        m.node,
        'In a REST API, aws_proxy means Lambda proxy: the uri must be arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations. For other AWS services use type aws.',
      );
    }
  } else if (type === 'aws') {
    const m = uriMatches(i, 'uri', awsServiceUri);
    if (m && !m.ok) {
      ctx.report(
        'apigw.extension.format',
        m.node,
        'Not an AWS service integration URI; API Gateway answers "AWS ARN for integration must contain path or action". Write arn:aws:apigateway:{region}:{service}:path/{path} or arn:aws:apigateway:{region}:{service}:action/{Action}.',
      );
    }
  } else if (type === 'http' || type === 'http_proxy') {
    const m = uriMatches(i, 'uri', httpUrl);
    if (m && !m.ok) ctx.report('apigw.extension.format', m.node, 'An HTTP integration uri must be an absolute http:// or https:// URL (stage variables such as ${stageVariables.host} are allowed).');
  }
  checkConnection(ctx, i);
  checkStreaming(ctx, i, type);
  if (type === 'aws_proxy' || type === 'http_proxy') {
    for (const name of ['requestTemplates', 'responses'] as const) {
      const p = i.prop(name);
      if (p) {
        ctx.report(
          'apigw.integration.proxy-ignored',
          p.keyNode,
          `${name} has no effect on a ${type} integration: the request and the response pass through unchanged. Remove it, or use a non-proxy type (${type === 'aws_proxy' ? 'aws' : 'http'}) to transform.`,
        );
      }
    }
  }
}

function uriHint(type: string): string {
  if (type === 'aws_proxy') return 'For Lambda: arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations.';
  if (type === 'aws') return 'For example arn:aws:apigateway:{region}:dynamodb:action/PutItem.';
  return 'For example https://backend.example.com/items/{id}.';
}

function checkHttpMethod(ctx: ValidationContext, i: IntegrationView, isLambda: boolean, required: boolean): void {
  const prop = i.prop('httpMethod');
  const method = i.text('httpMethod');
  if (!prop) {
    if (!required) return;
    const what = isLambda ? 'Lambda integrations need `httpMethod: POST`' : `A ${i.type?.toUpperCase()} integration needs the httpMethod to call the backend with`;
    ctx.report('apigw.integration.http-method-required', i.anchor, `${what}; the import fails without it.`);
    return;
  }
  if (isLambda && method !== undefined && method.toUpperCase() !== 'POST' && prop.valueNode) {
    ctx.report(
      'apigw.integration.lambda-post',
      prop.valueNode,
      `API Gateway invokes Lambda with POST, whatever method the client uses: change httpMethod '${method}' to POST (the client-facing ${i.op.method} stays as it is).`,
    );
  }
}

function checkConnection(ctx: ValidationContext, i: IntegrationView): void {
  if (i.text('connectionType')?.toUpperCase() === 'VPC_LINK' && !i.prop('connectionId')) {
    ctx.report('apigw.integration.connection-id', i.anchor, 'A VPC_LINK integration needs connectionId: the VPC link ID, or ${stageVariables.vpcLinkId}.');
  }
}

function checkStreaming(ctx: ValidationContext, i: IntegrationView, type: string): void {
  const mode = i.prop('responseTransferMode');
  if (i.text('responseTransferMode')?.toUpperCase() !== 'STREAM' || !mode?.valueNode) return;
  if (type !== 'http_proxy' && type !== 'aws_proxy') {
    ctx.report('apigw.integration.stream', mode.valueNode, `Response streaming works only with http_proxy and aws_proxy integrations, not ${type}. Use BUFFERED or change the type.`);
    return;
  }
  if (type === 'aws_proxy') {
    const m = uriMatches(i, 'uri', lambdaStreamingUri);
    if (m && !m.ok) {
      ctx.report(
        'apigw.integration.stream',
        m.node,
        'With responseTransferMode STREAM the Lambda uri must be the streaming one: arn:aws:apigateway:{region}:lambda:path/2021-11-15/functions/{function ARN}/response-streaming-invocations.',
      );
    }
  }
}

function checkTimeout(ctx: ValidationContext, i: IntegrationView): void {
  const prop = i.prop('timeoutInMillis');
  const node = prop?.valueNode;
  if (!node || isIntrinsic(node)) return;
  const value = Number(scalarText(node));
  if (!Number.isFinite(value)) return; // the generic type check reports it
  const streaming = i.text('responseTransferMode')?.toUpperCase() === 'STREAM';
  const range = ctx.model.kind === 'HTTP' ? QUOTAS.timeoutInMillisHttp : streaming ? QUOTAS.timeoutInMillisRestStreaming : QUOTAS.timeoutInMillisRest;
  if (value >= range.min && value <= range.max) return;
  const why =
    ctx.model.kind === 'REST' && !streaming && value > range.max
      ? ' (above 29000 needs a Regional or private API with a raised quota, or responseTransferMode STREAM)'
      : '';
  ctx.report('apigw.integration.timeout', node, `timeoutInMillis ${value} is outside ${range.min}..${range.max}${why}.`);
}

function checkHttpIntegration(ctx: ValidationContext, i: IntegrationView): void {
  const type = i.type;
  const typeNode = i.prop('type')?.valueNode;
  if (type !== undefined && type !== 'aws_proxy' && type !== 'http_proxy' && typeNode) {
    ctx.report(
      'apigw.integration.http-api-type',
      typeNode,
      `HTTP APIs support aws_proxy and http_proxy integrations only; '${type}' makes the import warn and skip it. Use aws_proxy (Lambda or an AWS service subtype) or http_proxy.`,
    );
  }
  const subtype = i.text('integrationSubtype');
  const isLambda = type === 'aws_proxy' && !i.prop('integrationSubtype');
  const version = i.text('payloadFormatVersion');
  if (!i.prop('payloadFormatVersion')) {
    ctx.report(
      'apigw.integration.payload-format-required',
      i.anchor,
      `HTTP API integrations need payloadFormatVersion: ${isLambda ? "'2.0' (recommended for Lambda) or '1.0'" : "'1.0'"}.`,
    );
  } else if (version === '2.0' && !isLambda && type !== undefined) {
    const node = i.prop('payloadFormatVersion')?.valueNode;
    if (node) ctx.report('apigw.integration.payload-format-lambda', node, "payloadFormatVersion '2.0' is only for Lambda proxy integrations; use '1.0' here.");
  }
  if (isLambda) {
    const m = uriMatches(i, 'uri', lambdaFunctionArn, lambdaInvokeUri);
    if (m && !m.ok) ctx.report('apigw.extension.format', m.node, 'A Lambda integration uri must be the function ARN (arn:aws:lambda:{region}:{account}:function:{name}) or its API Gateway invoke URI.');
    else if (!i.prop('uri') && type !== undefined) ctx.report('apigw.integration.uri-required', i.anchor, 'A Lambda (aws_proxy) integration needs a uri: the function ARN.');
  }
  if (type === 'http_proxy') {
    const privateLink = i.text('connectionType')?.toUpperCase() === 'VPC_LINK';
    const m = privateLink ? uriMatches(i, 'uri', elbListenerArn, cloudMapServiceArn) : uriMatches(i, 'uri', httpUrl);
    if (m && !m.ok) {
      ctx.report(
        'apigw.extension.format',
        m.node,
        privateLink
          ? 'A private integration uri must be an ALB or NLB listener ARN or a Cloud Map service ARN.'
          : 'An http_proxy uri must be an absolute http:// or https:// URL.',
      );
    } else if (!i.prop('uri')) ctx.report('apigw.integration.uri-required', i.anchor, 'An http_proxy integration needs a uri.');
    checkConnection(ctx, i);
  }
  if (subtype !== undefined) checkSubtype(ctx, i, subtype);
}

function checkSubtype(ctx: ValidationContext, i: IntegrationView, subtype: string): void {
  const subtypeNode = i.prop('integrationSubtype')?.valueNode;
  if (i.type !== undefined && i.type !== 'aws_proxy' && subtypeNode) {
    ctx.report('apigw.integration.subtype-type', subtypeNode, `integrationSubtype ${subtype} needs type aws_proxy.`);
  }
  const spec = INTEGRATION_SUBTYPES[subtype];
  if (!spec) return; // the catalog's enum check names the valid subtypes
  const params = i.prop('requestParameters');
  const given = params?.valueNode?.kind === 'object' ? params.valueNode.properties.map((p) => p.keyNode.value) : [];
  if (params?.valueNode && isIntrinsic(params.valueNode)) return;
  const missing = spec.required.filter((name) => !given.includes(name));
  if (missing.length > 0) {
    ctx.report(
      'apigw.integration.subtype-parameters',
      params?.keyNode ?? i.anchor,
      `${subtype} needs requestParameters ${missing.join(', ')} (required: ${spec.required.join(', ')}; optional: ${spec.optional.join(', ')}).`,
    );
  }
  if (params?.valueNode?.kind === 'object') {
    const known = new Set([...spec.required, ...spec.optional]);
    for (const p of params.valueNode.properties) {
      if (!known.has(p.keyNode.value)) {
        ctx.report('apigw.extension.unknown-property', p.keyNode, `${subtype} has no parameter '${p.keyNode.value}'. Its parameters: ${[...known].join(', ')}.`);
      }
    }
  }
}
