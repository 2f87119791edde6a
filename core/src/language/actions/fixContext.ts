import type { LoadedFile } from '../../document/documentSet';
import type { AnyNode, PropertyNode, ValueNode } from '../../document/types';
import type { TextEdit, WorkspaceEdit } from '../../edit/textEdit';
import type { LintResult } from '../../lint';
import type { ApiModel, Operation } from '../../model/apiModel';

/** One way to fix one diagnostic. */
export interface Fix {
  title: string;
  isPreferred?: boolean;
  edit: WorkspaceEdit;
}

/** What a fixer gets: the analysis and the diagnostic's node, looked up by its JSON pointer. */
export interface FixContext {
  result: LintResult;
  /** The file the diagnostic is in. */
  file: LoadedFile;
  /** The value at the pointer (for a key diagnostic: the value of that key). */
  node: ValueNode | undefined;
  /** The property at the pointer; undefined for the root or an array item. */
  property: PropertyNode | undefined;
}

/** Groups edits by the file they apply to. */
export function workspaceEdit(...edits: Array<{ file: LoadedFile; edit: TextEdit }>): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const { file, edit } of edits) (changes[file.uri] ??= []).push(edit);
  return { changes };
}

/** The operation a node belongs to: the method's key, or anything written inside the operation. */
export function operationAt(model: ApiModel, node: AnyNode): Operation | undefined {
  for (let n: AnyNode | undefined = node; n !== undefined; n = n.parent) {
    const here = n;
    const op = model.operations.find((o) => o.node === here || o.methodKey.parent === here);
    if (op) return op;
  }
  return undefined;
}

/** OpenAPI 2.0 writes a parameter's or header's type inline; 3.x wraps it in a schema. */
export function stringType(model: ApiModel): { type: string } | { schema: { type: string } } {
  return model.version?.major === '2.0' ? { type: 'string' } : { schema: { type: 'string' } };
}
