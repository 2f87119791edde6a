import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Severity } from '../validate/diagnostic';
import { allRules } from '../validate/ruleCatalog';

export interface FileReport {
  /** The path as given on the command line (or found under a directory argument). */
  file: string;
  diagnostics: Diagnostic[];
}

/** The path to print for a diagnostic's file: relative to the working directory, as compilers print. */
export function displayPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  const rel = path.relative(process.cwd(), fileURLToPath(uri));
  return rel.startsWith('..') ? fileURLToPath(uri) : rel;
}

export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) {
    for (const d of r.diagnostics) {
      count[d.severity]++;
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  const files = reports.length === 1 ? '1 file' : `${reports.length} files`;
  lines.push(`${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'} in ${files}`);
  return lines.join('\n') + '\n';
}

export function formatJson(reports: readonly FileReport[]): string {
  return (
    JSON.stringify({
      version: 1,
      files: reports.map((r) => ({
        file: r.file,
        diagnostics: r.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, pointer: d.pointer, range: d.range })),
      })),
    }) + '\n'
  );
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, the format GitHub code scanning and other CI annotators read. */
export function formatSarif(reports: readonly FileReport[], version: string): string {
  const rules = allRules();
  const index = new Map(rules.map(([code], i) => [code as string, i]));
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.code,
      ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: r.file.split(path.sep).join('/') },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
          logicalLocations: [{ fullyQualifiedName: d.pointer }],
        },
      ],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'apigw',
            version,
            rules: rules.map(([code, info]) => ({
              id: code,
              shortDescription: { text: info.title },
              helpUri: info.page,
              defaultConfiguration: { level: SARIF_LEVEL[info.severity] },
            })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
