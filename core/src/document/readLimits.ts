import { BINARY_CODE, TOO_LARGE_CODE } from './problemCodes';
import type { ParseProblem } from './types';

/**
 * Files larger than this are not read by default (setting apigw.maxFileSizeMB, CLI
 * --max-file-size). Reading takes about 20 times the file in memory and a second per 10 MB;
 * API Gateway imports at most 6 MB, and the largest generated benchmark definition is 23 MB.
 */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * How much of the start of a text the binary check reads, and the control characters that
 * make it binary: at least 1% of it and at least 8, so that a stray NUL typed into a
 * definition stays a syntax error on its line.
 */
const SNIFF_CHARS = 8192;
const BINARY_SHARE = 0.01;
const BINARY_MIN = 8;

/**
 * Why `text` is not read at all, or undefined: larger than `maxBytes` (UTF-8), or binary
 * (NUL and other control characters that YAML and JSON never hold, in the first 8 KB).
 */
export function refusalOf(text: string, maxBytes: number | undefined): ParseProblem | undefined {
  // A character is one to three UTF-8 bytes (four per surrogate pair): the length often decides alone.
  if (maxBytes !== undefined && text.length * 3 > maxBytes) {
    const bytes = text.length > maxBytes ? text.length : Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
      return {
        code: TOO_LARGE_CODE,
        message: `This file is ${mb(bytes)}, more than the ${mb(maxBytes)} apigw reads (setting apigw.maxFileSizeMB, CLI --max-file-size), so it is not checked. API Gateway imports at most 6 MB: split the definition into files joined by $ref, or raise the limit.`,
        offset: 0,
        length: 0,
        severity: 'warning',
      };
    }
  }
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) control++;
  }
  if (control >= BINARY_MIN && control >= head.length * BINARY_SHARE) {
    return {
      code: BINARY_CODE,
      message: `This file is binary, not YAML or JSON text (${control} control characters such as NUL in its first ${head.length} characters), so it is not read. If it is text saved as UTF-16, save it as UTF-8.`,
      offset: 0,
      length: 0,
      severity: 'error',
    };
  }
  return undefined;
}
