import { CharSet, DIGIT, LINE_TERMINATORS, SPACE, WORD } from './charSet';

/**
 * A regular expression as far as backtracking analysis needs it: what each part can
 * consume and how it repeats. Offsets point into the source, for messages.
 */
export type RegexNode =
  | { type: 'chars'; set: CharSet }
  | { type: 'sequence'; items: RegexNode[] }
  | { type: 'alternation'; branches: RegexNode[]; start: number; end: number }
  | { type: 'group'; body: RegexNode }
  /** A lookahead or lookbehind: consumes nothing, but its body runs (and backtracks) too. */
  | { type: 'lookaround'; body: RegexNode }
  | { type: 'repeat'; body: RegexNode; min: number; max: number; start: number; end: number }
  /** `^`, `$`, `\b`, `\B`. */
  | { type: 'assertion' }
  /** `\1`, `\k<name>`: whatever a group matched, so any text. */
  | { type: 'backreference' };

/** Deeper nesting is not analysed (and a recursive walk could run out of stack). */
export const MAX_NESTING = 200;

export class RegexTooComplex extends Error {}

/**
 * Parses JavaScript regex syntax (and the Java syntax API Gateway's patterns share with it).
 * Only called on patterns `new RegExp` accepted, so it is lenient: anything it does not know
 * is read as one character of any kind, which can only make the analysis more cautious.
 */
export function parseRegex(source: string, flags: string): RegexNode {
  return new Parser(source, flags.includes('i'), flags.includes('s')).parse();
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
    private readonly dotAll: boolean,
  ) {}

  parse(): RegexNode {
    const node = this.alternation();
    // A stray `)` cannot be in a pattern RegExp accepted; read on rather than lose the rest.
    while (this.pos < this.src.length) {
      this.pos++;
      this.alternation();
    }
    return node;
  }

  private alternation(): RegexNode {
    const start = this.pos;
    const branches = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0] : { type: 'alternation', branches, start, end: this.pos };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const start = this.pos;
      const atom = this.atom();
      items.push(this.quantified(atom, start));
    }
    return items.length === 1 ? items[0] : { type: 'sequence', items };
  }

  private quantified(atom: RegexNode, start: number): RegexNode {
    const c = this.src[this.pos];
    let bounds: [number, number] | undefined;
    if (c === '*') bounds = [0, Infinity];
    else if (c === '+') bounds = [1, Infinity];
    else if (c === '?') bounds = [0, 1];
    if (bounds) this.pos++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos, this.pos + 24));
      if (!m) return atom;
      bounds = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])];
      this.pos += m[0].length;
    } else return atom;
    // Lazy (`*?`) and, in Java, possessive (`*+`) forms backtrack over the same choices.
    if (this.src[this.pos] === '?' || this.src[this.pos] === '+') this.pos++;
    const repeat: RegexNode = { type: 'repeat', body: atom, min: bounds[0], max: bounds[1], start, end: this.pos };
    // `a**` is a syntax error in JavaScript, but nothing is lost by reading it as nested.
    const next = this.src[this.pos];
    return next === '*' || next === '+' || next === '?' || next === '{' ? this.quantified(repeat, start) : repeat;
  }

  private atom(): RegexNode {
    const c = this.src[this.pos];
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '.':
        this.pos++;
        return this.chars(this.dotAll ? CharSet.ANY : LINE_TERMINATORS.complement());
      case '^':
      case '$':
        this.pos++;
        return { type: 'assertion' };
      case '\\':
        return this.escape();
      default: {
        const code = this.src.codePointAt(this.pos) ?? 0;
        this.pos += code > 0xffff ? 2 : 1;
        return this.chars(CharSet.char(code));
      }
    }
  }

  private group(): RegexNode {
    if (++this.depth > MAX_NESTING) throw new RegexTooComplex(`groups nested more than ${MAX_NESTING} deep`);
    this.pos++;
    const rest = this.src.slice(this.pos, this.pos + 4);
    let lookaround = false;
    if (rest.startsWith('?=') || rest.startsWith('?!')) {
      lookaround = true;
      this.pos += 2;
    } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
      lookaround = true;
      this.pos += 3;
    } else if (rest.startsWith('?<')) {
      this.pos = this.src.indexOf('>', this.pos) + 1 || this.src.length;
    } else if (rest.startsWith('?')) {
      // `(?:`, and modifier groups such as `(?i:`.
      const colon = /^\?[a-zA-Z-]*:/.exec(this.src.slice(this.pos, this.pos + 12));
      this.pos += colon ? colon[0].length : 1;
    }
    const body = this.alternation();
    if (this.src[this.pos] === ')') this.pos++;
    this.depth--;
    return lookaround ? { type: 'lookaround', body } : { type: 'group', body };
  }

  private chars(set: CharSet): RegexNode {
    return { type: 'chars', set: this.ignoreCase ? set.caseFolded() : set };
  }

  /** An escape outside a class: a class escape, an assertion, a back-reference or one character. */
  private escape(): RegexNode {
    const c = this.src[this.pos + 1];
    if (c === 'b' || c === 'B') {
      this.pos += 2;
      return { type: 'assertion' };
    }
    if (c !== undefined && /[1-9]/.test(c)) {
      this.pos += 2;
      while (/[0-9]/.test(this.src[this.pos] ?? '')) this.pos++;
      return { type: 'backreference' };
    }
    if (c === 'k' && this.src[this.pos + 2] === '<') {
      this.pos = this.src.indexOf('>', this.pos) + 1 || this.src.length;
      return { type: 'backreference' };
    }
    return this.chars(this.escapedSet(false));
  }

  /** The characters one escape stands for, at `pos` (on the backslash); moves past it. */
  private escapedSet(inClass: boolean): CharSet {
    const c = this.src[this.pos + 1] ?? '\\';
    this.pos += 2;
    switch (c) {
      case 'd':
        return DIGIT;
      case 'D':
        return DIGIT.complement();
      case 'w':
        return WORD;
      case 'W':
        return WORD.complement();
      case 's':
        return SPACE;
      case 'S':
        return SPACE.complement();
      case 'n':
        return CharSet.char(0x0a);
      case 'r':
        return CharSet.char(0x0d);
      case 't':
        return CharSet.char(0x09);
      case 'v':
        return CharSet.char(0x0b);
      case 'f':
        return CharSet.char(0x0c);
      case '0':
        return CharSet.char(0);
      case 'b':
        // Only reached inside a class, where it is a backspace.
        return CharSet.char(inClass ? 0x08 : 0x62);
      case 'c': {
        const letter = this.src.charCodeAt(this.pos);
        if (/[A-Za-z]/.test(this.src[this.pos] ?? '')) {
          this.pos++;
          return CharSet.char(letter % 32);
        }
        return CharSet.char(0x5c);
      }
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos, this.pos + 2));
        if (!hex) return CharSet.char(0x78);
        this.pos += 2;
        return CharSet.char(parseInt(hex[0], 16));
      }
      case 'u': {
        const hex = /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/.exec(this.src.slice(this.pos, this.pos + 8));
        if (!hex) return CharSet.char(0x75);
        this.pos += hex[0].length;
        return CharSet.char(Math.min(parseInt(hex[1] ?? hex[2], 16), 0x10ffff));
      }
      case 'p':
      case 'P': {
        // A Unicode property: its members are not worth tabulating here; any character is the cautious reading.
        if (this.src[this.pos] === '{') this.pos = this.src.indexOf('}', this.pos) + 1 || this.src.length;
        return CharSet.ANY;
      }
      default: {
        const code = this.src.codePointAt(this.pos - 1) ?? 0;
        if (code > 0xffff) this.pos++;
        return CharSet.char(code);
      }
    }
  }

  private charClass(): RegexNode {
    this.pos++;
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    let set = CharSet.EMPTY;
    while (this.pos < this.src.length && this.src[this.pos] !== ']') {
      if (this.src[this.pos] === '[') {
        // A nested class (the `v` flag) or a literal `[`: read cautiously as any character.
        set = CharSet.ANY;
        const close = this.src.indexOf(']', this.pos);
        this.pos = close < 0 ? this.src.length : close + 1;
        continue;
      }
      const low = this.classAtom();
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const high = this.classAtom();
        const lo = low.ranges.length === 1 && low.ranges[0][0] === low.ranges[0][1] ? low.ranges[0][0] : undefined;
        const hi = high.ranges.length === 1 && high.ranges[0][0] === high.ranges[0][1] ? high.ranges[0][0] : undefined;
        // `[\d-x]` is a class escape, a hyphen and a character, not a range.
        set = lo !== undefined && hi !== undefined ? set.union(CharSet.of([[lo, hi]])) : set.union(low).union(high).union(CharSet.char(0x2d));
      } else set = set.union(low);
    }
    if (this.src[this.pos] === ']') this.pos++;
    return this.chars(negated ? set.complement() : set);
  }

  private classAtom(): CharSet {
    if (this.src[this.pos] === '\\') return this.escapedSet(true);
    const code = this.src.codePointAt(this.pos) ?? 0;
    this.pos += code > 0xffff ? 2 : 1;
    return CharSet.char(code);
  }
}
