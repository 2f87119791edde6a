import { CharSet } from './charSet';
import { parseRegex, RegexTooComplex, type RegexNode } from './regexSyntax';

/*
 * A backtracking engine (JavaScript's, and Java's behind API Gateway) can take time
 * exponential in the input on some patterns, and JavaScript's RegExp has no time limit: one
 * such pattern from a definition would hang the language server or the emulator. This finds
 * the two shapes behind such patterns before anything runs them:
 *
 *  1. a repetition around a part that varies in length and that nothing pins down per round:
 *     `(a+)+`, `(\w+\s?)*`, `(.*,)+`. Every way of cutting a run of characters into rounds is
 *     tried before the match fails. A character every round must take and the inner part
 *     cannot (`(\d+\.)+`: the dot) fixes the cut, so such patterns pass.
 *  2. a repetition around alternatives that can start on the same character: `(a|a)*`,
 *     `(\w|\d)+`, `(.|\s)*`. Each round may take either branch.
 *
 * It is cautious where it cannot tell (back-references, Unicode properties, nesting deeper
 * than it reads), and it does not look for the polynomial cases (`\d+\d+x`), which stay
 * within reach on inputs of the size API Gateway handles.
 */

/** A repetition that may run this often is checked for shape 1 (`(a+){3}` is already cubic). */
const NESTED_MIN_ROUNDS = 3;
/** ... and for shape 2 (`(a|a){8}` is 256 paths per position at most). */
const ALTERNATION_MIN_ROUNDS = 8;
/** Node pairs compared before giving up: a pattern too big to check is treated as unsafe. */
const WORK_BUDGET = 200_000;
/** Longer patterns are not parsed at all: reading a megabyte-long one into nodes took seconds. */
const MAX_SOURCE_LENGTH = 10_000;

interface Facts {
  /** The characters the node can consume. */
  chars: CharSet;
  /** The characters a match of the node can start with. */
  first: CharSet;
  nullable: boolean;
}

class Analysis {
  private readonly facts = new Map<RegexNode, Facts>();
  private work = 0;

  constructor(private readonly source: string) {}

  of(node: RegexNode): Facts {
    let f = this.facts.get(node);
    if (!f) {
      f = this.compute(node);
      this.facts.set(node, f);
    }
    return f;
  }

  private compute(node: RegexNode): Facts {
    switch (node.type) {
      case 'chars':
        return { chars: node.set, first: node.set, nullable: false };
      case 'assertion':
      case 'lookaround':
        return { chars: CharSet.EMPTY, first: CharSet.EMPTY, nullable: true };
      case 'backreference':
        return { chars: CharSet.ANY, first: CharSet.ANY, nullable: true };
      case 'group':
        return this.of(node.body);
      case 'repeat': {
        if (node.max === 0) return { chars: CharSet.EMPTY, first: CharSet.EMPTY, nullable: true };
        const body = this.of(node.body);
        return { chars: body.chars, first: body.first, nullable: node.min === 0 || body.nullable };
      }
      case 'alternation': {
        const parts = node.branches.map((b) => this.of(b));
        return {
          chars: parts.reduce((s, p) => s.union(p.chars), CharSet.EMPTY),
          first: parts.reduce((s, p) => s.union(p.first), CharSet.EMPTY),
          nullable: parts.some((p) => p.nullable),
        };
      }
      case 'sequence': {
        let chars = CharSet.EMPTY;
        let first = CharSet.EMPTY;
        let nullable = true;
        for (const item of node.items) {
          const f = this.of(item);
          chars = chars.union(f.chars);
          if (nullable) first = first.union(f.first);
          nullable = nullable && f.nullable;
        }
        return { chars, first, nullable };
      }
    }
  }

  /** Whether every match of `node` takes at least one character outside `set`. */
  requiresOutside(node: RegexNode, set: CharSet): boolean {
    this.spend();
    switch (node.type) {
      case 'chars':
        return !node.set.isEmpty && !node.set.overlaps(set);
      case 'group':
        return this.requiresOutside(node.body, set);
      case 'repeat':
        return node.min >= 1 && this.requiresOutside(node.body, set);
      case 'sequence':
        return node.items.some((i) => this.requiresOutside(i, set));
      case 'alternation':
        return node.branches.every((b) => this.requiresOutside(b, set));
      default:
        return false;
    }
  }

  spend(): void {
    if (++this.work > WORK_BUDGET) throw new RegexTooComplex('too large to check');
  }

  text(node: { start: number; end: number }): string {
    const t = this.source.slice(node.start, node.end);
    return t.length > 40 ? `${t.slice(0, 37)}...` : t;
  }
}

/** Every node under `node` (itself included), lookarounds too. */
function* walk(node: RegexNode): Generator<RegexNode> {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop() as RegexNode;
    yield n;
    // One by one: spreading a sequence of a few hundred thousand characters overflows the call stack.
    if (n.type === 'sequence') for (const item of n.items) stack.push(item);
    else if (n.type === 'alternation') for (const branch of n.branches) stack.push(branch);
    else if (n.type === 'group' || n.type === 'lookaround' || n.type === 'repeat') stack.push(n.body);
  }
}

/** Repetitions that can take a varying number of characters, at least two. */
function variesInLength(n: RegexNode): n is Extract<RegexNode, { type: 'repeat' }> {
  return n.type === 'repeat' && n.max > n.min && n.max >= 2;
}

/**
 * The leading characters of a branch while it is made of single characters, for telling
 * branches apart; `whole` when the branch is nothing but those.
 */
function fixedPrefix(node: RegexNode): { sets: CharSet[]; whole: boolean } {
  if (node.type === 'chars') return { sets: [node.set], whole: true };
  if (node.type === 'group') return fixedPrefix(node.body);
  if (node.type !== 'sequence') return { sets: [], whole: false };
  const sets: CharSet[] = [];
  for (const item of node.items) {
    const inner = fixedPrefix(item);
    for (const set of inner.sets) sets.push(set);
    if (!inner.whole) return { sets, whole: false };
  }
  return { sets, whole: true };
}

/** Whether two branches may match text starting the same way (so a round can take either). */
function branchesOverlap(analysis: Analysis, a: RegexNode, b: RegexNode): boolean {
  if (!analysis.of(a).first.overlaps(analysis.of(b).first)) return false;
  const pa = fixedPrefix(a).sets;
  const pb = fixedPrefix(b).sets;
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (!pa[i].overlaps(pb[i])) return false;
  return true;
}

function nestedRepetition(analysis: Analysis, outer: Extract<RegexNode, { type: 'repeat' }>): string | undefined {
  for (const inner of walk(outer.body)) {
    analysis.spend();
    if (!variesInLength(inner)) continue;
    // A round must take a character the inner repetition cannot: then it cannot be cut up differently.
    if (analysis.requiresOutside(outer.body, analysis.of(inner).chars)) continue;
    return `the repetition ${analysis.text(inner)} inside the repetition ${analysis.text(outer)} can divide the same text in exponentially many ways`;
  }
  return undefined;
}

function overlappingAlternatives(analysis: Analysis, outer: Extract<RegexNode, { type: 'repeat' }>): string | undefined {
  for (const node of walk(outer.body)) {
    if (node.type !== 'alternation') continue;
    const { branches } = node;
    for (let i = 0; i < branches.length; i++) {
      for (let j = i + 1; j < branches.length; j++) {
        analysis.spend();
        if (branchesOverlap(analysis, branches[i], branches[j])) {
          return `the alternatives of ${analysis.text(node)} can match the same text, and the repetition ${analysis.text(outer)} tries both in every round`;
        }
      }
    }
  }
  return undefined;
}

/**
 * Why the pattern can make a backtracking engine take exponential time, or undefined when it
 * cannot (as far as this analysis sees). For a pattern `new RegExp(source, flags)` accepts.
 */
export function backtrackingRisk(source: string, flags = ''): string | undefined {
  const analysis = new Analysis(source);
  try {
    if (source.length > MAX_SOURCE_LENGTH) throw new RegexTooComplex('too large to check');
    const root = parseRegex(source, flags);
    for (const node of walk(root)) {
      if (node.type !== 'repeat') continue;
      const risk =
        (node.max >= NESTED_MIN_ROUNDS ? nestedRepetition(analysis, node) : undefined) ??
        (node.max >= ALTERNATION_MIN_ROUNDS ? overlappingAlternatives(analysis, node) : undefined);
      if (risk) return risk;
    }
    return undefined;
  } catch (err) {
    if (err instanceof RegexTooComplex) return `the pattern is ${err.message} for catastrophic backtracking, so it is treated as if it had it`;
    throw err;
  }
}

/** A user's pattern, compiled, or why it is not run. */
export type UserRegex = { regex: RegExp } | { invalid: string } | { unsafe: string };

/**
 * Compiles a pattern from a definition or a template for the emulator to run: refused when
 * it is invalid or when matching it could take exponential time (see backtrackingRisk).
 */
export function compileUserRegex(source: string, flags = ''): UserRegex {
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (err) {
    return { invalid: err instanceof Error ? err.message : String(err) };
  }
  const risk = backtrackingRisk(source, flags);
  return risk ? { unsafe: risk } : { regex };
}
