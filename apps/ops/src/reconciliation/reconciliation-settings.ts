import type { EnvReader } from '@procurelink/service-host';

export const DEFAULT_RECONCILE_INTERVAL_MS = 3_600_000;

/** OPS_RECONCILE_INTERVAL_MS: a whole number of ms, 0 (off) or at least 1000; default hourly. */
export function readReconcileIntervalMs(read: EnvReader, env: Readonly<Record<string, string | undefined>>): number {
  const raw = env['OPS_RECONCILE_INTERVAL_MS'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_RECONCILE_INTERVAL_MS;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || (value !== 0 && value < 1000)) {
    read.problems.push(`OPS_RECONCILE_INTERVAL_MS=${raw}: must be 0 (no schedule) or a whole number of milliseconds from 1000`);
    return DEFAULT_RECONCILE_INTERVAL_MS;
  }
  return value;
}
