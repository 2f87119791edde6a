import type { Position, Range } from './types';

/**
 * Converts between offsets and LSP positions (0-based lines, UTF-16 characters) for one
 * text. A line ends at \n, \r\n or a lone \r, as the LSP specification counts them.
 */
export class LineIndex {
  /**
   * Offset of the first character of each line; always starts with 0. A typed array: half
   * the size of a number array, outside the heap the garbage collector scans, and made at
   * its exact length (an edit makes a new one, and a large definition has 100,000s of lines).
   */
  private readonly lineStarts: Uint32Array;
  /** The text this index is of. */
  readonly text: string;
  /** A \r alone ends a line too; rare, and then an edit re-counts the whole text. */
  private readonly loneCarriageReturns: boolean;

  /** `lineStarts`: the line starts of `text` when already known (see afterEdit). */
  constructor(text: string, lineStarts?: Uint32Array) {
    this.text = text;
    if (lineStarts) {
      this.lineStarts = lineStarts;
      this.loneCarriageReturns = false;
      return;
    }
    const length = text.length;
    this.loneCarriageReturns = text.indexOf('\r') !== -1 && /\r(?!\n)/.test(text);
    if (this.loneCarriageReturns) {
      const starts = [0];
      for (let i = 0; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.lineStarts = Uint32Array.from(starts);
      return;
    }
    // indexOf is far faster than a charCodeAt loop on multi-megabyte texts: one pass counts
    // the lines, the next fills the array made at that size.
    const starts = new Uint32Array(countLineFeeds(text, 0, length) + 1);
    let line = 1;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts[line++] = nl + 1;
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, which is `previous`'s text with [start, oldEnd) replaced: the line
   * starts before the edit are kept and those after it moved, so only the new text is scanned.
   */
  static afterEdit(previous: LineIndex, text: string, start: number, oldEnd: number): LineIndex {
    const delta = text.length - previous.text.length;
    const newEnd = oldEnd + delta;
    if (previous.loneCarriageReturns || /\r(?!\n)/.test(text.slice(Math.max(0, start - 1), newEnd + 1))) return new LineIndex(text);
    const old = previous.lineStarts;
    // A line start s follows the \n at s - 1: kept when that \n is before the edit, moved when after it.
    let kept = 0;
    let high = old.length;
    while (kept < high) {
      const mid = (kept + high) >>> 1;
      if (old[mid] <= start) kept = mid + 1;
      else high = mid;
    }
    let moved = kept;
    while (moved < old.length && old[moved] <= oldEnd) moved++;
    const starts = new Uint32Array(kept + countLineFeeds(text, start, newEnd) + old.length - moved);
    starts.set(old.subarray(0, kept));
    let line = kept;
    for (let nl = text.indexOf('\n', start); nl !== -1 && nl < newEnd; nl = text.indexOf('\n', nl + 1)) starts[line++] = nl + 1;
    for (; moved < old.length; moved++) starts[line++] = old[moved] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  /** A character past the end of its line clamps to the end of that line, before its line break. */
  offsetAt(pos: Position): number {
    const starts = this.lineStarts;
    const text = this.text;
    if (pos.line < 0) return 0;
    if (pos.line >= starts.length) return text.length;
    const start = starts[pos.line];
    let end = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return start + Math.min(Math.max(0, pos.character), end - start);
  }

  range(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}

/** How many \n stand in text[from, to). */
function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let nl = text.indexOf('\n', from); nl !== -1 && nl < to; nl = text.indexOf('\n', nl + 1)) count++;
  return count;
}
