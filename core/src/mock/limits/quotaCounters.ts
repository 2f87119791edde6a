export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

/** When the period holding `now` began, in UTC: midnight, Monday midnight, or the first of the month. */
export function periodStart(period: QuotaPeriod, now: number): number {
  const d = new Date(now);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (period === 'DAY') return midnight;
  if (period === 'MONTH') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return midnight - sinceMonday * 86_400_000;
}

/** Requests counted against usage-plan quotas, per key and period; in memory, so a restart starts afresh. */
export class QuotaCounters {
  private readonly counts = new Map<string, { start: number; used: number }>();

  /** Counts one request against `key`; false when the period's `limit` is already used up. */
  take(key: string, limit: number, period: QuotaPeriod, now = Date.now()): boolean {
    const start = periodStart(period, now);
    let count = this.counts.get(key);
    if (!count || count.start !== start) {
      count = { start, used: 0 };
      this.counts.set(key, count);
    }
    if (count.used >= limit) return false;
    count.used++;
    return true;
  }
}
