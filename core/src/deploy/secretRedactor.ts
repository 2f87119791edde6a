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
    return out
      .replace(/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '[redacted]')
      .replace(/(Signature=|X-Amz-Signature=|X-Amz-Security-Token=|aws_secret_access_key\s*=\s*|aws_session_token\s*=\s*)[^\s,&"']+/gi, '$1[redacted]')
      .replace(/(Authorization:\s*)\S.*$/gim, '$1[redacted]')
      .replace(/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{16,}/g, '$1[redacted]');
  }
}
