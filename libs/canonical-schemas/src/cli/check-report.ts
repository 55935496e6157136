import type { CompatibilityResult } from '../registry/check-compatibility';

const VERDICT_TEXT = { NEW: 'new (compatible)', COMPATIBLE: 'compatible', INCOMPATIBLE: 'INCOMPATIBLE' } as const;

/** The table schemas:check prints: one row per subject. Pure. */
export function renderCheckTable(results: readonly CompatibilityResult[]): string {
  const rows = results.map((r) => [r.subject, r.eventType, versionsText(r.registeredVersions), VERDICT_TEXT[r.verdict]]);
  const header = ['subject', 'event type', 'registered', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const format = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)].join('\n') + '\n';
}

/** The closing lines: a summary, and for each incompatible subject its reasons and what to do. */
export function renderCheckSummary(results: readonly CompatibilityResult[], registryUrl: string): string {
  const broken = results.filter((r) => r.verdict === 'INCOMPATIBLE');
  if (broken.length === 0) {
    const fresh = results.filter((r) => r.verdict === 'NEW').length;
    return `schemas:check: all ${results.length} canonical schemas are compatible with ${registryUrl}${fresh > 0 ? ` (${fresh} not registered yet)` : ''}\n`;
  }
  const lines = [`schemas:check: ${broken.length} of ${results.length} canonical schemas are incompatible with what ${registryUrl} holds`];
  for (const result of broken) {
    lines.push(`  ${result.subject} (${result.eventType}):`);
    lines.push(...result.reasons.map((reason) => `    - ${reason}`));
  }
  lines.push(
    '  what to do: make the change compatible (add new fields with a default; never remove a field without one),',
    '  or publish a new event version on a new topic (p2p.<aggregate>.v2) so existing consumers keep working.',
  );
  return `${lines.join('\n')}\n`;
}

function versionsText(versions: readonly number[]): string {
  if (versions.length === 0) return '-';
  return versions.length === 1 ? `v${versions[0]}` : `v${versions[0]}..v${versions[versions.length - 1]}`;
}
