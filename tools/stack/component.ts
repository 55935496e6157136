import { existsSync, readFileSync } from 'node:fs';

export type ComponentState = 'running' | 'stopped' | 'external';

export interface ComponentStatus {
  readonly name: string;
  readonly state: ComponentState;
  readonly address: string;
  readonly pid?: number;
  readonly rssMiB?: number;
}

/** One piece of the local stack. `up` and `down` are safe to repeat. */
export interface Component {
  readonly name: string;
  readonly logFile?: string;
  up(): Promise<string>;
  down(): Promise<string>;
  status(): Promise<ComponentStatus>;
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/status`)) return undefined;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : undefined;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
