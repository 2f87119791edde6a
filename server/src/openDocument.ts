import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../core/src/document/lineIndex';

/**
 * An open document, one object per version, whose line index is core's LineIndex: the lint
 * session reads the same index instead of making its own, so a large definition's lines are
 * counted once per version, and after an edit only from the previous version's index (the
 * library's TextDocument kept a second index: 1.4 MB on a 4.6 MB definition, built with a
 * character loop on the first edit, then a pass over every later line on each edit). The
 * index is made when first asked for, so a document no feature reads costs nothing.
 */
export class OpenDocument implements TextDocument {
  private index: LineIndex | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    lines?: LineIndex,
  ) {
    this.index = lines;
  }

  get lines(): LineIndex {
    this.index ??= new LineIndex(this.text);
    return this.index;
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  /** As the library's document answers: an offset inside a line break stands before it. */
  positionAt(offset: number): Position {
    const { line, character } = this.lines.positionAt(offset);
    const lineStart = Math.max(0, Math.min(offset, this.text.length)) - character;
    return { line, character: this.beforeLineBreak(lineStart + character, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  getLineRange(line: number): Range {
    const last = this.lineCount - 1;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, last);
    const start = this.offsetAt({ line: at, character: 0 });
    return { start: { line: at, character: 0 }, end: { line: at, character: this.beforeLineBreak(this.nextLineStart(at), start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const next = this.nextLineStart(line);
    return this.text.substring(this.beforeLineBreak(next, this.offsetAt({ line, character: 0 })), next);
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.lineCount ? this.offsetAt({ line: line + 1, character: 0 }) : this.text.length;
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }

  /** The next version: the changes applied in order, the line index carried over edit by edit when there is one. */
  update(changes: TextDocumentContentChangeEvent[], version: number): OpenDocument {
    let text = this.text;
    let lines = this.index;
    for (const change of changes) {
      if (!('range' in change)) {
        text = change.text;
        lines = undefined;
        continue;
      }
      const current = lines ?? new LineIndex(text);
      let start = current.offsetAt(change.range.start);
      let end = current.offsetAt(change.range.end);
      // The library accepts a range written end first.
      if (start > end) [start, end] = [end, start];
      text = text.substring(0, start) + change.text + text.substring(end);
      lines = LineIndex.afterEdit(current, text, start, end);
    }
    return new OpenDocument(this.uri, this.languageId, version, text, lines);
  }
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** What TextDocuments needs to keep OpenDocuments up to date. */
export const openDocuments: TextDocumentsConfiguration<OpenDocument> = {
  create: (uri, languageId, version, content) => new OpenDocument(uri, languageId, version, content),
  update: (document, changes, version) => document.update(changes, version),
};
