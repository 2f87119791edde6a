import type { ValueNode } from '../../document/types';
import { backtrackingRisk } from '../../regex/backtracking';
import { jsonPathRegexProblem } from '../../regex/jsonPathFilters';
import type { ValidationContext } from '../context';

/** Values that are data, not schemas: a `pattern` key inside them is not a regex. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-examples']);
const TEMPLATE_MAPS = new Set(['requestTemplates', 'responseTemplates']);
/** Java String methods that take a regex, called on a quoted literal (Velocity does not unescape it). */
const TEMPLATE_REGEX_CALL = /\.(matches|replaceAll|replaceFirst|split)\(\s*(?:"([^"]*)"|'([^']*)')/g;

/** The risk of a pattern as written, or undefined when it is fine or not a valid regex at all (other rules say so). */
function riskOf(source: string, flags = ''): string | undefined {
  try {
    new RegExp(source, flags);
  } catch {
    return undefined;
  }
  return backtrackingRisk(source, flags);
}

const CONSEQUENCE = 'so a long input can keep a backtracking matcher busy for minutes, and the local mock does not run it. Rewrite it so that every repetition is pinned down by a character the repeated part cannot match.';

/** `$input.path('…')` and `$input.json('…')` with a literal JSONPath, whose filters may hold regexes. */
const TEMPLATE_JSON_PATH = /\$input\.(?:path|json)\(\s*(?:"([^"]*)"|'([^']*)')/g;

function checkTemplate(ctx: ValidationContext, node: ValueNode & { kind: 'string' }): void {
  for (const m of node.value.matchAll(TEMPLATE_JSON_PATH)) {
    const problem = jsonPathRegexProblem(m[1] ?? m[2]);
    if (problem) ctx.report('apigw.regex.backtracking', node, `The JSONPath ${m[1] ?? m[2]} in this template runs a regex on request data: ${problem}. API Gateway's matcher can be kept busy by it, and the local mock does not run it.`);
  }
  for (const m of node.value.matchAll(TEMPLATE_REGEX_CALL)) {
    const written = m[2] ?? m[3];
    const insensitive = written.startsWith('(?i)');
    const risk = riskOf(insensitive ? written.slice(4) : written, insensitive ? 'i' : '');
    if (risk) ctx.report('apigw.regex.backtracking', node, `The regex of .${m[1]}("${written}") in this template can take exponential time to match: ${risk}, ${CONSEQUENCE}`);
  }
}

/** Schema `pattern`s and `patternProperties`, and the regexes templates run, under `node`. */
function checkTree(ctx: ValidationContext, node: ValueNode | undefined): void {
  const stack: Array<ValueNode | undefined> = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    // A node that YAML aliases share is walked once, where it is anchored (its parent):
    // following every alias would walk a billion laughs in full.
    if (n?.kind === 'array') for (const item of n.items) if (item.parent === n) stack.push(item);
    if (n?.kind !== 'object') continue;
    const templates = n.parent?.kind === 'property' && TEMPLATE_MAPS.has(n.parent.keyNode.value);
    for (const p of n.properties) {
      const key = p.keyNode.value;
      const value = p.valueNode;
      if (DATA_KEYS.has(key)) continue;
      // The names under patternProperties are regexes too, matched against the body's property names.
      if (key === 'patternProperties' && value?.kind === 'object') {
        for (const named of value.properties) {
          const risk = riskOf(named.keyNode.value, 'u');
          if (risk) ctx.report('apigw.regex.backtracking', named.keyNode, `patternProperties '${named.keyNode.value}' can take exponential time to match: ${risk}, ${CONSEQUENCE}`);
        }
      }
      if (value?.kind === 'string' && templates) checkTemplate(ctx, value);
      else if (value?.kind === 'string' && key === 'pattern') {
        const risk = riskOf(value.value, 'u');
        if (risk) ctx.report('apigw.regex.backtracking', value, `pattern '${value.value}' can take exponential time to match: ${risk}, ${CONSEQUENCE}`);
      } else if (value?.parent === p) stack.push(value);
    }
  }
}

/**
 * Regexes from the definition that API Gateway runs against request data (models' `pattern`
 * in request validation, String.matches and the like in mapping templates), checked for
 * catastrophic backtracking. Selection patterns and identityValidationExpression are checked
 * with the rest of their extension.
 */
export function checkRegexes(ctx: ValidationContext): void {
  ctx.forEachPathEntry((entry) => checkTree(ctx, entry.valueNode));
  const root = ctx.model.root;
  if (!ctx.whole || !root) return;
  for (const p of root.properties) if (p.keyNode.value !== 'paths') checkTree(ctx, p.valueNode);
}
