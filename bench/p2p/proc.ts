import { readFileSync } from 'node:fs';

/** CPU time and memory of another process, from /proc (Linux). */

const TICKS_PER_SECOND = 100; // USER_HZ; 100 on every mainstream Linux build

/** User + system CPU time of `pid` so far, in milliseconds (0 when the process is gone). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Current (VmRSS) and peak (VmHWM) resident memory of `pid`, MiB. */
export function rssMiB(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** CPU time used by `pids` between two readings, ms. */
export function cpuOf(pids: readonly number[]): () => number {
  const start = pids.map(cpuMs);
  return () => pids.reduce((sum, pid, i) => sum + cpuMs(pid) - (start[i] as number), 0);
}
