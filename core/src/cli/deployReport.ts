import type { DeployError } from '../deploy/deployError';
import type { DeployOutcome } from '../deploy/deployOutcome';
import type { Diagnostic } from '../validate/diagnostic';
import { displayPath, formatText, type FileReport } from './formatters';

/** Diagnostics grouped by file and printed as `apigw lint` prints them. */
export function diagnosticsText(diagnostics: readonly Diagnostic[]): string {
  const byFile = new Map<string, FileReport>();
  for (const d of diagnostics) {
    const file = displayPath(d.uri);
    if (!byFile.has(file)) byFile.set(file, { file, diagnostics: [] });
    byFile.get(file)?.diagnostics.push(d);
  }
  return formatText([...byFile.values()]);
}

export function outcomeText(o: DeployOutcome): string {
  const lines: string[] = [];
  if (o.warningDiagnostics.length > 0) lines.push(diagnosticsText(o.warningDiagnostics).trimEnd());
  for (const note of o.notes) lines.push(`note: ${note}`);
  const api = `${o.kind} API ${o.apiId}${o.created ? ' (created)' : ''}`;
  lines.push(o.deploymentId ? `Deployed ${api} to stage ${o.stage}: deployment ${o.deploymentId}${o.previousDeploymentId ? ` (previous: ${o.previousDeploymentId})` : ''}.` : `Imported ${api}; stage ${o.stage} deploys it itself.`);
  lines.push(`Invoke URL: ${o.invokeUrl}`);
  return lines.join('\n') + '\n';
}

export function failureText(e: DeployError): string {
  const lines = [];
  if (e.diagnostics.length > 0) lines.push(diagnosticsText(e.diagnostics).trimEnd());
  lines.push(`apigw: ${e.message}`);
  for (const h of e.hints) lines.push(`  ${h}`);
  return lines.join('\n') + '\n';
}

export function outcomeJson(o: DeployOutcome): string {
  const { warningDiagnostics, ...rest } = o;
  return JSON.stringify({ version: 1, ok: true, ...rest, diagnostics: warningDiagnostics.map(jsonDiagnostic) }) + '\n';
}

export function failureJson(e: DeployError): string {
  return JSON.stringify({ version: 1, ok: false, error: { kind: e.kind, message: e.message, hints: e.hints }, diagnostics: e.diagnostics.map(jsonDiagnostic) }) + '\n';
}

function jsonDiagnostic(d: Diagnostic) {
  return { file: displayPath(d.uri), severity: d.severity, code: d.code, message: d.message, pointer: d.pointer, range: d.range };
}
