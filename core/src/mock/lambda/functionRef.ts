/*
 * Which Lambda function an integration or authorizer names. API definitions name it in several
 * ways: the invoke URI (REST, authorizers), the bare function ARN (HTTP APIs), a SAM/CloudFormation
 * `${Fn.Arn}` or `!GetAtt Fn.Arn`, and stage variables anywhere in them.
 */

/** Partition and region may be `${AWS::Partition}`, `${AWS::Region}` in a Fn::Sub, colons included. */
const INVOKE_URI = /^arn:.+?:apigateway:.*?:lambda:path\/[^/]+\/functions\/(.+)\/(?:response-streaming-)?invocations$/;
const FUNCTION_ARN = /^arn:[^:]+:lambda:([^:]*):([^:]*):function:([^:]+)(?::([^:]+))?$/;
/** `${Fn.Arn}` inside a Fn::Sub, or `Fn.Arn` left by a `!GetAtt Fn.Arn` once its tag is dropped. */
const LOGICAL_ID_ARN = /^(?:\$\{([A-Za-z0-9]+)\.Arn\}|([A-Za-z0-9]+)\.Arn)$/;
const BARE_NAME = /^[A-Za-z0-9_-]+(?::[A-Za-z0-9$_-]+)?$/;
const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;

/**
 * The function an integration or authorizer `uri` names, with stage variables substituted:
 * a function ARN (qualifier kept), a bare name (`orders`, `orders:live`), or a CloudFormation
 * logical id (from `${Orders.Arn}`, `!GetAtt Orders.Arn`, `{ "Fn::GetAtt": ["Orders", "Arn"] }`).
 * `uri` may be a string or the plain value of a `Fn::Sub`/`Fn::GetAtt`/`Ref`. A stage variable
 * the stage does not set stays as written, so the runner can say which one is missing.
 * Undefined when the uri is not a Lambda function (an HTTP URL, another AWS service).
 */
export function functionRefFromUri(uri: unknown, stageVariables: Readonly<Record<string, string>>): string | undefined {
  const text = intrinsicText(uri);
  if (text === undefined) return undefined;
  const substituted = text.replace(STAGE_VARIABLE, (whole, name: string) => stageVariables[name] ?? whole);
  const invoked = INVOKE_URI.exec(substituted);
  const target = invoked ? invoked[1] : substituted;
  const logical = LOGICAL_ID_ARN.exec(target);
  if (logical) return logical[1] ?? logical[2];
  if (FUNCTION_ARN.test(target)) return target;
  return BARE_NAME.test(target) || (invoked !== null && target.includes('${stageVariables.')) ? target : undefined;
}

function intrinsicText(uri: unknown): string | undefined {
  if (typeof uri === 'string') return uri;
  if (typeof uri !== 'object' || uri === null || Array.isArray(uri)) return undefined;
  const record = uri as Record<string, unknown>;
  const sub = record['Fn::Sub'];
  if (typeof sub === 'string') return sub;
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
  const getAtt = record['Fn::GetAtt'];
  if (typeof getAtt === 'string') return getAtt;
  if (Array.isArray(getAtt) && getAtt.length === 2 && getAtt[1] === 'Arn' && typeof getAtt[0] === 'string') return `${getAtt[0]}.Arn`;
  const ref = record.Ref;
  return typeof ref === 'string' ? ref : undefined;
}

export interface FunctionRefParts {
  /** The function name, or the logical id / bare name the ref is. */
  name: string;
  qualifier?: string;
  region?: string;
  accountId?: string;
}

export function parseFunctionRef(ref: string): FunctionRefParts {
  const arn = FUNCTION_ARN.exec(ref);
  if (arn) return { region: arn[1] || undefined, accountId: arn[2] || undefined, name: arn[3], qualifier: arn[4] };
  const colon = ref.indexOf(':');
  return colon < 0 ? { name: ref } : { name: ref.slice(0, colon), qualifier: ref.slice(colon + 1) };
}

/** The keys a mapping may list the function under, most specific first. */
export function lookupKeys(ref: string): string[] {
  const { name, qualifier } = parseFunctionRef(ref);
  const keys = [ref];
  if (qualifier !== undefined) keys.push(ref.slice(0, ref.length - qualifier.length - 1), `${name}:${qualifier}`);
  keys.push(name);
  return [...new Set(keys)];
}

/** The stage variables a ref still names because the stage does not set them. */
export function unsetStageVariables(ref: string): string[] {
  return [...ref.matchAll(STAGE_VARIABLE)].map((m) => m[1]);
}
