import { DEFAULT_MAX_FILE_BYTES } from '../../core/src/document/readLimits';
import type { KindOverride } from '../../core/src/model/apiModel';

export interface Settings {
  apiKind: KindOverride;
  allowRemoteRefs: boolean;
  /** Globs of files to validate even without a top-level openapi/swagger key. */
  files: string[];
  /** Files larger than this are not checked, and `$ref`'d ones not read. */
  maxFileSizeMB: number;
  /** Follow `$ref`s to files outside the workspace folders. */
  allowRefsOutsideWorkspace: boolean;
}

/** Reads the `apigw` settings section defensively: any client may send anything. */
export function readSettings(raw: unknown): Settings {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const kind = obj.apiKind;
  return {
    apiKind: kind === 'rest' || kind === 'http' ? kind : 'auto',
    allowRemoteRefs: obj.allowRemoteRefs === true,
    files: Array.isArray(obj.files) ? obj.files.filter((f): f is string => typeof f === 'string') : [],
    maxFileSizeMB: typeof obj.maxFileSizeMB === 'number' && obj.maxFileSizeMB > 0 ? obj.maxFileSizeMB : DEFAULT_MAX_FILE_BYTES / 1024 / 1024,
    allowRefsOutsideWorkspace: obj.allowRefsOutsideWorkspace === true,
  };
}
