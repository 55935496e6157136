import { Decimal } from '@procurelink/canonical-schemas';
import type { Direction, LedgerEntry, PostingKind } from './posting';

/** Postings of one kind, facility, UTC day, currency and direction, counted and totalled exactly. */
export interface SummaryGroup {
  readonly kind: PostingKind;
  readonly facilityId: string | null;
  /** YYYY-MM-DD of acceptedAt, in UTC. */
  readonly day: string;
  readonly currency: string | null;
  readonly direction: Direction | null;
  readonly count: number;
  /** The exact sum as a decimal string, or null for postings without money. */
  readonly total: string | null;
}

export interface LedgerSummary {
  readonly count: number;
  readonly byKind: ReadonlyArray<{ readonly kind: PostingKind; readonly count: number }>;
  readonly groups: readonly SummaryGroup[];
}

/**
 * Counts and totals of ledger entries. Amounts are added as exact decimals at the largest scale
 * seen; amounts in different currencies are never added together.
 */
export function summariseLedger(entries: readonly LedgerEntry[]): LedgerSummary {
  const groups = new Map<string, { group: Omit<SummaryGroup, 'count' | 'total'>; count: number; total: Decimal | null }>();
  const byKind = new Map<PostingKind, number>();
  for (const entry of entries) {
    byKind.set(entry.kind, (byKind.get(entry.kind) ?? 0) + 1);
    const group = { kind: entry.kind, facilityId: entry.facilityId, day: entry.acceptedAt.slice(0, 10), currency: entry.currency, direction: entry.direction };
    const key = JSON.stringify(group);
    const current = groups.get(key) ?? { group, count: 0, total: null };
    const amount = entry.amount === null ? null : Decimal.parse(entry.amount);
    groups.set(key, { group, count: current.count + 1, total: amount === null ? current.total : (current.total ?? Decimal.zero()).add(amount) });
  }
  return {
    count: entries.length,
    byKind: [...byKind].map(([kind, count]) => ({ kind, count })).sort((a, b) => compareText(a.kind, b.kind)),
    groups: [...groups.values()]
      .map(({ group, count, total }) => ({ ...group, count, total: total === null ? null : total.toString() }))
      .sort(compareGroups),
  };
}

function compareGroups(a: SummaryGroup, b: SummaryGroup): number {
  return (
    compareText(a.day, b.day) ||
    compareText(a.kind, b.kind) ||
    compareText(a.facilityId ?? '', b.facilityId ?? '') ||
    compareText(a.currency ?? '', b.currency ?? '') ||
    compareText(a.direction ?? '', b.direction ?? '')
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
