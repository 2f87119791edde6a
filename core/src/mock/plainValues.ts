/*
 * Readers for the plain JavaScript values of a parsed definition (`toValue`). The document
 * may hold anything, so every read checks the type; API Gateway's importer reads numbers and
 * booleans as strings, and so do these.
 */

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A map of strings (templates, parameter mappings); other members are left out. */
export function asTextRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const record = asRecord(value);
  if (!record) return out;
  for (const [key, member] of Object.entries(record)) {
    const text = asText(member);
    if (text !== undefined && key !== '__proto__') out[key] = text;
  }
  return out;
}

export function asTextList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(asText).filter((v): v is string => v !== undefined) : [];
}

export function asNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
