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

export function duplicatesByBusinessKey(entries: readonly LedgerEntry[]): string[] {
  const seen = new Map<string, number>();
  for (const entry of entries) seen.set(entry.businessKey, (seen.get(entry.businessKey) ?? 0) + 1);
  return [...seen.entries()].filter(([, count]) => count > 1).map(([key]) => key);
}
