import type { DocumentSet } from '../document/documentSet';
import { resolvedValue } from './resolvedValue';

/** API Gateway refuses larger definitions at import. */
export const MAX_IMPORT_BYTES = 6 * 1024 * 1024;

export interface ImportBody {
  bytes: Uint8Array;
  /** True when files reached through `$ref` were inlined into one JSON document. */
  bundled: boolean;
}

/**
 * The body of ImportRestApi / PutRestApi / ImportApi. A single file goes as written (YAML or
 * JSON, comments and all); a definition split over files is joined into one JSON document,
 * since the import cannot read the other files.
 */
export function importBody(set: DocumentSet): ImportBody {
  if (set.files.length === 1) return { bytes: new TextEncoder().encode(set.entry.parsed.text), bundled: false };
  return { bytes: new TextEncoder().encode(JSON.stringify(resolvedValue(set, 'external'))), bundled: true };
}
