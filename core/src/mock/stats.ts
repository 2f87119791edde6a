/** Counts by the first digit of the status code. */
export interface StatusClasses {
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}

/** Response latency (first byte in to response written) in milliseconds, over the latest requests. */
export interface LatencySummary {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export interface RouteStats {
  /** `GET /books/{id}`, `$default`, or `-` for requests that matched no route. */
  route: string;
  count: number;
  statusClasses: StatusClasses;
  latencyMs: LatencySummary;
}

/** What the emulator has answered since it started (or since the last reset). */
export interface StatsSnapshot {
  /** Epoch milliseconds of the first request counted. */
  since: number;
  total: number;
  statusClasses: StatusClasses;
  latencyMs: LatencySummary;
  /** Busiest first. */
  routes: RouteStats[];
}

/** Percentiles are taken over this many latest requests per route, so memory stays flat however long it runs. */
const WINDOW = 1024;

class Series {
  count = 0;
  readonly classes: StatusClasses = { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  private readonly latencies = new Float64Array(WINDOW);

  add(status: number, latencyMs: number): void {
    this.latencies[this.count % WINDOW] = latencyMs;
    this.count++;
    const digit = Math.floor(status / 100);
    if (digit >= 1 && digit <= 5) this.classes[`${digit}xx` as keyof StatusClasses]++;
  }

  summary(): LatencySummary {
    const sorted = this.latencies.slice(0, Math.min(this.count, WINDOW)).sort();
    const rank = (p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
    return { p50: rank(50), p90: rank(90), p95: rank(95), p99: rank(99), max: sorted.length === 0 ? 0 : sorted[sorted.length - 1] };
  }
}

/**
 * Requests per route, status classes and latency percentiles of a running emulator, for a live
 * view: `MockServer.stats()` in process, or fed from access-log records by a process that runs
 * the CLI (`record(\`${httpMethod} ${resourcePath}\`, status, responseLatency)`).
 */
export class RequestStats {
  private since = Date.now();
  private all = new Series();
  private byRoute = new Map<string, Series>();

  record(route: string, status: number, latencyMs: number): void {
    this.all.add(status, latencyMs);
    let series = this.byRoute.get(route);
    if (!series) {
      series = new Series();
      this.byRoute.set(route, series);
    }
    series.add(status, latencyMs);
  }

  snapshot(): StatsSnapshot {
    const routes = [...this.byRoute].map(([route, s]): RouteStats => ({ route, count: s.count, statusClasses: { ...s.classes }, latencyMs: s.summary() }));
    routes.sort((a, b) => b.count - a.count || a.route.localeCompare(b.route));
    return { since: this.since, total: this.all.count, statusClasses: { ...this.all.classes }, latencyMs: this.all.summary(), routes };
  }

  reset(): void {
    this.since = Date.now();
    this.all = new Series();
    this.byRoute = new Map();
  }
}
