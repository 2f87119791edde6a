import type { DocumentSet } from '../document/documentSet';
import { pointerOf, nodeAtOffset } from '../document/pointer';
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

/** Text problems (syntax, duplicate keys) of every loaded file, as diagnostics. */
function parseDiagnostics(set: DocumentSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of set.files) {
    for (const p of file.parsed.problems) {
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
  return [...parseDiagnostics(set), ...ctx.diagnostics].sort(compareDiagnostics);
}

