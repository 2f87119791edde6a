import type { ValueNode } from '../document/types';

/**
 * The text of a scalar as API Gateway reads it: its importer coerces numbers and booleans
 * to strings, so `statusCode: 200` and `payloadFormatVersion: 1.0` count as "200" and "1.0".
 */
export function scalarText(node: ValueNode | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return node.source;
    case 'boolean':
      return String(node.value);
    default:
      return undefined;
  }
}
