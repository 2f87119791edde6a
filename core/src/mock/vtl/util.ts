import { javaString, markJson } from './javaValues';

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * `$util.escapeJavaScript`: Apache Commons Lang's JavaScript escaping, which API Gateway
 * uses. Unlike JSON it also escapes `'` (as `\'`) and `/`, and writes every non-ASCII
 * character as `\uXXXX`.
 */
export function escapeJavaScript(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (code > 0x7f) out += `\\u${hex4(code)}`;
    else if (code < 32) {
      switch (ch) {
        case '\b':
          out += '\\b';
          break;
        case '\n':
          out += '\\n';
          break;
        case '\t':
          out += '\\t';
          break;
        case '\f':
          out += '\\f';
          break;
        case '\r':
          out += '\\r';
          break;
        default:
          out += `\\u${hex4(code)}`;
      }
    } else if (ch === "'" || ch === '"' || ch === '\\' || ch === '/') out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** `$util.urlEncode`: Java's URLEncoder (form encoding: space is `+`, `*` stays, `~` is escaped). */
export function urlEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `$util.urlDecode`: Java's URLDecoder; a malformed escape fails the template, as it does in Java. */
export function urlDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/**
 * JSON.parse for template data, failing without the text: V8's message quotes the start of it,
 * which for `$util.parseJson($input.params('Authorization'))` is a credential, and the
 * failure goes into the notes and the log.
 */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // `Unexpected token 'B', "Bearer eyJ"... is not valid JSON`: the quoted part goes.
    const why = err instanceof Error ? err.message.replace(/, ".*$/s, '') : String(err);
    throw new SyntaxError(`not valid JSON (${why})`);
  }
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : javaString(value);
}

/** The `$util` object of API Gateway mapping templates. */
export class VtlUtil {
  escapeJavaScript(value: unknown): string {
    return escapeJavaScript(textOf(value));
  }

  parseJson(value: unknown): unknown {
    return markJson(parseJsonText(textOf(value)));
  }

  urlEncode(value: unknown): string {
    return urlEncode(textOf(value));
  }

  urlDecode(value: unknown): string {
    return urlDecode(textOf(value));
  }

  base64Encode(value: unknown): string {
    return Buffer.from(textOf(value), 'utf8').toString('base64');
  }

  base64Decode(value: unknown): string {
    return Buffer.from(textOf(value), 'base64').toString('utf8');
  }

  toString(): string {
    return '$util';
  }
}
