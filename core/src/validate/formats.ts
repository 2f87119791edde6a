import { REGEX } from '../catalog';
import type { FormatName } from '../catalog/types';
import { textForFormatCheck } from './templating';

interface FormatCheck {
  test(text: string): boolean;
  /** What to write instead, shown after the value. */
  expected: string;
}

function regex(source: string, expected: string): FormatCheck {
  const pattern = new RegExp(source);
  return { test: (t) => pattern.test(t), expected };
}

function anyOf(sources: readonly string[], expected: string): FormatCheck {
  const patterns = sources.map((s) => new RegExp(s));
  return { test: (t) => patterns.some((p) => p.test(t)), expected };
}

const CHECKS: Partial<Record<FormatName, FormatCheck>> = {
  lambdaInvokeUri: regex(REGEX.lambdaInvokeUri, 'arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{12-digit account}:function:{name}/invocations'),
  lambdaStreamingUri: regex(REGEX.lambdaStreamingUri, 'arn:aws:apigateway:{region}:lambda:path/2021-11-15/functions/{function ARN}/response-streaming-invocations'),
  lambdaFunctionArn: regex(REGEX.lambdaFunctionArn, 'arn:aws:lambda:{region}:{12-digit account}:function:{name}'),
  awsServiceUri: regex(REGEX.awsServiceUri, 'arn:aws:apigateway:{region}:{service}:path/{path} or …:action/{Action}'),
  httpUrl: regex(REGEX.httpUrl, 'an absolute http:// or https:// URL'),
  elbListenerArn: regex(REGEX.elbListenerArn, 'arn:aws:elasticloadbalancing:{region}:{account}:listener/app|net/{name}/{id}/{id}'),
  cloudMapServiceArn: regex(REGEX.cloudMapServiceArn, 'arn:aws:servicediscovery:{region}:{account}:service/srv-{id}'),
  iamRoleArn: regex(REGEX.iamRoleArn, 'arn:aws:iam::{12-digit account}:role/{name}'),
  cognitoUserPoolArn: regex(REGEX.cognitoUserPoolArn, 'arn:aws:cognito-idp:{region}:{12-digit account}:userpool/{region}_{id}'),
  statusCode: regex(REGEX.statusCode, 'a status code from 100 to 599, such as 200'),
  regex: {
    test: (t) => {
      try {
        new RegExp(t);
        return true;
      } catch {
        return false;
      }
    },
    expected: 'a valid regular expression',
  },
  httpUri: {
    test: (t) => {
      try {
        return /^https?:$/.test(new URL(t).protocol);
      } catch {
        return false;
      }
    },
    expected: 'an absolute https:// URL',
  },
  mediaType: regex(REGEX.mediaType, 'a media type such as application/json or image/*'),
  integrationCredentials: anyOf([REGEX.iamRoleArn, REGEX.callerCredentials], 'an IAM role ARN (arn:aws:iam::{account}:role/{name}), or arn:aws:iam::*:user/* to pass the caller on'),
  integrationUri: anyOf(
    [REGEX.lambdaInvokeUri, REGEX.lambdaStreamingUri, REGEX.lambdaFunctionArn, REGEX.awsServiceUri, REGEX.httpUrl, REGEX.elbListenerArn, REGEX.cloudMapServiceArn],
    'a Lambda invoke URI, an AWS service URI, an http(s) URL, or a load balancer listener or Cloud Map ARN',
  ),
};

/**
 * Checks `text` against a catalog format; returns what is wrong, or undefined when it fits
 * or cannot be judged (a value that Terraform, CDK or CloudFormation fills in later).
 * `${stageVariables.x}` and `${AWS::Region}` are API Gateway's own and are checked with a
 * sample value in their place.
 */
export function checkFormat(format: FormatName, text: string): string | undefined {
  const check = CHECKS[format];
  if (!check) return undefined;
  const concrete = textForFormatCheck(text);
  if (concrete === undefined || check.test(concrete)) return undefined;
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return `'${shown}' does not fit; expected ${check.expected}.`;
}
