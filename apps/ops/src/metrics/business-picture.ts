import type { BusinessPicture } from '@procurelink/observability';
import type { Pool } from 'pg';
import { readOverview } from '../read-api';

/** The `facility` label of documents without one. */
export const NO_FACILITY = 'unknown';

/**
 * Payments blocked, as the overview counts them (failed, rejected, alerted, or with an exception
 * reason), by facility — the overview breaks them down by reason and supplier only. Keep this
 * predicate the overview's BLOCKED_PAYMENT; the int test checks the totals agree.
 */
const BLOCKED_PAYMENTS_BY_FACILITY = `select facility_id as "facilityId", count(*) from document
  where doc_type = 'PAYMENT' and (stage in ('FAILED', 'REJECTED', 'ALERT') or exception_reason is not null) group by 1`;

/** The business gauges' picture from ops' read model: the overview's counts, plus blocked payments by facility. */
export async function readBusinessPicture(db: Pool, options: { unmatchedReceiptHours: number; now?: Date }): Promise<BusinessPicture> {
  const [overview, blocked] = await Promise.all([
    readOverview(db, options),
    db.query<{ facilityId: string | null; count: string }>(BLOCKED_PAYMENTS_BY_FACILITY),
  ]);
  const byFacility = (rows: ReadonlyArray<{ facilityId: string | null; count: number | string }>) =>
    rows.map((r) => ({ facility: r.facilityId ?? NO_FACILITY, count: Number(r.count) }));
  return {
    delayedInvoices: byFacility(overview.delayedInvoices.byFacility),
    unmatchedReceipts: byFacility(overview.unmatchedReceipts.byFacility),
    blockedPayments: byFacility(blocked.rows),
    deadLettersOpen: overview.deadLetters.byServiceAndReason.map((r) => ({ service: r.service, code: r.errorCode, count: r.count })),
  };
}
