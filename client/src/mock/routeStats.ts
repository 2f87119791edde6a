/**
 * Per-route counts and latency percentiles of the local mock's access log. Pure (no `vscode`)
 * so it is unit-tested; it knows only the field names the CLI prints, nothing of API Gateway.
 */

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export interface RouteSnapshot {
  /** `GET /books/{id}`; unmatched requests have the resource path `-`, as the CLI prints it. */
  route: string;
  count: number;
  statuses: Record<StatusClass, number>;
  /** Over the latest latencies kept for the route; undefined before the first one. */
  p50?: number;
  p95?: number;
  p99?: number;
}

export interface StatsSnapshot {
  total: number;
  statuses: Record<StatusClass, number>;
  /** Busiest first. */
  routes: RouteSnapshot[];
}

/** Latencies kept per route: percentiles describe recent traffic and memory stays bounded. */
export const LATENCY_WINDOW = 1000;
/** A client can invent methods; past this many routes the rest share one row. */
export const MAX_ROUTES = 500;
export const OTHER_ROUTES = '(other routes)';

class RouteEntry {
  count = 0;
  readonly statuses = emptyStatuses();
  private readonly latencies: number[] = [];
  private next = 0;

  addLatency(ms: number, window: number): void {
    if (this.latencies.length < window) this.latencies.push(ms);
    else this.latencies[this.next] = ms;
    this.next = (this.next + 1) % window;
  }

  snapshot(route: string): RouteSnapshot {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return { route, count: this.count, statuses: { ...this.statuses }, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
  }
}

export class RouteStats {
  private readonly routes = new Map<string, RouteEntry>();
  private total = 0;
  private readonly statuses = emptyStatuses();

  constructor(
    private readonly latencyWindow = LATENCY_WINDOW,
    private readonly maxRoutes = MAX_ROUTES,
  ) {}

  /** One access-log record; values are strings and `-` means missing, as the CLI writes them. */
  add(line: Readonly<Record<string, string>>): void {
    const entry = this.entry(`${line.httpMethod ?? '-'} ${line.resourcePath ?? '-'}`);
    this.total++;
    entry.count++;
    const cls = statusClass(line.status);
    if (cls) {
      this.statuses[cls]++;
      entry.statuses[cls]++;
    }
    const latency = Number(line.responseLatency);
    if (line.responseLatency !== undefined && line.responseLatency !== '-' && Number.isFinite(latency)) entry.addLatency(latency, this.latencyWindow);
  }

  reset(): void {
    this.routes.clear();
    this.total = 0;
    Object.assign(this.statuses, emptyStatuses());
  }

  snapshot(): StatsSnapshot {
    const routes = [...this.routes].map(([route, entry]) => entry.snapshot(route));
    routes.sort((a, b) => b.count - a.count || a.route.localeCompare(b.route));
    return { total: this.total, statuses: { ...this.statuses }, routes };
  }

  private entry(route: string): RouteEntry {
    let entry = this.routes.get(route);
    if (entry) return entry;
    // The overflow row is the last one admitted, so the map never exceeds maxRoutes.
    const key = this.routes.size < this.maxRoutes - 1 ? route : OTHER_ROUTES;
    entry = this.routes.get(key) ?? new RouteEntry();
    this.routes.set(key, entry);
    return entry;
  }
}

function emptyStatuses(): Record<StatusClass, number> {
  return { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
}

function statusClass(status: string | undefined): StatusClass | undefined {
  const cls = `${status?.charAt(0)}xx`;
  return status?.length === 3 ? STATUS_CLASSES.find((c) => c === cls) : undefined;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
