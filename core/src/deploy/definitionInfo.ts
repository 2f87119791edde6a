import type { ApiKind } from '../catalog/types';
import type { ReadFile } from '../document/documentSet';
import { getProperty } from '../document/pointer';
import { lintText, type LintResult } from '../lint';
import type { KindOverride } from '../model/apiModel';
import { scalarText } from '../model/scalars';

export interface DefinitionSource {
  uri: string;
  text: string;
  read: ReadFile;
  apiKind?: KindOverride;
  allowRemoteRefs?: boolean;
}

/** A definition as deploy, diff and rollback see it: linted, its kind, and the name a new API would get. */
export interface DefinitionInfo {
  lint: LintResult;
  kind: ApiKind;
  /** `info.title`, which API Gateway names a new API after. */
  title: string | undefined;
}

export async function loadDefinitionInfo(source: DefinitionSource): Promise<DefinitionInfo> {
  const lint = await lintText(source.uri, source.text, source.read, { apiKind: source.apiKind, allowRemoteRefs: source.allowRemoteRefs });
  const root = lint.model.root;
  const info = root && getProperty(root, 'info')?.valueNode;
  const title = info?.kind === 'object' ? scalarText(getProperty(info, 'title')?.valueNode)?.trim() : undefined;
  return { lint, kind: lint.model.kind, title: title || undefined };
}
