import { Decimal } from '@procurelink/canonical-schemas';
import type { Pool } from 'pg';
import { dayRange, sourceStatus, STATUS_EVENT_TYPES, utcDay, type ReconciliationScope, type SourceDocument } from '../domain';
import type { ReconciliationSourcePort } from '../ports/reconciliation-ports';

interface DocumentRow {
  doc_id: string;
  facility_id: string | null;
  stage: string;
  amount: string | null;
  currency: string | null;
  erp_document: string | null;
  occurred_at: Date;
  status_event: string | null;
}

// The latest event that settles the status (a cancel, a posting, a payment status), beside the row.
const SELECT = `
  select d.doc_id, d.facility_id, d.stage, d.amount::text as amount, d.currency, d.erp_document, d.occurred_at,
         (select e.event_type from document_event e
           where e.doc_type = d.doc_type and e.doc_id = d.doc_id and e.event_type = any($2::text[])
           order by e.occurred_at desc, e.recorded_at desc limit 1) as status_event
    from document d
   where d.doc_type = $1`;

/** ops' `document` rows (001_core.sql, filled by the projection) as reconciliation's source. */
export class PgReconciliationSource implements ReconciliationSourcePort {
  constructor(private readonly pool: Pool) {}

  async documentsInScope(docType: string, scope: ReconciliationScope): Promise<SourceDocument[]> {
    const { from, to } = dayRange(scope.day);
    const { rows } = await this.pool.query<DocumentRow>(
      `${SELECT} and d.occurred_at >= $3 and d.occurred_at < $4 and ($5::text is null or d.facility_id = $5) order by d.doc_id`,
      [docType, STATUS_EVENT_TYPES[docType] ?? [], from, to, scope.facilityId],
    );
    return rows.map(toSource);
  }

  async documentsByIds(docType: string, docIds: readonly string[]): Promise<SourceDocument[]> {
    if (docIds.length === 0) return [];
    const { rows } = await this.pool.query<DocumentRow>(`${SELECT} and d.doc_id = any($3::text[]) order by d.doc_id`, [docType, STATUS_EVENT_TYPES[docType] ?? [], [...docIds]]);
    return rows.map(toSource);
  }
}

function toSource(row: DocumentRow): SourceDocument {
  return {
    docId: row.doc_id,
    facilityId: row.facility_id,
    day: utcDay(row.occurred_at),
    stage: sourceStatus(row.stage, row.status_event),
    amount: row.amount === null ? null : Decimal.parse(row.amount),
    currency: row.currency,
    erpDocument: row.erp_document,
  };
}
