import type { ReplayReport } from '../api/ops-api';
import { isFailureVerdict, verdictCounts } from '../actions/replay-plan';
import { renderTable } from './table';

const summary = (report: ReplayReport): string =>
  verdictCounts(report.items)
    .map(([verdict, count]) => `${verdict} ${count}`)
    .join(', ');

/** A replay or dry-run report for people: one row per record with its verdict and reason, then the totals. */
export function renderReplayReport(report: ReplayReport & { readonly replayIds?: ReadonlyArray<number | string> }): string {
  const title = report.dryRun ? 'Dry run: nothing was replayed.' : 'Replay done.';
  if (report.items.length === 0) return `${title}\nNo dead letter was selected.`;
  const table = renderTable(
    [{ header: 'ID', align: 'right' }, { header: 'VERDICT' }, { header: report.dryRun ? 'WOULD SEND' : 'SENT' }, { header: 'REASON', maxWidth: 120 }, { header: '' }],
    report.items.map((item) => [String(item.id), item.verdict, item.publish === undefined ? '-' : item.publish ? 'yes' : 'no', item.reason ?? '-', isFailureVerdict(item.verdict) ? '✗' : '']),
  );
  const lines = [title, '', table, '', `${report.items.length} record${report.items.length === 1 ? '' : 's'}: ${summary(report)}`];
  const published = report.counts['published'];
  if (!report.dryRun && typeof published === 'number') lines.push(`published ${published}`);
  const ids = report.replayIds ?? (report.replayId === undefined ? [] : [report.replayId]);
  if (ids.length > 0) lines.push(`audit: replay${ids.length === 1 ? '' : 's'} ${ids.join(', ')}`);
  if (report.error !== undefined) lines.push(`error: ${report.error}`);
  return lines.join('\n');
}

/** The question before a real replay of more than one record; the dry run's verdicts when a filter selected them. */
export function confirmationQuestion(count: number, preview?: ReplayReport, force = false): string {
  const what = preview === undefined ? '' : ` (dry run: ${summary(preview)})`;
  return `Replay ${count} dead letters for real${force ? ' with --force' : ''}${what}? [y/N] `;
}
