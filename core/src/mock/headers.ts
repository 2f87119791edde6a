import { setEntry } from './lambda/records';

/**
 * HTTP headers as API Gateway handles them: names compare case-insensitively, keep the
 * spelling they were first written with, and may repeat (multi-value headers).
 */
export class HeaderMap {
  private readonly byLower = new Map<string, { name: string; values: string[] }>();

  /** From Node's `rawHeaders` (name, value, name, value, ...), which keep the client's spelling. */
  static fromRaw(raw: readonly string[]): HeaderMap {
    const map = new HeaderMap();
    for (let i = 0; i + 1 < raw.length; i += 2) map.append(raw[i], raw[i + 1]);
    return map;
  }

  /** The last value, as API Gateway's single-value header maps keep it. */
  get(name: string): string | undefined {
    const entry = this.byLower.get(name.toLowerCase());
    return entry ? entry.values[entry.values.length - 1] : undefined;
  }

  getAll(name: string): readonly string[] {
    return this.byLower.get(name.toLowerCase())?.values ?? [];
  }

  has(name: string): boolean {
    return this.byLower.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.byLower.set(name.toLowerCase(), { name, values: [value] });
  }

  append(name: string, value: string): void {
    const entry = this.byLower.get(name.toLowerCase());
    if (entry) entry.values.push(value);
    else this.byLower.set(name.toLowerCase(), { name, values: [value] });
  }

  delete(name: string): void {
    this.byLower.delete(name.toLowerCase());
  }

  /** Name (as first written) and all values of each header. */
  entries(): Array<[string, readonly string[]]> {
    return [...this.byLower.values()].map((e) => [e.name, e.values]);
  }

  /** Name to last value: the `headers` map of a REST proxy event or of `$input.params().header`. */
  toSingle(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.byLower.values()) setEntry(out, e.name, e.values[e.values.length - 1]);
    return out;
  }

  clone(): HeaderMap {
    const copy = new HeaderMap();
    for (const [lower, e] of this.byLower) copy.byLower.set(lower, { name: e.name, values: [...e.values] });
    return copy;
  }
}
