import type { JsonObject } from '../api/ops-api';
import { isObject } from '../api/response-shapes';
import { cell, headerOf, objectTable, otherSections, scalarFields } from './format';
import { renderTable } from './table';

const HEAD_KEYS = ['id', 'day', 'facilityId', 'status', 'mismatchCount', 'trigger', 'requestedBy', 'startedAt', 'finishedAt', 'error'];
const MISMATCH_KEYS = ['kind', 'docType', 'docId', 'facilityId', 'difference', 'sourceValue', 'targetValue', 'detail'];
const TOTAL_KEYS = ['kind', 'facilityId', 'day', 'currency', 'source.count', 'target.count', 'source.amount', 'target.amount', 'mismatchCount'];

const mismatchesOf = (report: JsonObject): JsonObject[] => {
  const list = report['mismatches'] ?? report['mismatchedDocuments'];
  return Array.isArray(list) ? list.filter(isObject) : [];
};

/** How many mismatched documents the reconciliation found: the list's length, or a total the service gives. */
export function mismatchCount(report: JsonObject): number {
  const listed = mismatchesOf(report).length;
  const totals = report['totals'];
  const total = [report['mismatchCount'], isObject(totals) ? (totals['mismatches'] ?? totals['mismatched']) : undefined].find((v) => typeof v === 'number') as number | undefined;
  return Math.max(listed, total ?? 0);
}

/** Totals: per check (an array of rows, or an object of objects), or plain figures. */
function renderTotals(totals: unknown): string | undefined {
  if (Array.isArray(totals) && totals.some(isObject)) return objectTable(totals.filter(isObject), TOTAL_KEYS, '  ');
  if (!isObject(totals)) return undefined;
  const entries = Object.entries(totals);
  if (entries.length > 0 && entries.every(([, value]) => isObject(value))) {
    const keys: string[] = [];
    for (const [, value] of entries) for (const key of Object.keys(value as JsonObject)) if (!keys.includes(key)) keys.push(key);
    return renderTable(
      [{ header: 'CHECK' }, ...keys.map((key) => ({ header: headerOf(key), align: 'right' as const }))],
      entries.map(([check, value]) => [check, ...keys.map((key) => cell((value as JsonObject)[key]))]),
      '  ',
    );
  }
  return scalarFields(totals);
}

/** `reconcile` for people: what ran, the totals, each mismatched document. */
export function renderReconciliation(report: JsonObject): string {
  const sections = [`Reconciliation ${cell(report['id'])}`, scalarFields(report, HEAD_KEYS)];
  const totals = renderTotals(report['totals']);
  if (totals !== undefined) sections.push(`Totals\n${totals}`);
  const mismatches = mismatchesOf(report);
  if (mismatches.length > 0) sections.push(`Mismatched documents (${mismatches.length})\n${objectTable(mismatches, MISMATCH_KEYS, '  ')}`);
  else if (runFailure(report) === undefined) sections.push('No mismatched documents.');
  sections.push(...otherSections(report, ['totals', 'mismatches', 'mismatchedDocuments']));
  return sections.join('\n\n');
}

/** The run itself failed (status FAILED): its error, for exit code 1. */
export function runFailure(report: JsonObject): string | undefined {
  if (report['status'] !== 'FAILED') return undefined;
  return typeof report['error'] === 'string' && report['error'] !== '' ? report['error'] : 'the reconciliation run failed';
}
