import type { Pool } from 'pg';
import type { DeadLetterFilter } from '../domain/dead-letter-filter';
import type { DeadLetterRecord, DeadLetterSummary } from '../domain/dead-letter-views';

export type { DeadLetterRecord, DeadLetterSummary } from '../domain/dead-letter-views';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/* eslint-disable @typescript-eslint/no-explicit-any -- pg rows */
const summaryOf = (r: any): DeadLetterSummary => ({
  id: String(r.id), service: r.service, errorCode: r.error_code, errorMessage: r.error_message, businessKey: r.business_key, supplierId: r.supplier_id, facilityId: r.facility_id,
  status: r.status, attempts: r.attempts, firstFailureAt: iso(r.first_failure_at), lastFailureAt: iso(r.last_failure_at), originalTopic: r.original_topic,
  dltTopic: r.dlt_topic, dltPartition: r.dlt_partition, dltOffset: String(r.dlt_offset), traceId: r.trace_id, recordedAt: r.recorded_at.toISOString(),
});
const recordOf = (r: any): DeadLetterRecord => ({
  ...summaryOf(r), consumerGroup: r.consumer_group, originalPartition: r.original_partition, originalOffset: r.original_offset === null ? null : String(r.original_offset),
  originalTimestamp: iso(r.original_timestamp), recordKey: r.record_key, value: r.value, headers: r.headers,
});
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The SQL where-clause and parameters of a filter (the cursor excluded); shared with replay-by-filter. */
export function deadLetterWhere(filter: Omit<DeadLetterFilter, 'limit' | 'after'>, params: unknown[] = []): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.service !== undefined) add('service = ?', filter.service);
  if (filter.errorCode !== undefined) add('error_code = ?', filter.errorCode);
  if (filter.from !== undefined) add('coalesce(last_failure_at, recorded_at) >= ?', filter.from);
  if (filter.to !== undefined) add('coalesce(last_failure_at, recorded_at) < ?', filter.to);
  if (filter.supplierId !== undefined) add('supplier_id = ?', filter.supplierId);
  if (filter.facilityId !== undefined) add('facility_id = ?', filter.facilityId);
  if (filter.businessKey !== undefined) add('business_key = ?', filter.businessKey);
  if (filter.status !== undefined) add('status = ?', filter.status);
  return { where: clauses.length > 0 ? clauses.join(' and ') : 'true', params };
}

/** Newest first, keyset-paginated by id: `nextAfter` is the cursor of the next page, null on the last. */
export async function listDeadLetters(db: Pool, filter: DeadLetterFilter): Promise<{ items: DeadLetterSummary[]; nextAfter: string | null }> {
  const { where, params } = deadLetterWhere(filter);
  let sql = `select id, service, error_code, error_message, business_key, supplier_id, facility_id, status, attempts, first_failure_at, last_failure_at,
    original_topic, dlt_topic, dlt_partition, dlt_offset, trace_id, recorded_at from dead_letter where ${where}`;
  if (filter.after !== undefined) {
    params.push(filter.after);
    sql += ` and id < $${params.length}`;
  }
  params.push(filter.limit + 1);
  sql += ` order by id desc limit $${params.length}`;
  const { rows } = await db.query(sql, params);
  const items = rows.slice(0, filter.limit).map(summaryOf);
  return { items, nextAfter: rows.length > filter.limit ? (items[items.length - 1]?.id ?? null) : null };
}

/** One dead letter with its value bytes and headers, or undefined. */
export async function findDeadLetter(db: Pool, id: string): Promise<DeadLetterRecord | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const { rows } = await db.query('select * from dead_letter where id = $1', [id]);
  return rows[0] === undefined ? undefined : recordOf(rows[0]);
}
