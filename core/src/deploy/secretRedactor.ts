import { maskSecretPatterns } from '../secretPatterns';

/**
 * Everything the deploy prints goes through here. It knows the credentials the SDK resolved
 * (so a secret echoed back in an error never reaches a log) and masks anything shaped like
 * an AWS key, signature or session token that it was not told about.
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  remember(...values: Array<string | undefined>): void {
    for (const v of values) if (v && v.length >= 8) this.secrets.add(v);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return maskSecretPatterns(out);
  }
}
