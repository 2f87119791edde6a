import type { LoadedFile } from '../document/documentSet';
import { pointerOf } from '../document/pointer';
import type { ValueNode } from '../document/types';
import { lineStartAt } from './yamlLine';

const PREVIEW_LINES = 20;

/** The first lines of a `$ref` target, from the key that names it, fenced in its file's language. */
export function refPreview(from: LoadedFile, target: LoadedFile, node: ValueNode): string {
  const text = target.parsed.text;
  const start = node.parent?.kind === 'property' ? node.parent.keyNode.offset : node.offset;
  const lines = text.slice(lineStartAt(text, start), node.offset + node.length).split(/\r?\n/);
  const shown = lines.slice(0, PREVIEW_LINES);
  const indent = Math.min(...shown.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  const body = shown.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
  if (lines.length > PREVIEW_LINES) body.push('…');
  const where = target === from ? 'this file' : (target.uri.split('/').pop() ?? target.uri);
  return `${where} · \`#${pointerOf(node)}\`\n\n\`\`\`${target.parsed.format}\n${body.join('\n')}\n\`\`\``;
}
