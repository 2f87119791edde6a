import { Diagnostic, DiagnosticSeverity, languages, Range, Uri, type DiagnosticCollection } from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../../../core/src/validate/diagnostic';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

/**
 * What API Gateway said at the last deploy, on the nodes it named: kept apart from the
 * language server's diagnostics, and replaced by the next deploy of the same definition.
 */
export class DeployDiagnostics {
  private readonly collection: DiagnosticCollection = languages.createDiagnosticCollection('apigw-deploy');
  /** The files each definition's last deploy put diagnostics on (its `$ref`d files included). */
  private readonly owned = new Map<string, string[]>();

  show(definition: Uri, diagnostics: readonly CoreDiagnostic[]): void {
    this.clear(definition);
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      const r = d.range;
      const vd = new Diagnostic(new Range(r.start.line, r.start.character, r.end.line, r.end.character), d.message, SEVERITY[d.severity]);
      vd.source = 'API Gateway deploy';
      vd.code = d.link ? { value: d.code, target: Uri.parse(d.link) } : d.code;
      byFile.set(d.uri, [...(byFile.get(d.uri) ?? []), vd]);
    }
    for (const [uri, list] of byFile) this.collection.set(Uri.parse(uri), list);
    this.owned.set(definition.toString(), [...byFile.keys()]);
  }

  clear(definition: Uri): void {
    for (const uri of this.owned.get(definition.toString()) ?? []) this.collection.delete(Uri.parse(uri));
    this.owned.delete(definition.toString());
  }

  dispose(): void {
    this.collection.dispose();
  }
}
