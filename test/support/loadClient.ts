import * as http from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';

/*
 * A small keep-alive load generator on node:http (no dependency, no wrk), shared by the CI load
 * test and test/stress/mockLoad.mjs, plus what /proc says about a process under that load.
 */

export interface LoadOptions {
  url: string;
  /** Keep-alive connections, each sending its next request as soon as the last one is answered. */
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
  /** Any other status counts as a failure. */
  expectStatus?: number;
  /** A request still unanswered after this long counts as a failure (and its socket is dropped). */
  requestTimeoutMs?: number;
}

export interface LoadResult {
  requests: number;
  failures: number;
  /** The first few failures, for the report. */
  failureSamples: string[];
  statuses: Record<string, number>;
  elapsedMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const FAILURE_SAMPLES = 5;

function send(agent: http.Agent, url: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', (err) => resolve({ error: err.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ error: err.message }));
  });
}

/** Sends GETs to `url` over `connections` keep-alive connections for `durationMs`. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { url, connections, durationMs, headers = {}, expectStatus = 200, requestTimeoutMs = 35_000 } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const failureSamples: string[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const sentAt = performance.now();
      const outcome = await send(agent, url, headers, requestTimeoutMs);
      latencies.push(performance.now() - sentAt);
      const key = 'status' in outcome ? String(outcome.status) : 'error';
      statuses[key] = (statuses[key] ?? 0) + 1;
      if ('status' in outcome && outcome.status === expectStatus) continue;
      failures++;
      if (failureSamples.length < FAILURE_SAMPLES) failureSamples.push('status' in outcome ? `status ${outcome.status}` : outcome.error);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => (latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]);
  return {
    requests: latencies.length,
    failures,
    failureSamples,
    statuses,
    elapsedMs,
    requestsPerSecond: latencies.length / (elapsedMs / 1000),
    p50Ms: percentile(50),
    p99Ms: percentile(99),
    maxMs: latencies.at(-1) ?? 0,
  };
}

/** Open file descriptors of a process (Linux /proc); undefined elsewhere. */
export function openFds(pid: number | 'self' = 'self'): number | undefined {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return undefined;
  }
}

/** Resident set size in bytes (Linux /proc); undefined elsewhere or once the process is gone. */
export function residentBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The direct children of a process, from every process's parent id in /proc. */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return children;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in parentheses may hold spaces; the fields after it are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while /proc was read.
    }
  }
  return children;
}

/** Polls until `condition` holds or `ms` pass; whether it held. */
export async function eventually(condition: () => boolean, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}
