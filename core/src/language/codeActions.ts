import { nodeAtPointer, propertyAtPointer } from '../document/pointer';
import type { Range } from '../document/types';
import type { WorkspaceEdit } from '../edit/textEdit';
import type { LintResult } from '../lint';
import { fixEnumValue, fixUnknownExtension, fixUnknownProperty } from './actions/catalogFixes';
import { corsActions } from './actions/corsActions';
import type { Fix, FixContext } from './actions/fixContext';
import { addIntegration, lambdaPost } from './actions/integrationFixes';
import { declareMappedParameter, declarePathParameters } from './actions/parameterFixes';
import { fixUndefinedScheme, fixUndefinedValidator } from './actions/referenceFixes';

/** A diagnostic as an editor hands it back: our code, and the pointer we attached to it. */
export interface DiagnosticRef {
  code?: string | number;
  /** From the diagnostic's `data`; when a client drops it, it is looked up by code and range. */
  pointer?: string;
  range: Range;
}

export interface CodeAction<D extends DiagnosticRef> {
  title: string;
  kind: 'quickfix' | 'refactor';
  /** The diagnostic a quick fix resolves. */
  diagnostic?: D;
  isPreferred?: boolean;
  edit: WorkspaceEdit;
}

const FIXERS: Readonly<Record<string, (ctx: FixContext) => Fix[]>> = {
  'apigw.integration.lambda-post': lambdaPost,
  'apigw.integration.missing': addIntegration,
  'apigw.mapping.undeclared-parameter': declareMappedParameter,
  'apigw.mapping.cache-key': declareMappedParameter,
  'apigw.path.undeclared-parameter': declarePathParameters,
  'apigw.extension.enum': fixEnumValue,
  'apigw.extension.unknown': fixUnknownExtension,
  'apigw.extension.unknown-property': fixUnknownProperty,
  'apigw.validator.undefined': fixUndefinedValidator,
  'apigw.security.undefined-scheme': fixUndefinedScheme,
};

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * The actions for a range of `uri`: quick fixes for the given diagnostics of ours, and
 * refactorings that apply where the range starts (enabling CORS). Edits are computed on
 * the analysis of the current text, so a diagnostic from an older version that no longer
 * points anywhere simply gets no fix.
 */
export function codeActions<D extends DiagnosticRef>(result: LintResult, uri: string, range: Range, diagnostics: readonly D[]): Array<CodeAction<D>> {
  const file = result.set.file(uri);
  if (!file) return [];
  const actions: Array<CodeAction<D>> = [];
  for (const diagnostic of diagnostics) {
    const code = String(diagnostic.code);
    const fixer = FIXERS[code];
    if (!fixer) continue;
    const pointer = diagnostic.pointer ?? result.diagnostics.find((d) => d.uri === uri && d.code === code && sameRange(d.range, diagnostic.range))?.pointer;
    if (pointer === undefined) continue;
    const ctx: FixContext = { result, file, node: nodeAtPointer(file.parsed.root, pointer), property: propertyAtPointer(file.parsed.root, pointer) };
    for (const fix of fixer(ctx)) actions.push({ ...fix, kind: 'quickfix', diagnostic });
  }
  for (const fix of corsActions(result, uri, range.start)) actions.push({ ...fix, kind: 'refactor' });
  return actions;
}
