import type { Pool } from 'pg';

type Count = { count: number };
export interface OverviewView {
  generatedAt: string;
  documents: { byStage: Array<{ docType: string; stage: string } & Count>; byFacility: Array<{ facilityId: string | null; docType: string; stage: string } & Count> };
  delayedInvoices: { total: number; byFacility: Array<{ facilityId: string | null } & Count>; bySupplier: Array<{ supplierId: string | null } & Count> };
  unmatchedReceipts: { olderThanHours: number; total: number; byFacility: Array<{ facilityId: string | null } & Count> };
  blockedPayments: { total: number; byReason: Array<{ reason: string } & Count>; bySupplier: Array<{ supplierId: string | null } & Count>; suppliersOnHold: number };
  exceptionsByReason: Array<{ docType: string; reason: string } & Count>;
  deadLetters: { open: number; byServiceAndReason: Array<{ service: string; errorCode: string } & Count> };
}

const DELAYED_INVOICE = `doc_type = 'INVOICE' and stage in ('RECEIVED', 'MATCHED', 'EXCEPTION')`;
const BLOCKED_PAYMENT = `doc_type = 'PAYMENT' and (stage in ('FAILED', 'REJECTED', 'ALERT') or exception_reason is not null)`;
const UNMATCHED_RECEIPT = `doc_type = 'RECEIPT' and occurred_at < $1 and not exists (
  select 1 from document i where i.doc_type = 'INVOICE' and i.stage = 'POSTED' and i.po_number = document.po_number)`;

const counted = <T>(rows: Array<T & { count: string }>): Array<T & Count> => rows.map((r) => ({ ...r, count: Number(r.count) }));
const total = (rows: Count[]): number => rows.reduce((sum, r) => sum + r.count, 0);

/** The business picture: stages, delayed invoices, unmatched receipts, blocked payments, exceptions, open dead letters. */
export async function readOverview(db: Pool, { unmatchedReceiptHours, now = new Date() }: { unmatchedReceiptHours: number; now?: Date }): Promise<OverviewView> {
  const cutoff = new Date(now.getTime() - unmatchedReceiptHours * 3_600_000);
  const q = async <T>(sql: string, params: unknown[] = []) => counted<T>((await db.query(sql, params)).rows);
  const [byStage, byFacility, delayedByFacility, delayedBySupplier, unmatched, blockedByReason, blockedBySupplier, onHold, exceptions, deadLetters] = await Promise.all([
    q<{ docType: string; stage: string }>(`select doc_type as "docType", stage, count(*) from document group by 1, 2 order by 1, 2`),
    q<{ facilityId: string | null; docType: string; stage: string }>(`select facility_id as "facilityId", doc_type as "docType", stage, count(*) from document where doc_type <> 'SUPPLIER' group by 1, 2, 3 order by 1, 2, 3`),
    q<{ facilityId: string | null }>(`select facility_id as "facilityId", count(*) from document where ${DELAYED_INVOICE} group by 1 order by 2 desc`),
    q<{ supplierId: string | null }>(`select supplier_id as "supplierId", count(*) from document where ${DELAYED_INVOICE} group by 1 order by 2 desc`),
    q<{ facilityId: string | null }>(`select facility_id as "facilityId", count(*) from document where ${UNMATCHED_RECEIPT} group by 1 order by 2 desc`, [cutoff]),
    q<{ reason: string }>(`select coalesce(exception_reason, stage) as reason, count(*) from document where ${BLOCKED_PAYMENT} group by 1 order by 2 desc`),
    q<{ supplierId: string | null }>(`select supplier_id as "supplierId", count(*) from document where ${BLOCKED_PAYMENT} group by 1 order by 2 desc`),
    q<object>(`select count(*) from document where doc_type = 'SUPPLIER' and stage = 'ON_HOLD'`),
    q<{ docType: string; reason: string }>(`select doc_type as "docType", exception_reason as reason, count(*) from document where exception_reason is not null group by 1, 2 order by 3 desc`),
    q<{ service: string; errorCode: string }>(`select service, error_code as "errorCode", count(*) from dead_letter where status = 'OPEN' group by 1, 2 order by 3 desc`),
  ]);
  return {
    generatedAt: now.toISOString(),
    documents: { byStage, byFacility },
    delayedInvoices: { total: total(delayedByFacility), byFacility: delayedByFacility, bySupplier: delayedBySupplier },
    unmatchedReceipts: { olderThanHours: unmatchedReceiptHours, total: total(unmatched), byFacility: unmatched },
    blockedPayments: { total: total(blockedByReason), byReason: blockedByReason, bySupplier: blockedBySupplier, suppliersOnHold: onHold[0]?.count ?? 0 },
    exceptionsByReason: exceptions,
    deadLetters: { open: total(deadLetters), byServiceAndReason: deadLetters },
  };
}
