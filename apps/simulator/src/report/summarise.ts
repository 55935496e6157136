import type { LedgerEntry } from '../play/ports';

export interface TopicCounts {
  readonly [topic: string]: number;
}

/** What changed between two snapshots of topic end offsets: records added per topic, the ones that grew. */
export function topicGrowth(before: TopicCounts, after: TopicCounts): Array<{ topic: string; added: number }> {
  return Object.keys(after)
    .map((topic) => ({ topic, added: (after[topic] ?? 0) - (before[topic] ?? 0) }))
    .filter(({ added }) => added > 0)
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

/** The ERP ledger entries of this run, counted by kind (and by direction for encumbrances, by status for payments). */
export function ledgerLines(entries: readonly LedgerEntry[]): string[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const detail =
      entry.kind === 'ENCUMBRANCE' ? ` ${entry.direction ?? ''}` : entry.kind === 'PAYMENT_STATUS' ? ` ${String(entry.record['status'] ?? '')}` : '';
    const label = `${entry.kind}${detail}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const doubles = duplicatesByBusinessKey(entries);
  return [
    ...[...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, count]) => `  ${label.padEnd(28)} ${count}`),
    doubles.length === 0 ? '  no business key posted twice' : `  POSTED TWICE: ${doubles.join(', ')}`,
  ];
}

/**
 * Business keys the ERP accepted more than once. A vendor upsert's business key is the supplier,
 * which a later change legitimately updates again: vendor upserts count as doubled only when the
 * same change (its idempotency key) appears twice.
 */
export function duplicatesByBusinessKey(entries: readonly LedgerEntry[]): string[] {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const identity = entry.kind === 'VENDOR_UPSERT' ? entry.idempotencyKey : entry.businessKey;
    seen.set(identity, (seen.get(identity) ?? 0) + 1);
  }
  return [...seen.entries()].filter(([, count]) => count > 1).map(([key]) => key);
}

/** Invoice outcomes of the run from the canonical invoice events: posted, and exceptions by reason. */
export function invoiceOutcomeLines(events: ReadonlyArray<{ eventType: string; reason?: string | undefined }>): string[] {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.eventType === 'InvoiceReceived' || event.eventType === 'InvoiceMatched') continue;
    const label = event.eventType === 'InvoiceException' ? `InvoiceException ${event.reason ?? ''}` : event.eventType;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, count]) => `  ${label.padEnd(28)} ${count}`);
}
