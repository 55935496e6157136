import type { Pool } from 'pg';
import type { DeadLetterRow } from '../domain/dead-letter-projection';
import type { DocumentProjection } from '../domain/projection-types';

const UPSERT_DOCUMENT = `
insert into document as d (doc_type, doc_id, chain_id, po_number, stage, facility_id, supplier_id, amount, currency,
  exception_reason, exception_detail, erp_document, trace_id, first_seen_at, occurred_at, updated_at)
values ($1, $2, $3, $4, $5, $6, $7, $8::numeric, $9, $10, $11, $12, $13, now(), $14, now())
on conflict (doc_type, doc_id) do update set
  chain_id = coalesce(excluded.chain_id, d.chain_id),
  po_number = coalesce(excluded.po_number, d.po_number),
  facility_id = coalesce(excluded.facility_id, d.facility_id),
  supplier_id = coalesce(excluded.supplier_id, d.supplier_id),
  amount = coalesce(excluded.amount, d.amount),
  currency = coalesce(excluded.currency, d.currency),
  erp_document = coalesce(excluded.erp_document, d.erp_document),
  trace_id = coalesce(excluded.trace_id, d.trace_id),
  stage = case when not $15 and excluded.occurred_at >= d.occurred_at then excluded.stage else d.stage end,
  exception_reason = case when $16 = 'keep' or excluded.occurred_at < d.occurred_at then d.exception_reason else excluded.exception_reason end,
  exception_detail = case when $16 = 'keep' or excluded.occurred_at < d.occurred_at then d.exception_detail else excluded.exception_detail end,
  occurred_at = greatest(d.occurred_at, excluded.occurred_at),
  updated_at = now()`;

const INSERT_EVENT = `
insert into document_event (event_id, doc_type, doc_id, event_type, occurred_at, recorded_at, source_system, trace_id, topic, partition, kafka_offset, summary)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
on conflict (event_id) do nothing
returning event_id`;

/**
 * Records one event on its document in one transaction: the document_event row first (unique by
 * event id), then the document upsert — only when the event is new, so a redelivery changes
 * nothing. Returns false for a redelivery.
 */
export async function recordDocumentEvent(pool: Pool, { document: d, event: e }: DocumentProjection): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const inserted = await client.query(INSERT_EVENT, [
      e.eventId, e.docType, e.docId, e.eventType, e.occurredAt, e.recordedAt, e.sourceSystem, e.traceId, e.topic, e.partition, e.offset, JSON.stringify(e.summary),
    ]);
    if (inserted.rowCount === 0) {
      await client.query('rollback');
      return false;
    }
    const exceptionMode = d.exception === undefined ? 'keep' : 'set';
    await client.query(UPSERT_DOCUMENT, [
      d.docType, d.docId, d.chainId, d.poNumber, d.stage, d.facilityId, d.supplierId, d.amount, d.currency,
      d.exception?.reason ?? null, d.exception?.detail ?? null, d.erpDocument, d.traceId, d.occurredAt, d.keepStage === true, exceptionMode,
    ]);
    await client.query('commit');
    return true;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const INSERT_DEAD_LETTER = `
insert into dead_letter (dlt_topic, dlt_partition, dlt_offset, service, consumer_group, original_topic, original_partition, original_offset,
  original_timestamp, record_key, business_key, supplier_id, facility_id, error_code, error_message, attempts, first_failure_at,
  last_failure_at, trace_id, value, headers, recorded_at)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
on conflict (dlt_topic, dlt_partition, dlt_offset) do nothing
returning id`;

/** Stores a dead letter once per (topic, partition, offset); returns its id, or undefined for a redelivery. */
export async function recordDeadLetter(pool: Pool, r: DeadLetterRow): Promise<string | undefined> {
  const { rows } = await pool.query<{ id: string }>(INSERT_DEAD_LETTER, [
    r.dltTopic, r.dltPartition, r.dltOffset, r.service, r.consumerGroup, r.originalTopic, r.originalPartition, r.originalOffset,
    r.originalTimestamp, r.recordKey, r.businessKey, r.supplierId, r.facilityId, r.errorCode, r.errorMessage, r.attempts, r.firstFailureAt,
    r.lastFailureAt, r.traceId, r.value, JSON.stringify(r.headers), r.recordedAt,
  ]);
  return rows[0]?.id;
}
