import type { Position, Range } from '../document/types';
import { declarationOf, type DeclarationLocation } from './locations';
import { symbolAt, type Analysis } from './symbolLinks';

export interface DefinitionLink extends DeclarationLocation {
  /** The name the request was made on, for the editor to underline. */
  originRange: Range;
}

/**
 * Where the `$ref`, security requirement or validator name under the cursor is declared,
 * in whichever file of the set that is. On a declaration's own key: itself.
 */
export function findDefinition(analysis: Analysis, uri: string, position: Position): DefinitionLink[] {
  const found = symbolAt(analysis, uri, position);
  if (!found) return [];
  const file = analysis.set.fileOf(found.origin);
  return [{ ...declarationOf(analysis.set, found.target), originRange: file.parsed.lines.range(found.origin.offset, found.origin.length) }];
}
