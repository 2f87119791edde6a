import type { ValidationContext } from '../context';
import { nodeAtPointer, propertyAtPointer } from '../../document/pointer';
import { toValue } from '../../document/value';
import { checkOpenApiSchema } from '../openapiSchema';

/** The entry document against the official OpenAPI schema of its version. */
export function checkSchema(ctx: ValidationContext): void {
  const { model } = ctx;
  const version = model.version?.major;
  if (!model.root || version === undefined || version === 'other') return;
  const { value, truncated } = toValue(model.root);
  if (truncated) return; // an alias bomb: the parser has reported it, and validating the expansion would not end
  for (const finding of checkOpenApiSchema(value, version)) {
    const node = finding.on === 'key' ? propertyAtPointer(model.root, finding.pointer)?.keyNode : nodeAtPointer(model.root, finding.pointer);
    ctx.report('apigw.openapi.schema', node ?? model.root, finding.message);
  }
}
