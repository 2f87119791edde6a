import { collectRefs, pointsIntoPaths, refOf, type DocumentSet } from '../document/documentSet';
import { getProperty, nodeAtOffset, nodeAtPointer, pointerOf } from '../document/pointer';
import { SYNTAX_CODE } from '../document/problemCodes';
import type { ObjectNode, PropertyNode, StringNode, ValueNode } from '../document/types';
import { METHOD_KEYS, type ApiModel } from '../model/apiModel';
import { ValidationContext, type Origin } from './context';
import { compareDiagnostics, type Diagnostic } from './diagnostic';
import { ruleInfo } from './ruleCatalog';
import { checkAuthorizers } from './rules/authorizerRules';
import { checkExtensions } from './rules/extensionRules';
import { checkGatewayResponses } from './rules/gatewayResponseRules';
import { checkIntegrations } from './rules/integrationRules';
import { checkMappings } from './rules/mappingRules';
import { checkPaths } from './rules/pathRules';
import { checkRegexes } from './rules/regexRules';
import { checkRefs } from './rules/refRules';
import { checkRootExtensions } from './rules/rootRules';
import { checkSchema } from './rules/schemaRules';
import { checkSecurity } from './rules/securityRules';
import { checkRequestValidators } from './rules/validatorRules';
import { checkVersion } from './rules/versionRules';

const RULE_SETS = [
  checkVersion,
  checkSchema,
  checkRefs,
  checkExtensions,
  checkIntegrations,
  checkMappings,
  checkAuthorizers,
  checkSecurity,
  checkRequestValidators,
  checkGatewayResponses,
  checkPaths,
  checkRootExtensions,
  checkRegexes,
];

/**
 * The rules that check `paths` entries one by one, through forEachOperation and
 * forEachPathEntry, and so can re-check the edited entries alone. The others read nothing
 * inside `paths` but the API kind.
 */
const ENTRY_RULES = new Set([checkSchema, checkRefs, checkExtensions, checkIntegrations, checkMappings, checkSecurity, checkRequestValidators, checkPaths, checkRegexes]);

/** Past this many, further syntax errors in a file are echoes of the first ones. */
const MAX_SYNTAX_ERRORS = 20;
/**
 * Past this many, further text problems of one kind in a file (duplicate keys) are left out:
 * broken deep nesting gave 46,000 of them, each located through the whole depth (25 s).
 */
const MAX_PROBLEMS_PER_CODE = 100;

/** Text problems (syntax, duplicate keys) of every loaded file, as diagnostics: at most one syntax error a line. */
function parseDiagnostics(set: DocumentSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of set.files) {
    const syntaxLines = new Set<number>();
    const perCode = new Map<string, number>();
    for (const p of file.parsed.problems) {
      if (p.code === 'apigw.document.syntax') {
        const line = file.parsed.lines.positionAt(p.offset).line;
        if (syntaxLines.has(line) || syntaxLines.size >= MAX_SYNTAX_ERRORS) continue;
        syntaxLines.add(line);
      } else {
        const count = (perCode.get(p.code) ?? 0) + 1;
        if (count > MAX_PROBLEMS_PER_CODE) continue;
        perCode.set(p.code, count);
      }
      const node = nodeAtOffset(file.parsed.root, p.offset);
      out.push({
        uri: file.uri,
        severity: p.severity,
        code: p.code,
        message: p.message,
        pointer: node ? pointerOf(node) : '',
        range: file.parsed.lines.range(p.offset, p.length),
        link: p.code === 'apigw.document.duplicate-key' ? ruleInfo('apigw.document.duplicate-key').page : ruleInfo('apigw.document.syntax').page,
      });
    }
  }
  return out;
}

/** A validation, kept so that the next one can re-check only the entries an edit changed. */
export interface Validation {
  /** Sorted by file, then position. */
  diagnostics: Diagnostic[];
  /** What the rules reported, in order, with where each stands and which `paths` entry it came from. */
  findings: Array<{ diagnostic: Diagnostic; origin: Origin | undefined }>;
  /** The document-wide facts that entry checks read (see factsOf). */
  facts: string;
  /** Entries whose path item or an operation is a `$ref`: their checks read and mark nodes outside them. */
  referringEntries: Set<PropertyNode>;
  /** Where `$ref`s into `paths` are written (undefined: outside `paths`); found when first needed. */
  pathReferrers?: Set<PropertyNode | undefined>;
}

/** Runs every rule over a loaded document set; see validateAll. */
export function validate(set: DocumentSet, model: ApiModel): Diagnostic[] {
  return validateAll(set, model).diagnostics;
}

/**
 * Runs every rule over a loaded document set. A rule that throws loses its own findings
 * only: the others still run, and the failure becomes a diagnostic instead of a crash.
 */
export function validateAll(set: DocumentSet, model: ApiModel): Validation {
  const ctx = new ValidationContext(set, model);
  for (const rule of RULE_SETS) {
    try {
      rule(ctx);
    } catch (err) {
      ctx.diagnostics.push({
        uri: set.entry.uri,
        severity: 'warning',
        code: 'apigw.internal',
        message: `Internal error in ${rule.name}; its checks were skipped. Please report it: ${err instanceof Error ? err.message : String(err)}`,
        pointer: '',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  const paths = model.root && getProperty(model.root, 'paths')?.valueNode;
  return {
    diagnostics: [...parseDiagnostics(set), ...withoutCascades(ctx.diagnostics, set)].sort(compareDiagnostics),
    findings: ctx.diagnostics.map((diagnostic) => ({ diagnostic, origin: ctx.origins.get(diagnostic) })),
    facts: factsOf(model),
    referringEntries: referringEntries(model),
    // checkRefs has listed the references already.
    pathReferrers: paths?.kind === 'object' ? entriesHolding(set.refsIn(set.entry).filter((ref) => pointsIntoPaths(ref.value)), paths) : undefined,
  };
}

/**
 * The validation of `set` after an edit that changed only the `paths` entries in `changed`
 * (same keys, new values, as re-read in place): their checks run again and every other
 * finding is kept, moved to where its node now stands. Undefined when the edit may have
 * changed findings elsewhere, and everything must be checked: another file, a syntax error,
 * a different API kind, `$ref`s between the edited entries and the rest, or a rule failing.
 * Findings that tie in position, severity and code may come out in another order than a
 * full run would give them.
 */
export function revalidate(previous: Validation, set: DocumentSet, model: ApiModel, changed: ReadonlySet<PropertyNode>): Validation | undefined {
  const root = set.entry.parsed.root;
  const paths = model.root && getProperty(model.root, 'paths')?.valueNode;
  if (set.files.length !== 1 || root === undefined || paths?.kind !== 'object') return undefined;
  if (set.entry.parsed.problems.some((p) => p.code === SYNTAX_CODE)) return undefined;
  const facts = factsOf(model);
  if (facts !== previous.facts) return undefined;
  for (const entry of changed) {
    if (entry.parent !== paths || !entry.keyNode.value.startsWith('/') || previous.referringEntries.has(entry) || isReferring(entry)) return undefined;
  }
  // Only the changed entries have new values, and none of them refers before or after.
  const referring = previous.referringEntries;
  const pathReferrers = new Set(previous.pathReferrers ?? referrersOf(root, paths));
  for (const entry of changed) {
    pathReferrers.delete(entry);
    if (entry.valueNode && referrersOf(entry.valueNode, paths).size > 0) pathReferrers.add(entry);
  }
  for (const referrer of pathReferrers) if (referrer === undefined || !changed.has(referrer)) return undefined;

  const ctx = new ValidationContext(set, model, changed);
  for (const rule of RULE_SETS) {
    if (!ENTRY_RULES.has(rule)) continue;
    try {
      rule(ctx);
    } catch {
      return undefined; // the full run reports it
    }
  }
  const lines = set.entry.parsed.lines;
  const findings: Validation['findings'] = [];
  for (const finding of previous.findings) {
    const origin = finding.origin;
    if (origin?.entry !== undefined && changed.has(origin.entry)) continue;
    findings.push(origin ? { diagnostic: { ...finding.diagnostic, range: lines.range(origin.node.offset, origin.node.length) }, origin } : finding);
  }
  for (const diagnostic of ctx.diagnostics) findings.push({ diagnostic, origin: ctx.origins.get(diagnostic) });
  return {
    diagnostics: [...parseDiagnostics(set), ...findings.map((f) => f.diagnostic)].sort(compareDiagnostics),
    findings,
    facts,
    referringEntries: referring,
    pathReferrers,
  };
}

/**
 * What entry checks read from the whole document: the API kind and how it was found (in
 * messages), and for a REST API without any integration, the one finding that says so and
 * counts the methods.
 */
function factsOf(model: ApiModel): string {
  const ops = model.operations;
  const noneIntegrated = model.kind === 'REST' && ops.length > 0 && ops.every((op) => !op.integration);
  return `${model.kind}|${model.kindDetection.source}|${noneIntegrated ? ops.length : ''}`;
}

function referringEntries(model: ApiModel): Set<PropertyNode> {
  const out = new Set<PropertyNode>();
  const paths = model.root && getProperty(model.root, 'paths')?.valueNode;
  for (const entry of paths?.kind === 'object' ? paths.properties : []) if (isReferring(entry)) out.add(entry);
  return out;
}

/** Whether a `paths` entry's path item or one of its operations is a `$ref`. */
function isReferring(entry: PropertyNode): boolean {
  const item = entry.valueNode;
  return refOf(item) !== undefined || (item?.kind === 'object' && item.properties.some((p) => METHOD_KEYS[p.keyNode.value] !== undefined && refOf(p.valueNode) !== undefined));
}

/** The `paths` entries that hold a `$ref` under `node` into `paths` (undefined for one outside them). */
function referrersOf(node: ValueNode, paths: ObjectNode): Set<PropertyNode | undefined> {
  return entriesHolding(collectRefs(node).filter((ref) => pointsIntoPaths(ref.value)), paths);
}

/** The `paths` entries that hold these `$ref`s (undefined for one outside them). */
function entriesHolding(refs: StringNode[], paths: ObjectNode): Set<PropertyNode | undefined> {
  const out = new Set<PropertyNode | undefined>();
  for (const ref of refs) {
    let n: ValueNode | PropertyNode | ObjectNode | undefined = ref;
    while (n !== undefined && !(n.kind === 'property' && n.parent === paths)) n = n.parent;
    out.add(n?.kind === 'property' ? n : undefined);
  }
  return out;
}


/** Findings that name something defined elsewhere: wrong whenever the definition sits in text that did not parse. */
const CROSS_REFERENCES = new Set([
  'apigw.ref.unresolved',
  'apigw.security.undefined-scheme',
  'apigw.validator.undefined',
  'apigw.integration.missing',
  'apigw.integration.response-status',
  'apigw.mapping.undeclared-parameter',
  'apigw.mapping.undeclared-header',
  'apigw.mapping.cache-key',
  'apigw.path.undeclared-parameter',
]);

/**
 * After a syntax error the parser's recovery guesses at the rest of the text, so the rule
 * findings there would be echoes of the one real mistake. Keep what comes before the first
 * syntax error and is not an object cut by it, and drop cross-reference findings altogether
 * while any file of the set is broken.
 */
function withoutCascades(diagnostics: Diagnostic[], set: DocumentSet): Diagnostic[] {
  const firstError = new Map<string, number>();
  for (const file of set.files) {
    const offsets = file.parsed.problems.filter((p) => p.code === 'apigw.document.syntax').map((p) => p.offset);
    if (offsets.length > 0) firstError.set(file.uri, Math.min(...offsets));
  }
  if (firstError.size === 0) return diagnostics;
  return diagnostics.filter((d) => {
    if (CROSS_REFERENCES.has(d.code)) return false;
    const cut = firstError.get(d.uri);
    if (cut === undefined) return true;
    const file = set.file(d.uri);
    if (!file) return true;
    if (file.parsed.lines.offsetAt(d.range.start) >= cut) return false;
    const node = nodeAtPointer(file.parsed.root, d.pointer);
    const holder = node?.parent?.kind === 'property' ? node.parent : node;
    return !holder || holder.offset + holder.length < cut;
  });
}

