import type { ReplayReport, ReplayVerdict } from '../api/ops-api';

/** Ids per POST /v1/dead-letters/replay. */
export const REPLAY_CHUNK_SIZE = 50;

/**
 * Verdicts that are not failures (apps/ops/src/replay/domain/verdict.ts): the record would go (or
 * went) back, or its effect is already there / it was already replayed, so a replay changes
 * nothing. Any other verdict (WOULD_FAIL_AGAIN, CANNOT_REPLAY, one the CLI does not know) counts
 * as a failure: exit code 3.
 */
export const OK_VERDICTS: ReadonlySet<string> = new Set(['WOULD_REPLAY', 'ALREADY_TOOK_EFFECT', 'ALREADY_REPLAYED', 'REPLAYED']);

export const isFailureVerdict = (verdict: string): boolean => !OK_VERDICTS.has(verdict.toUpperCase());

export function chunked<T>(items: readonly T[], size = REPLAY_CHUNK_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The reports of several chunks as one: verdicts in order, counts summed, errors joined, replay ids listed. */
export function mergeReports(reports: readonly ReplayReport[], dryRun: boolean): ReplayReport & { readonly replayIds: ReadonlyArray<number | string> } {
  const counts: Record<string, number> = {};
  for (const report of reports) for (const [name, value] of Object.entries(report.counts)) counts[name] = (counts[name] ?? 0) + value;
  const errors = reports.map((report) => report.error).filter((error): error is string => error !== undefined);
  return {
    dryRun,
    items: reports.flatMap((report) => report.items),
    counts,
    replayIds: reports.map((report) => report.replayId).filter((id): id is number | string => id !== undefined),
    ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
  };
}

/** Verdict → how many records got it, most frequent first. */
export function verdictCounts(items: readonly ReplayVerdict[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.verdict, (counts.get(item.verdict) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** True when the replay (or dry run) found something that did not or would not go through. */
export const replayFailed = (report: ReplayReport): boolean => report.error !== undefined || report.items.some((item) => isFailureVerdict(item.verdict));
