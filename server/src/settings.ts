import type { KindOverride } from '../../core/src/model/apiModel';

export interface Settings {
  apiKind: KindOverride;
  allowRemoteRefs: boolean;
  /** Globs of files to validate even without a top-level openapi/swagger key. */
  files: string[];
}

/** Reads the `apigw` settings section defensively: any client may send anything. */
export function readSettings(raw: unknown): Settings {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const kind = obj.apiKind;
  return {
    apiKind: kind === 'rest' || kind === 'http' ? kind : 'auto',
    allowRemoteRefs: obj.allowRemoteRefs === true,
    files: Array.isArray(obj.files) ? obj.files.filter((f): f is string => typeof f === 'string') : [],
  };
}
