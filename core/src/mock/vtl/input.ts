import { evaluateJsonPath } from './jsonPath';
import { markJson } from './javaValues';
import { parseJsonText } from './util';

/** `$input.params()`: the method request's parameters by location. */
export interface InputParams {
  path: Record<string, string>;
  querystring: Record<string, string>;
  header: Record<string, string>;
}

/**
 * The `$input` object of a mapping template: the payload (request or integration response
 * body) and the method request's parameters.
 */
export class VtlInput {
  private parsed: { value: unknown } | undefined;

  constructor(
    private readonly payload: string,
    private readonly parameters: InputParams,
  ) {}

  /** The raw payload; an empty payload reads as `{}`, as API Gateway presents it. */
  get body(): string {
    return this.payload === '' ? '{}' : this.payload;
  }

  /** The JSONPath result as a JSON string. */
  json(path: unknown): string {
    const result = this.select(typeof path === 'string' ? path : '$');
    return result === undefined ? 'null' : JSON.stringify(result);
  }

  /** The JSONPath result as an object (map, list, string, number) that templates can walk. */
  path(path: unknown): unknown {
    return this.select(typeof path === 'string' ? path : '$');
  }

  /** All parameters by location, or one parameter looked up in path, query string, then headers. */
  params(name?: unknown): unknown {
    if (name === undefined) return this.parameters;
    const key = String(name);
    const { path, querystring, header } = this.parameters;
    if (Object.prototype.hasOwnProperty.call(path, key)) return path[key];
    if (Object.prototype.hasOwnProperty.call(querystring, key)) return querystring[key];
    const lower = key.toLowerCase();
    for (const [headerName, value] of Object.entries(header)) if (headerName.toLowerCase() === lower) return value;
    return '';
  }

  toString(): string {
    return '$input';
  }

  private select(path: string): unknown {
    if (!this.parsed) {
      // An empty payload reads as an empty object; a payload that is not JSON fails the template.
      this.parsed = { value: this.payload.trim() === '' ? {} : markJson(parseJsonText(this.payload)) };
    }
    return this.parsed.value === undefined ? undefined : evaluateJsonPath(this.parsed.value, path);
  }
}
