import type { DocumentFormat } from '../document/types';
import { expandSnippet } from './templateRender';

/** A snippet as it reads once inserted with its defaults, fenced for markdown documentation. */
export function snippetPreview(snippet: string, format: DocumentFormat): string {
  const text = expandSnippet(snippet).replace(/,$/, '');
  const lines = text.split('\n');
  // Lines after the first carry the cursor's indentation; the preview reads better without it.
  const indents = lines.slice(1).filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const cut = Math.min(...indents, Infinity);
  const shown = lines.map((l, i) => (i === 0 || !Number.isFinite(cut) ? l : l.slice(Math.min(cut, l.length - l.trimStart().length))));
  return `\`\`\`${format}\n${shown.join('\n')}\n\`\`\``;
}
