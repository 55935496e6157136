import type { Pool } from 'pg';
import type { SlaStart, SlaStop } from '../domain';

/** Start and end events of SLAs from ops' `document_event` (joined with `document` for the facility). */
export class PgSlaSource {
  constructor(private readonly pool: Pool) {}

  async starts(docType: string, eventTypes: readonly string[], from: Date, to: Date, facilityId: string | null): Promise<SlaStart[]> {
    const { rows } = await this.pool.query<{ doc_id: string; facility_id: string | null; event_type: string; occurred_at: Date }>(
      `select e.doc_id, d.facility_id, e.event_type, e.occurred_at
         from document_event e left join document d on d.doc_type = e.doc_type and d.doc_id = e.doc_id
        where e.doc_type = $1 and e.event_type = any($2::text[]) and e.occurred_at >= $3 and e.occurred_at < $4
          and ($5::text is null or d.facility_id = $5)
        order by e.occurred_at, e.doc_id`,
      [docType, [...eventTypes], from, to, facilityId],
    );
    return rows.map((row) => ({ docId: row.doc_id, facilityId: row.facility_id, eventType: row.event_type, at: row.occurred_at }));
  }

  async eventStops(docType: string, eventTypes: readonly string[], docIds: readonly string[]): Promise<SlaStop[]> {
    if (docIds.length === 0) return [];
    const { rows } = await this.pool.query<{ doc_id: string; occurred_at: Date }>(
      `select doc_id, occurred_at from document_event where doc_type = $1 and event_type = any($2::text[]) and doc_id = any($3::text[])`,
      [docType, [...eventTypes], [...docIds]],
    );
    return rows.map((row) => ({ docId: row.doc_id, at: row.occurred_at, status: null }));
  }
}
