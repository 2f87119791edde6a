/*
 * Text shaped like a credential, masked wherever the extension writes text a person may copy
 * into an issue: the deploy's output, the mock's and the language server's output channels,
 * the protocol trace. Each pattern is linear (no repetition inside a repetition), so masking
 * a long log line cannot stall the writer.
 */

const MASK = '[redacted]';

/** Header names whose values are credentials. */
const SECRET_HEADERS = 'authorization|proxy-authorization|x-api-key|x-amz-security-token|cookie|set-cookie';

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // AWS access key ids: long-term (AKIA), temporary (ASIA), role and user ids, and the AKID test form.
  [/\b(?:AKIA|ASIA|AROA|AIDA|AKID)[A-Z0-9]{12,}\b/g, MASK],
  // SigV4 parts, and secrets as `aws configure` files and environment variables write them.
  [/(Signature=|X-Amz-Signature=|X-Amz-Security-Token=|X-Amz-Credential=|aws_secret_access_key\s*=\s*|aws_session_token\s*=\s*|AWS_SECRET_ACCESS_KEY=|AWS_SESSION_TOKEN=)[^\s,&"'\\]+/gi, `$1${MASK}`],
  // `"Authorization": "…"` in JSON (request dumps, events).
  [new RegExp(`("(?:${SECRET_HEADERS})"\\s*:\\s*")(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1${MASK}"`],
  // `Authorization: Bearer …` as a header line (its value perhaps quoted, as YAML and escaped
  // JSON write it): a scheme word, then the value up to white space, a quote or an escape.
  [new RegExp(`\\b((?:${SECRET_HEADERS})\\s*:\\s*(?:\\\\?["']){0,2})(?:[A-Za-z0-9-]{1,24}\\s+)?[^\\s"'\\\\]+`, 'gi'), `$1${MASK}`],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{16,}/g, `$1${MASK}`],
  // A JWT wherever it stands: header and payload are base64url JSON, so both start with eyJ.
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, MASK],
];

/** The source of every pattern, for a test that they cannot backtrack badly. */
export const SECRET_PATTERN_SOURCES: readonly string[] = PATTERNS.map(([re]) => re.source);

/** `text` with everything shaped like an access key, a signature, a token or a credential header value masked. */
export function maskSecretPatterns(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
