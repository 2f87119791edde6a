import { readFileSync } from 'node:fs';

/**
 * A process's resident memory now and at its peak (VmRSS, VmHWM in /proc/<pid>/status), in
 * MB. Undefined where there is no /proc (not Linux) or the process is gone.
 */
export function processMemory(pid: number | undefined): { rssMb: number; peakMb: number } | undefined {
  if (pid === undefined) return undefined;
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
