import type { DocumentSet } from '../document/documentSet';
import { nodeAtOffset, nodeAtPointer, pointerOf } from '../document/pointer';
import type { ApiModel } from '../model/apiModel';
import { ValidationContext } from './context';
import { compareDiagnostics, type Diagnostic } from './diagnostic';
import { ruleInfo } from './ruleCatalog';
import { checkAuthorizers } from './rules/authorizerRules';
import { checkExtensions } from './rules/extensionRules';
import { checkGatewayResponses } from './rules/gatewayResponseRules';
import { checkIntegrations } from './rules/integrationRules';
import { checkMappings } from './rules/mappingRules';
import { checkPaths } from './rules/pathRules';
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
];

/** Past this many, further syntax errors in a file are echoes of the first ones. */
const MAX_SYNTAX_ERRORS = 20;

/** Text problems (syntax, duplicate keys) of every loaded file, as diagnostics: at most one syntax error a line. */
function parseDiagnostics(set: DocumentSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of set.files) {
    const syntaxLines = new Set<number>();
    for (const p of file.parsed.problems) {
      if (p.code === 'apigw.document.syntax') {
        const line = file.parsed.lines.positionAt(p.offset).line;
        if (syntaxLines.has(line) || syntaxLines.size >= MAX_SYNTAX_ERRORS) continue;
        syntaxLines.add(line);
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

/**
 * Runs every rule over a loaded document set. A rule that throws loses its own findings
 * only: the others still run, and the failure becomes a diagnostic instead of a crash.
 */
export function validate(set: DocumentSet, model: ApiModel): Diagnostic[] {
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
  return [...parseDiagnostics(set), ...withoutCascades(ctx.diagnostics, set)].sort(compareDiagnostics);
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

