import { isRecord } from '../lambda/records';

export type PolicyDecision = 'allow' | 'explicitDeny' | 'implicitDeny';

export interface PolicyEvaluation {
  decision: PolicyDecision;
  /** Statements with a `Condition`, which the emulator does not evaluate (they are taken to apply). */
  conditionsIgnored: boolean;
}

const patterns = new Map<string, RegExp>();

/** IAM wildcards: `*` any run of characters (slashes included), `?` any one character. */
function wildcard(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let re = patterns.get(key);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    // Policies come back from authorizers request after request; keep the compiled ones bounded.
    if (patterns.size > 1000) patterns.clear();
    patterns.set(key, re);
  }
  return re;
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
  const matched = items.some((p) => wildcard(p, caseInsensitive).test(value));
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
