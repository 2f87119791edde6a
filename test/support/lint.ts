import { lintText, type LintOptions } from '../../core/src/lint';
import type { Diagnostic } from '../../core/src/validate/diagnostic';

/** Removes the common indentation of a template literal so YAML fixtures can sit indented in tests. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** Lints `text` as file:///api/<name>, with `files` as the other files its $refs can reach. */
export async function lint(text: string, options: LintOptions & { name?: string; files?: Record<string, string> } = {}): Promise<Diagnostic[]> {
  const files = options.files ?? {};
  const uri = `file:///api/${options.name ?? 'api.yaml'}`;
  const read = async (u: string) => files[u.replace('file:///api/', '')];
  const result = await lintText(uri, text, read, options);
  return result.diagnostics;
}

export function codes(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => d.code);
}
