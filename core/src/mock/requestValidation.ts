import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import { compileUserRegex } from '../regex/backtracking';
import type { MockOperation } from './definition';
import { GATEWAY_ERRORS, type GatewayError } from './gatewayResponses';
import type { IncomingRequest } from './request';
import { bareMediaType } from './request';

/**
 * How ajv compiles a model's `pattern`: one that could backtrack for exponential time fails
 * the model's compilation (the body then goes unvalidated, with a note) instead of hanging a request.
 */
const guardedRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const compiled = compileUserRegex(pattern, flags);
    if ('regex' in compiled) return compiled.regex;
    throw new Error('invalid' in compiled ? compiled.invalid : `its pattern '${pattern}' is not run: ${compiled.unsafe} (apigw lint reports it as apigw.regex.backtracking)`);
  },
  { code: 'new RegExp' },
);

// `verbose` keeps the failing data and schema on each error, for the messages below.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, verbose: true, logger: false, code: { regExp: guardedRegExp } });
const compiled = new WeakMap<object, ValidateFunction | Error>();

function validatorFor(schema: Record<string, unknown>): ValidateFunction | Error {
  let fn = compiled.get(schema);
  if (!fn) {
    try {
      fn = ajv.compile(schema);
    } catch (err) {
      fn = err instanceof Error ? err : new Error(String(err));
    }
    compiled.set(schema, fn);
  }
  return fn;
}

const quote = (value: unknown) => JSON.stringify(value);
const typeName = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);

/** One failure, in the words of the Java validator behind API Gateway's `$context.error.validationErrorString`. */
function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const data = error.data;
  switch (error.keyword) {
    case 'required':
      return `object has missing required properties ([${quote(p.missingProperty)}])`;
    case 'type':
      return `instance type (${typeName(data)}) does not match any allowed primitive type (allowed: [${String(p.type)
        .split(',')
        .map((t) => quote(t))
        .join(',')}])`;
    case 'enum':
      return `instance value (${quote(data)}) not found in enum (possible values: ${quote(p.allowedValues)})`;
    case 'minimum':
      return `numeric instance is lower than the required minimum (minimum: ${String(p.limit)}, found: ${String(data)})`;
    case 'maximum':
      return `numeric instance is greater than the required maximum (maximum: ${String(p.limit)}, found: ${String(data)})`;
    case 'minLength':
      return `string ${quote(data)} is too short (length: ${String(typeof data === 'string' ? data.length : '')}, required minimum: ${String(p.limit)})`;
    case 'maxLength':
      return `string ${quote(data)} is too long (length: ${String(typeof data === 'string' ? data.length : '')}, maximum allowed: ${String(p.limit)})`;
    case 'pattern':
      return `ECMA 262 regex ${quote(p.pattern)} does not match input string ${quote(data)}`;
    case 'additionalProperties':
      return `object instance has properties which are not allowed by the schema: [${quote(p.additionalProperty)}]`;
    case 'minItems':
      return `array is too short: must have at least ${String(p.limit)} elements but instance has ${String(Array.isArray(data) ? data.length : '')} elements`;
    case 'maxItems':
      return `array is too long: must have at most ${String(p.limit)} elements but instance has ${String(Array.isArray(data) ? data.length : '')} elements`;
    default:
      return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`;
  }
}

/** Missing required query string parameters and headers, by name, in declaration order. */
function missingParameters(op: MockOperation, request: IncomingRequest): string[] {
  const missing: string[] = [];
  for (const p of op.parameters) {
    if (!p.required) continue;
    if (p.in === 'query' && !Object.prototype.hasOwnProperty.call(request.query.multi, p.name)) missing.push(p.name);
    if (p.in === 'header' && !request.headers.has(p.name)) missing.push(p.name);
  }
  return missing;
}

/**
 * Runs the request validator in force on the operation: required parameters first, then the
 * body against the model of its Content-Type. Undefined when the request passes.
 */
export function validateRequest(op: MockOperation, request: IncomingRequest, note: (text: string) => void): GatewayError | undefined {
  const validator = op.validator;
  if (!validator) return undefined;
  if (validator.params) {
    const missing = missingParameters(op, request);
    if (missing.length > 0) return GATEWAY_ERRORS.missingParameters(missing);
  }
  if (!validator.body) return undefined;
  const schema = op.bodySchemas.get(bareMediaType(request.headers.get('content-type')) ?? 'application/json');
  if (!schema) return undefined;
  const fn = validatorFor(schema);
  if (fn instanceof Error) {
    note(`request body not validated: the model does not compile (${fn.message})`);
    return undefined;
  }
  const text = request.body.toString('utf8');
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch (err) {
    return GATEWAY_ERRORS.badRequestBody(`[Invalid JSON in request body: ${err instanceof Error ? err.message : String(err)}]`);
  }
  if (fn(data)) return undefined;
  return GATEWAY_ERRORS.badRequestBody(`[${(fn.errors ?? []).map(describe).join(', ')}]`);
}
