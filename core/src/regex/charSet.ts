/** The largest code point: a negated class covers everything up to it. */
const MAX = 0x10ffff;

/** A set of code points as sorted, disjoint, non-adjacent inclusive ranges. */
export class CharSet {
  private constructor(readonly ranges: ReadonlyArray<readonly [number, number]>) {}

  static readonly EMPTY = new CharSet([]);
  static readonly ANY = new CharSet([[0, MAX]]);

  static of(ranges: Iterable<readonly [number, number]>): CharSet {
    const sorted = [...ranges].filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [lo, hi] of sorted) {
      const last = merged[merged.length - 1];
      if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
      else merged.push([lo, hi]);
    }
    return new CharSet(merged);
  }

  static char(code: number): CharSet {
    return new CharSet([[code, code]]);
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  union(other: CharSet): CharSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return CharSet.of([...this.ranges, ...other.ranges]);
  }

  complement(): CharSet {
    const out: Array<[number, number]> = [];
    let next = 0;
    for (const [lo, hi] of this.ranges) {
      if (lo > next) out.push([next, lo - 1]);
      next = hi + 1;
    }
    if (next <= MAX) out.push([next, MAX]);
    return new CharSet(out);
  }

  /** Whether some code point is in both sets (a merge walk over the two range lists). */
  overlaps(other: CharSet): boolean {
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const [a0, a1] = this.ranges[i];
      const [b0, b1] = other.ranges[j];
      if (a0 <= b1 && b0 <= a1) return true;
      if (a1 < b1) i++;
      else j++;
    }
    return false;
  }

  /** The same set with the other case of every ASCII letter in it, for the `i` flag. */
  caseFolded(): CharSet {
    const extra: Array<[number, number]> = [];
    for (const [lo, hi] of this.ranges) {
      for (const [from, to, shift] of [
        [0x41, 0x5a, 0x20],
        [0x61, 0x7a, -0x20],
      ] as const) {
        const a = Math.max(lo, from);
        const b = Math.min(hi, to);
        if (a <= b) extra.push([a + shift, b + shift]);
      }
    }
    return extra.length === 0 ? this : CharSet.of([...this.ranges, ...extra]);
  }
}

const range = (a: string, b: string): [number, number] => [a.charCodeAt(0), b.charCodeAt(0)];

export const DIGIT = CharSet.of([range('0', '9')]);
export const WORD = CharSet.of([range('0', '9'), range('A', 'Z'), range('a', 'z'), range('_', '_')]);
/** What `\s` matches: ECMAScript's WhiteSpace and LineTerminator. */
export const SPACE = CharSet.of([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
/** What `.` does not match without the `s` flag. */
export const LINE_TERMINATORS = CharSet.of([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);
