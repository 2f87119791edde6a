import type { AwsClients } from './awsClients';
import { DeployError, type FailureKind } from './deployError';

/**
 * One control-plane call: its name, and the IAM action and resource path it needs, so a
 * denial can name the missing `apigateway:` permission even when AWS's message does not.
 */
export interface AwsAction {
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The resource path of the action's ARN, e.g. `/restapis/a1b2c3/stages/prod`. */
  resource: string;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

function shapeOf(err: unknown): SdkErrorShape {
  return err !== null && typeof err === 'object' ? (err as SdkErrorShape) : { message: String(err) };
}

/** Network failures before the request left: nothing can have been changed. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Network failures after the request may have left (the SDK retried them already). */
const CUT_OFF = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
/** Service-side faults the SDK names without always keeping the status code. */
const SERVER_FAULTS = new Set(['ServiceUnavailableException', 'ServiceUnavailable', 'InternalServerError', 'InternalServerErrorException', 'InternalFailure']);

function source(clients: AwsClients): string {
  return clients.profile ? `profile '${clients.profile}'` : 'the default credential chain';
}

async function describe(clients: AwsClients, action: AwsAction, err: unknown): Promise<DeployError> {
  const e = shapeOf(err);
  const name = e.name ?? 'Error';
  const text = clients.redactor.redact(e.message ?? String(err));
  const status = e.$metadata?.httpStatusCode;
  const fail = (message: string, kind: FailureKind, hints: string[] = [], outcomeUnknown = false) =>
    new DeployError(clients.redactor.redact(message), kind, hints.map((h) => clients.redactor.redact(h)), [], outcomeUnknown);
  if (/region is missing/i.test(text)) {
    return fail(`No AWS region for ${action.operation}.`, 'refused', ['Give --region, set region for the stage in apigw.config.json, or set AWS_REGION (or region in the profile).']);
  }
  if ((name === 'CredentialsProviderError' || name === 'TokenProviderError') && /sso/i.test(text)) {
    const profile = clients.profile ?? 'default';
    return fail(`The AWS SSO session of profile '${profile}' has expired or is not signed in.`, 'credentials', [`aws sso login --profile ${profile}`]);
  }
  if (name === 'CredentialsProviderError') {
    return fail(`No AWS credentials from ${source(clients)}: ${text}`, 'credentials', ['Name a profile with --profile (or AWS_PROFILE), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.']);
  }
  if (name === 'ExpiredTokenException' || /security token included in the request is expired/i.test(text)) {
    const login = clients.profile ? `aws sso login --profile ${clients.profile}` : 'Refresh the session credentials (aws sso login, or new keys).';
    return fail(`The AWS credentials from ${source(clients)} have expired (${action.operation}).`, 'credentials', [login]);
  }
  if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException' || /security token included in the request is invalid/i.test(text)) {
    return fail(`AWS rejected the credentials from ${source(clients)} (${action.operation}): ${text}`, 'credentials');
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || (status === 403 && /not authorized|access denied/i.test(text))) {
    const stated = /perform:\s*(apigateway:[A-Z]+)\s+on resource:\s*(\S+)/i.exec(text);
    let permission: string;
    if (stated) permission = `${stated[1]} on ${stated[2].replace(/[.,;]$/, '')}`;
    else {
      const region = await clients.region().catch(() => '*');
      permission = `apigateway:${action.method} on arn:aws:apigateway:${region}::${action.resource}`;
    }
    return fail(`${action.operation} was denied: the identity from ${source(clients)} lacks the IAM permission ${permission}.`, 'access-denied', [
      `Allow "${permission.split(' on ')[0]}" on "${permission.split(' on ')[1]}" in the policy of that identity.`,
    ]);
  }
  if (name === 'TooManyRequestsException' || name === 'ThrottlingException' || status === 429) {
    const attempts = e.$metadata?.attempts;
    return fail(`API Gateway kept throttling ${action.operation}${attempts ? ` after ${attempts} attempts` : ''}: ${text}`, 'throttled', ['Wait a minute and run the same command again; nothing after this step was applied.']);
  }
  if (name === 'NotFoundException') return fail(`${action.operation}: ${text}`, 'not-found');
  if (name === 'ConflictException') return fail(`${action.operation}: ${text}`, 'conflict');
  if (name === 'BadRequestException') return fail(text, 'rejected');
  const code = e.code ?? /\b(E[A-Z]{4,})\b/.exec(text)?.[1];
  const where = clients.endpoint ?? 'the API Gateway endpoint';
  const attempts = e.$metadata?.attempts && e.$metadata.attempts > 1 ? ` after ${e.$metadata.attempts} attempts` : '';
  if ((code && NOT_SENT.has(code)) || /getaddrinfo/.test(text)) {
    return fail(`Cannot reach ${where} (${action.operation}): ${text}`, 'network', clients.endpoint ? [`Is the emulator at ${clients.endpoint} running?`] : []);
  }
  // The request went out: the change it asked for may have been made before the answer was lost.
  const uncertain = action.method !== 'GET';
  if ((code && CUT_OFF.has(code)) || name === 'TimeoutError' || name === 'RequestTimeout') {
    return fail(`The connection to ${where} failed during ${action.operation}${attempts} (${code ?? name}): ${text}`, 'network', ['Check the network connection (and any proxy), then run the same command again.'], uncertain);
  }
  if ((status !== undefined && status >= 500) || SERVER_FAULTS.has(name)) {
    return fail(`API Gateway failed on ${action.operation}${attempts} (${status ? `HTTP ${status} ` : ''}${name}): ${text}`, 'unavailable', ['API Gateway had a fault of its own; try again in a few minutes (https://health.aws.amazon.com).'], uncertain);
  }
  return fail(`${action.operation} failed: ${name}: ${text}`, 'other');
}

/** Sends one call; any failure comes back as a DeployError that says what to do. */
export async function awsCall<T>(clients: AwsClients, action: AwsAction, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (err) {
    throw await describe(clients, action, err);
  }
}

/** Like awsCall, with "does not exist" as undefined (a stage not deployed yet, an API deleted). */
export async function awsFind<T>(clients: AwsClients, action: AwsAction, send: () => Promise<T>): Promise<T | undefined> {
  try {
    return await send();
  } catch (err) {
    if (shapeOf(err).name === 'NotFoundException') return undefined;
    throw await describe(clients, action, err);
  }
}
