import { existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { HandlerSource } from './functionDefinition';

export type HandlerFile =
  | { file: string }
  | { refused: string }
  | { missing: string };

const TYPESCRIPT = ['.ts', '.mts', '.cts'];

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The file a handler runs from: the first candidate that exists, once it is certain that it lies
 * inside the workspace, both as written and after symbolic links (a link to /etc is no better than
 * `../../etc`). Looked up at each cold start, so a file created or built after start-up is found.
 */
export function resolveHandlerFile(source: HandlerSource, workspaceRoot: string): HandlerFile {
  const root = realpathSync(workspaceRoot);
  const lexicalRoot = path.resolve(workspaceRoot);
  const outside = source.candidates.find((c) => !inside(lexicalRoot, c) && !inside(root, c));
  if (outside !== undefined) {
    return { refused: `handler "${source.written}" resolves to ${outside}, outside the workspace ${lexicalRoot}; only code inside the workspace is run` };
  }
  for (const candidate of source.candidates) {
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (!inside(root, real)) {
      return { refused: `handler "${source.written}" is a link to ${real}, outside the workspace ${root}; only code inside the workspace is run` };
    }
    if (TYPESCRIPT.includes(path.extname(real))) return { missing: typescriptMessage(source.written, real) };
    return { file: real };
  }
  const typescript = source.candidates
    .flatMap((c) => TYPESCRIPT.map((ext) => c.slice(0, c.length - path.extname(c).length) + ext))
    .find((c) => existsSync(c));
  if (typescript !== undefined) return { missing: typescriptMessage(source.written, typescript) };
  return { missing: `handler "${source.written}" not found; looked for ${source.candidates.join(', ')}` };
}

function typescriptMessage(written: string, file: string): string {
  return (
    `handler "${written}" is TypeScript (${file}), which is not run directly: compile it ` +
    '(tsc, esbuild, `sam build`) and map the function to the compiled JavaScript, ' +
    'for example "dist/orders.js#handler" in apigw.config.json'
  );
}
