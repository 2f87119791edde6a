import type { ApiKind } from '../catalog/types';
import { getProperty } from '../document/pointer';
import type { Operation } from './apiModel';
import { scalarText } from './scalars';

/** What a method hands its requests to, in the words of the API Gateway console. */
export type IntegrationKind = 'lambda' | 'http' | 'vpc-link' | 'mock' | 'aws-service' | 'none' | 'other';

export interface IntegrationSummary {
  kind: IntegrationKind;
  /** `type` as API Gateway shows it (`AWS_PROXY`), undefined when no integration is written. */
  type: string | undefined;
  /** Short name of the kind, e.g. `Lambda proxy`. */
  label: string;
  /** The function name, URL, AWS service or subtype it reaches, when the document says. */
  target: string | undefined;
}

const LAMBDA_URI = /:lambda:path\/|^arn:aws[\w-]*:lambda:/;

function lambdaName(uri: string | undefined): string | undefined {
  return uri === undefined ? undefined : (/:function:([^/:]+)/.exec(uri)?.[1] ?? uri);
}

/** The AWS service of an `arn:aws:apigateway:{region}:{service}:…` URI. */
function awsService(uri: string | undefined): string | undefined {
  return uri === undefined ? undefined : /^arn:aws[\w-]*:apigateway:[^:]*:([^:]+):/.exec(uri)?.[1];
}

export function summarizeIntegration(op: Operation, kind: ApiKind): IntegrationSummary {
  const node = op.integration?.node;
  if (!node) return { kind: 'none', type: undefined, label: 'no integration', target: undefined };
  const text = (key: string) => scalarText(getProperty(node, key)?.valueNode);
  const type = text('type')?.toLowerCase();
  const uri = text('uri');
  const shown = type?.toUpperCase();
  switch (type) {
    case 'mock':
      return { kind: 'mock', type: shown, label: 'Mock', target: undefined };
    case 'aws_proxy': {
      // HTTP APIs reach AWS services through a subtype; REST's AWS_PROXY is Lambda only.
      const subtype = text('integrationSubtype');
      if (kind === 'HTTP' && subtype) return { kind: 'aws-service', type: shown, label: 'AWS service', target: subtype };
      return { kind: 'lambda', type: shown, label: 'Lambda proxy', target: lambdaName(uri) };
    }
    case 'aws':
      if (uri !== undefined && LAMBDA_URI.test(uri)) return { kind: 'lambda', type: shown, label: 'Lambda', target: lambdaName(uri) };
      return { kind: 'aws-service', type: shown, label: 'AWS service', target: awsService(uri) ?? uri };
    case 'http':
    case 'http_proxy': {
      const proxy = type === 'http_proxy' ? 'HTTP proxy' : 'HTTP';
      if (text('connectionType')?.toUpperCase() === 'VPC_LINK') return { kind: 'vpc-link', type: shown, label: `${proxy} via VPC link`, target: uri };
      return { kind: 'http', type: shown, label: proxy, target: uri };
    }
    default:
      return { kind: 'other', type: shown, label: shown ?? 'integration without a type', target: uri };
  }
}
