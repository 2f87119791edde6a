import { isRecord } from '../lambda/records';

export type PolicyDecision = 'allow' | 'explicitDeny' | 'implicitDeny';

export interface PolicyEvaluation {
  decision: PolicyDecision;
  /** Statements with a `Condition`, which the emulator does not evaluate (they are taken to apply). */
  conditionsIgnored: boolean;
}

/**
 * IAM wildcards: `*` any run of characters (slashes included), `?` any one character. Matched
 * without a regex: the patterns come from authorizers' policies, and as a regex `*a*a*a…`
 * backtracks polynomially in the number of stars. Here a mismatch goes back only to the latest
 * `*`, which is O(pattern × value) at worst.
 */
function wildcardMatch(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = v;
    } else if (p < pattern.length && (c === '?' || c === value[v])) {
      p++;
      v++;
    } else if (star >= 0) {
      // Let the latest `*` take one more character and try again after it.
      p = star + 1;
      v = ++resume;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

function list(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

/** Whether a statement's `X` (or `NotX`) element covers `value`; a string when the element is malformed. */
function covers(statement: Record<string, unknown>, element: 'Action' | 'Resource', value: string, caseInsensitive: boolean): boolean | string {
  const positive = statement[element];
  const negative = statement[`Not${element}`];
  if ((positive === undefined) === (negative === undefined)) return `a statement needs exactly one of ${element} and Not${element}`;
  const items = list(positive ?? negative);
  if (!items) return `${positive === undefined ? 'Not' : ''}${element} must be a string or a list of strings`;
  const matched = items.some((p) => (caseInsensitive ? wildcardMatch(p.toLowerCase(), value.toLowerCase()) : wildcardMatch(p, value)));
  return positive !== undefined ? matched : !matched;
}

/**
 * Evaluates an authorizer's policy document for `action` on `resource` as IAM does: an
 * explicit Deny wins, else an Allow allows, else the request is implicitly denied. Actions
 * compare case-insensitively, resources case-sensitively. A malformed document gives its fault.
 */
export function evaluatePolicy(document: unknown, action: string, resource: string): PolicyEvaluation | { invalid: string } {
  if (!isRecord(document)) return { invalid: 'policyDocument is not an object' };
  const raw = document.Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  let allowed = false;
  let conditionsIgnored = false;
  for (const statement of statements) {
    if (!isRecord(statement)) return { invalid: 'a Statement is not an object' };
    const effect = typeof statement.Effect === 'string' ? statement.Effect.toLowerCase() : undefined;
    if (effect !== 'allow' && effect !== 'deny') return { invalid: `Effect must be Allow or Deny, not ${JSON.stringify(statement.Effect)}` };
    const actionCovered = covers(statement, 'Action', action, true);
    if (typeof actionCovered === 'string') return { invalid: actionCovered };
    const resourceCovered = covers(statement, 'Resource', resource, false);
    if (typeof resourceCovered === 'string') return { invalid: resourceCovered };
    if (!actionCovered || !resourceCovered) continue;
    if (statement.Condition !== undefined) conditionsIgnored = true;
    if (effect === 'deny') return { decision: 'explicitDeny', conditionsIgnored };
    allowed = true;
  }
  return { decision: allowed ? 'allow' : 'implicitDeny', conditionsIgnored };
}
