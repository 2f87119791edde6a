import { JSONPath } from 'jsonpath-plus';
import { jsonPathRegexProblem } from '../../regex/jsonPathFilters';
import { markJson } from './javaValues';

/**
 * A JSONPath is "definite" when it can match at most one node (no wildcard, deep scan,
 * filter, union or slice). Like the Java library API Gateway uses, a definite path yields
 * the value itself and any other path yields a list.
 */
export function isDefinitePath(path: string): boolean {
  if (path.includes('..') || path.includes('*') || path.includes('?(')) return false;
  for (const bracket of path.match(/\[[^\]]*\]/g) ?? []) {
    const inside = bracket.slice(1, -1).trim();
    const quoted = /^'[^']*'$|^"[^"]*"$/.test(inside);
    if (!quoted && (inside.includes(',') || inside.includes(':'))) return false;
  }
  return true;
}

/** Evaluates `path` against parsed JSON: a value (undefined when nothing matches) or a list. */
export function evaluateJsonPath(json: unknown, path: string): unknown {
  const trimmed = path.trim();
  if (trimmed === '$' || trimmed === '') return json;
  // The library runs filters' regexes with RegExp, which nothing can stop once it backtracks.
  const problem = jsonPathRegexProblem(trimmed);
  if (problem) throw new Error(`JSONPath ${trimmed} not evaluated: ${problem}`);
  const matches = JSONPath({ path: trimmed, json: json as object, wrap: true }) as unknown[];
  if (isDefinitePath(trimmed)) return matches.length > 0 ? matches[0] : undefined;
  return markJson(matches);
}
