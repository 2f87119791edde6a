import type { ValueNode } from '../document/types';

/**
 * CloudFormation intrinsic written where a plain value is expected: a YAML short tag
 * (`!Sub`, `!GetAtt`) or a one-key object such as `{"Fn::Sub": ...}` or `{"Ref": ...}`.
 * SAM and CloudFormation replace it before API Gateway sees the document.
 */
export function isIntrinsic(node: ValueNode): boolean {
  if (node.tag && node.tag.startsWith('!') && !node.tag.startsWith('!!')) return true;
  if (node.kind !== 'object' || node.properties.length !== 1) return false;
  const key = node.properties[0].keyNode.value;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::');
}

/** `${stageVariables.x}` and `${AWS::Region}`-style import variables, which API Gateway itself resolves. */
const GATEWAY_VARIABLE = /\$\{(stageVariables\.[A-Za-z0-9_]+|AWS::(AccountId|Partition|Region))\}/g;
/** Any other `${...}` or `%{...}`: a Terraform, CDK or CloudFormation placeholder filled in before import. */
const FOREIGN_PLACEHOLDER = /[$%]\{[^}]*\}/;

const SAMPLE: Record<string, string> = {
  'AWS::AccountId': '123456789012',
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
};

/**
 * The string a format check should look at: API Gateway's own variables replaced by
 * sample values of the right shape. `undefined` when the string holds a placeholder of
 * some other tool, whose final value cannot be known here (the check is skipped).
 */
export function textForFormatCheck(value: string): string | undefined {
  const replaced = value.replace(GATEWAY_VARIABLE, (_m, name: string) => SAMPLE[name] ?? 'stagevar');
  return FOREIGN_PLACEHOLDER.test(replaced) ? undefined : replaced;
}

/** True when the string is filled in by another tool before import (so its text is not final). */
export function hasForeignPlaceholder(value: string): boolean {
  return textForFormatCheck(value) === undefined;
}
