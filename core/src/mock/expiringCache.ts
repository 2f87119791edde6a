/**
 * A map whose entries expire after their own time to live, holding at most `maxEntries`
 * (the oldest go first), for the authorizer result cache and the stage cache.
 */
export class ExpiringCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(private readonly maxEntries = 10_000) {}

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, ttlMs: number, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }
}
