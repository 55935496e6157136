import type { ReplaySelection } from './dead-letter';
import { VERDICTS, type ItemPlan, type Verdict } from './verdict';

export interface ReplayItemOutcome {
  readonly id: number;
  readonly verdict: Verdict;
  readonly reason: string;
  /** Sent back by this run (for a dry run: would be). */
  readonly publish: boolean;
}

export interface ReplayCounts {
  readonly selected: number;
  /** Sent back and acknowledged (a dry run: would be sent back). */
  readonly published: number;
  readonly byVerdict: Readonly<Record<Verdict, number>>;
}

/** What POST /v1/dead-letters/replay answers and replay_audit keeps. */
export interface ReplayReport {
  readonly auditId: number;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly finishedAt: string;
  readonly selection: ReplaySelection;
  readonly counts: ReplayCounts;
  readonly items: readonly ReplayItemOutcome[];
  /** Set when publishing failed part-way; `counts.published` says how many went out (they are marked REPLAYED). */
  readonly error?: string;
}

export const outcomeOf = (plan: ItemPlan, published = plan.publish): ReplayItemOutcome => ({
  id: plan.id,
  verdict: plan.verdict,
  reason: plan.reason,
  publish: published,
});

export function countOutcomes(items: readonly ReplayItemOutcome[]): ReplayCounts {
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const item of items) byVerdict[item.verdict] += 1;
  return { selected: items.length, published: items.filter((i) => i.publish).length, byVerdict };
}
