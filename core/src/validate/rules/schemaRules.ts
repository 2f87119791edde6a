import type { ValidationContext } from '../context';
import type { PropertyNode } from '../../document/types';
import { escapeSegment, nodeAtPointer, propertyAtPointer } from '../../document/pointer';
import { ALIAS_EXPANSION_CODE } from '../../document/problemCodes';
import { toValue } from '../../document/value';
import type { ApiVersion } from '../../model/apiModel';
import { checkOpenApiSchema, type OpenApiVersion, type SchemaFinding } from '../openapiSchema';

/** The entry document against the official OpenAPI schema of its version. */
export function checkSchema(ctx: ValidationContext): void {
  const { model } = ctx;
  const version = model.version;
  const major = version?.major;
  const root = model.root;
  if (!root || !version || major === undefined || major === 'other') return;
  const report = (finding: SchemaFinding) => {
    const node = finding.on === 'key' ? propertyAtPointer(root, finding.pointer)?.keyNode : nodeAtPointer(root, finding.pointer);
    ctx.report('apigw.openapi.schema', node ?? root, finding.message);
  };
  if (!ctx.whole) {
    ctx.forEachPathEntry((entry) => checkPathEntry(entry, version, major, report));
    return;
  }
  // Expanding a billion laughs would build millions of nodes before giving up; the parser has reported it.
  if (ctx.set.entry.parsed.problems.some((p) => p.code === ALIAS_EXPANSION_CODE)) return;
  const { value, truncated } = toValue(root);
  if (truncated) return; // larger than toValue's bound: validating the expansion would not end
  for (const finding of checkOpenApiSchema(value, major)) report(finding);
}

/**
 * One `paths` entry alone: the schema checks a path item without looking at anything
 * outside it, so a document holding only this entry gives the findings the whole document
 * gives inside it.
 */
function checkPathEntry(entry: PropertyNode, version: ApiVersion, major: OpenApiVersion, report: (finding: SchemaFinding) => void): void {
  const { value, truncated } = toValue(entry.valueNode);
  if (truncated) return;
  const alone = { [version.field]: toValue(version.node).value, info: { title: '', version: '' }, paths: { [entry.keyNode.value]: value } };
  const prefix = `/paths/${escapeSegment(entry.keyNode.value)}`;
  for (const finding of checkOpenApiSchema(alone, major)) {
    if (finding.pointer === prefix || finding.pointer.startsWith(`${prefix}/`)) report(finding);
  }
}
