import type { Position } from '../document/types';
import { declarationOf, locationOf, type Location } from './locations';
import { symbolAt, symbolIndex, type Analysis } from './symbolLinks';

function compareLocations(a: Location, b: Location): number {
  return a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * Every name in the document set that points at the declaration under the cursor (or at
 * the one the name under the cursor points at); the declaration's key first when asked.
 */
export function findReferences(analysis: Analysis, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const found = symbolAt(analysis, uri, position);
  if (!found) return [];
  const links = symbolIndex(analysis).byTarget.get(found.target) ?? [];
  const uses = links.map((link) => locationOf(analysis.set, link.source)).sort(compareLocations);
  if (!includeDeclaration) return uses;
  const declaration = declarationOf(analysis.set, found.target);
  return [{ uri: declaration.uri, range: declaration.selectionRange }, ...uses];
}
