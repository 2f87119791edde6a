/** The cursor in test texts: the text without the mark, and the mark's offset. */
export const CURSOR = '‸';

export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`expected exactly one ${CURSOR} in the text`);
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}
