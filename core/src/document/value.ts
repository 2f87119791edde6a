import type { ObjectNode, PropertyNode, ValueNode } from './types';

/** The plain JavaScript value of a tree, and whether it was cut short. */
export interface PlainValue {
  value: unknown;
  /** True when the value stopped growing at `maxNodes` nodes (an alias bomb, or a huge text). */
  truncated: boolean;
}

/**
 * The value JSON.parse would give for the tree (YAML included: aliases expand to copies of
 * their anchored value). Expansion is counted, and past `maxNodes` produced nodes the
 * remaining members and items are left out, which keeps a billion-laughs document small.
 * The values of `hollow` members become empty objects (members, not values: an alias shares
 * its value with the anchor's place).
 */
export function toValue(node: ValueNode | undefined, maxNodes = 2_000_000, hollow?: Hollow): PlainValue {
  if (node === undefined) return { value: undefined, truncated: false };
  const budget = { left: maxNodes, truncated: false, hollow };
  return { value: convert(node, budget), truncated: budget.truncated };
}

interface Budget {
  left: number;
  truncated: boolean;
  hollow: Hollow | undefined;
}

/** Members of one object whose values are given as empty objects, for a caller that handles them apart. */
export interface Hollow {
  in: ObjectNode;
  members: ReadonlySet<PropertyNode>;
}

function convert(node: ValueNode, budget: Budget): unknown {
  budget.left--;
  switch (node.kind) {
    case 'object': {
      const result: Record<string, unknown> = {};
      const hollow = budget.hollow?.in === node ? budget.hollow.members : undefined;
      for (const property of node.properties) {
        if (budget.left <= 0) {
          budget.truncated = true;
          break;
        }
        const value = property.valueNode === undefined ? null : hollow?.has(property) ? {} : convert(property.valueNode, budget);
        const key = property.keyNode.value;
        // A plain assignment to '__proto__' would replace the prototype instead of adding a member.
        if (key === '__proto__') {
          Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
        } else {
          result[key] = value;
        }
      }
      return result;
    }
    case 'array': {
      const result: unknown[] = [];
      for (const item of node.items) {
        if (budget.left <= 0) {
          budget.truncated = true;
          break;
        }
        result.push(convert(item, budget));
      }
      return result;
    }
    case 'null':
      return null;
    default:
      return node.value;
  }
}
