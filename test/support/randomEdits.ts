/*
 * Seeded random edits of YAML definitions, as typing makes them (indicators, broken
 * indentation and API Gateway values included), for the differential tests of the
 * incremental parse and validation.
 */

/** mulberry32: the same edits on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text an editor might put anywhere, YAML's indicators and awkward characters included. */
const PIECES = ['x', ' ', '\n', ':', ': ', '- ', '# note', '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '!Ref ', '|', '>', '\t', '\n  ', '\n      extra: 1', '\r\n', '0', 'true', '~', '? ', '%', '@', '---', '...', 'é', '😀', '\n- item', 'key: value\n'];

/** Values typed over a value: plain YAML, and what API Gateway rules look at. */
const VALUES = ['42', 'POST', 'GET', '"quoted"', 'a b c', '', '[1, 2]', '{a: 1}', '|\n  block', 'aws_proxy', 'MOCK', 'http', 'AWS', '10', '40000', 'method.request.querystring.q', "'#/components/schemas/Nope'", 'NoSuchAuth', 'params-only', '/{id}/x'];

export function randomEdit(text: string, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const at = Math.floor(random() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEndAt = text.indexOf('\n', at);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  const line = text.slice(lineStart, lineEnd);
  switch (Math.floor(random() * 7)) {
    case 0:
    case 1:
      return text.slice(0, at) + pick(PIECES) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 20)));
    case 3:
      return text.slice(0, lineEnd) + '\n' + line + text.slice(lineEnd);
    case 4:
      return text.slice(0, lineStart) + text.slice(Math.min(text.length, lineEnd + 1));
    case 5: {
      // A new value after the key of the line, as typing over a value does.
      const colon = line.indexOf(': ');
      if (colon === -1) return text.slice(0, at) + pick(PIECES) + text.slice(at);
      return text.slice(0, lineStart + colon + 2) + pick(VALUES) + text.slice(lineEnd);
    }
    default:
      // Indent or dedent the line.
      return random() < 0.5 ? text.slice(0, lineStart) + '  ' + text.slice(lineStart) : text.slice(0, lineStart) + text.slice(lineStart).replace(/^ {1,2}/, '');
  }
}

