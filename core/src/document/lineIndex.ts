import type { Position, Range } from './types';

/**
 * Converts between offsets and LSP positions (0-based lines, UTF-16 characters) for one
 * text. A line ends at \n, \r\n or a lone \r, as the LSP specification counts them.
 */
export class LineIndex {
  /** Offset of the first character of each line; always starts with 0. */
  private readonly lineStarts: number[];
  private readonly text: string;

  constructor(text: string) {
    const starts = [0];
    const length = text.length;
    // indexOf is far faster than a charCodeAt loop on multi-megabyte texts; a lone \r
    // is rare enough that a second pass is only made when one is present.
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      starts.push(nl + 1);
      nl = text.indexOf('\n', nl + 1);
    }
    if (text.indexOf('\r') !== -1 && /\r(?!\n)/.test(text)) {
      starts.length = 1;
      for (let i = 0; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
    this.text = text;
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
