import type { Range } from '../document/types';

/** A replacement of one range of one file's text; an insertion has an empty range. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Edits by file URI, as a quick fix may touch a `$ref`'d file as well as the one in the editor. */
export interface WorkspaceEdit {
  changes: Record<string, TextEdit[]>;
}
