import type { Pool } from 'pg';
import type { DocType } from '../../projection/domain/projection-types';

/** A document as the API shows it (amount as an exact decimal string). */
export interface DocumentView {
  docType: DocType;
  docId: string;
  chainId: string | null;
  poNumber: string | null;
  stage: string;
  facilityId: string | null;
  supplierId: string | null;
  amount: string | null;
  currency: string | null;
  exception: { reason: string; detail: string | null } | null;
  erpDocument: string | null;
  traceId: string | null;
  firstSeenAt: string;
  occurredAt: string;
  updatedAt: string;
  events: EventView[];
}

export interface EventView {
  eventId: string;
  eventType: string;
  occurredAt: string;
  recordedAt: string;
  sourceSystem: string | null;
  traceId: string | null;
  topic: string;
  partition: number;
  offset: string;
  summary: Record<string, unknown>;
}

/** A document chain: PO → receipts → invoices → payments (and suppliers named), with every event. */
export interface TraceView {
  businessKey: string;
  chainIds: string[];
  traceIds: string[];
  purchaseOrders: DocumentView[];
  receipts: DocumentView[];
  invoices: DocumentView[];
  payments: DocumentView[];
  suppliers: DocumentView[];
  exceptions: Array<{ docType: DocType; docId: string; reason: string; detail: string | null; stage: string }>;
  deadLetters: Array<{ id: string; service: string; errorCode: string; businessKey: string | null; status: string; lastFailureAt: string | null }>;
}

interface DocumentRow {
  doc_type: DocType;
  doc_id: string;
  chain_id: string | null;
  po_number: string | null;
  stage: string;
  facility_id: string | null;
  supplier_id: string | null;
  amount: string | null;
  currency: string | null;
  exception_reason: string | null;
  exception_detail: string | null;
  erp_document: string | null;
  trace_id: string | null;
  first_seen_at: Date;
  occurred_at: Date;
  updated_at: Date;
}

const toView = (row: DocumentRow, events: EventView[]): DocumentView => ({
  docType: row.doc_type,
  docId: row.doc_id,
  chainId: row.chain_id,
  poNumber: row.po_number,
  stage: row.stage,
  facilityId: row.facility_id,
  supplierId: row.supplier_id,
  amount: row.amount,
  currency: row.currency,
  exception: row.exception_reason === null ? null : { reason: row.exception_reason, detail: row.exception_detail },
  erpDocument: row.erp_document,
  traceId: row.trace_id,
  firstSeenAt: row.first_seen_at.toISOString(),
  occurredAt: row.occurred_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  events,
});

async function eventsOf(db: Pool, docs: ReadonlyArray<{ doc_type: string; doc_id: string }>): Promise<Map<string, EventView[]>> {
  const byDoc = new Map<string, EventView[]>();
  if (docs.length === 0) return byDoc;
  const { rows } = await db.query(
    `select e.* from document_event e join unnest($1::text[], $2::text[]) as k(doc_type, doc_id) using (doc_type, doc_id)
     order by e.occurred_at, e.recorded_at`,
    [docs.map((d) => d.doc_type), docs.map((d) => d.doc_id)],
  );
  for (const r of rows) {
    const key = `${r.doc_type}\u0000${r.doc_id}`;
    const list = byDoc.get(key) ?? [];
    list.push({
      eventId: r.event_id, eventType: r.event_type, occurredAt: r.occurred_at.toISOString(), recordedAt: r.recorded_at.toISOString(), sourceSystem: r.source_system,
      traceId: r.trace_id, topic: r.topic, partition: r.partition, offset: String(r.kafka_offset), summary: r.summary,
    });
    byDoc.set(key, list);
  }
  return byDoc;
}

async function withEvents(db: Pool, rows: DocumentRow[]): Promise<DocumentView[]> {
  const events = await eventsOf(db, rows);
  return rows.map((row) => toView(row, events.get(`${row.doc_type}\u0000${row.doc_id}`) ?? []));
}

/** One document with its events, or undefined. */
export async function findDocument(db: Pool, docType: DocType, docId: string): Promise<DocumentView | undefined> {
  const { rows } = await db.query<DocumentRow>('select * from document where doc_type = $1 and doc_id = $2', [docType, docId]);
  if (rows.length === 0) return undefined;
  return (await withEvents(db, rows))[0];
}

/**
 * The chain a business key belongs to: the key may be any document id, a PO number or a chain
 * (correlation) id. Documents join the chain by chain id or PO number; payments also by the
 * invoices they pay. Undefined when nothing matches (no document, no dead letter).
 */
export async function traceBusinessKey(db: Pool, businessKey: string): Promise<TraceView | undefined> {
  const seeds = await db.query<{ chain_id: string | null; po_number: string | null }>(
    'select chain_id, po_number from document where doc_id = $1 or po_number = $1 or chain_id = $1',
    [businessKey],
  );
  const chainIds = unique(seeds.rows.map((r) => r.chain_id));
  const poNumbers = unique(seeds.rows.map((r) => r.po_number));
  const { rows } = await db.query<DocumentRow>(
    `with chain as (
       select * from document where doc_id = $1 or po_number = $1 or chain_id = $1 or chain_id = any($2::text[]) or po_number = any($3::text[])
     )
     select * from chain
     union
     select p.* from document p join document_event e on e.doc_type = p.doc_type and e.doc_id = p.doc_id
      where p.doc_type = 'PAYMENT' and e.summary->'invoiceIds' ?| (select coalesce(array_agg(doc_id), '{}') from chain where doc_type = 'INVOICE')
     union
     select s.* from document s where s.doc_type = 'SUPPLIER' and s.doc_id in (select supplier_id from chain where supplier_id is not null)`,
    [businessKey, chainIds, poNumbers],
  );
  const deadLetters = await db.query(
    `select id, service, error_code, business_key, status, last_failure_at from dead_letter
      where business_key = $1 or business_key = any($2::text[]) order by id desc limit 100`,
    [businessKey, rows.map((r) => r.doc_id)],
  );
  if (rows.length === 0 && deadLetters.rows.length === 0) return undefined;
  const views = await withEvents(db, rows.sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime()));
  const of = (type: DocType) => views.filter((v) => v.docType === type);
  return {
    businessKey,
    chainIds: unique(views.map((v) => v.chainId)),
    traceIds: unique(views.flatMap((v) => [v.traceId, ...v.events.map((e) => e.traceId)])),
    purchaseOrders: of('PURCHASE_ORDER'),
    receipts: of('RECEIPT'),
    invoices: of('INVOICE'),
    payments: of('PAYMENT'),
    suppliers: of('SUPPLIER'),
    exceptions: views.flatMap((v) => (v.exception === null ? [] : [{ docType: v.docType, docId: v.docId, stage: v.stage, reason: v.exception.reason, detail: v.exception.detail }])),
    deadLetters: deadLetters.rows.map((r) => ({ id: String(r.id), service: r.service, errorCode: r.error_code, businessKey: r.business_key, status: r.status, lastFailureAt: r.last_failure_at?.toISOString() ?? null })),
  };
}

const unique = (values: ReadonlyArray<string | null | undefined>): string[] => [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
