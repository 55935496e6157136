-- Procurelink ops: the lifecycle of every document chain and every dead letter, as the ops
-- service sees them on the canonical and dead-letter topics. Money is numeric, never float.

create table document (
  doc_type        text        not null check (doc_type in ('SUPPLIER', 'PURCHASE_ORDER', 'RECEIPT', 'INVOICE', 'PAYMENT')),
  doc_id          text        not null,              -- supplier id, PO number, receipt id, invoice id, payment id
  chain_id        text,                              -- the envelope's correlation id (one per PO chain)
  po_number       text,
  stage           text        not null,              -- e.g. APPROVED, CHANGED, CANCELLED, RECEIVED, MATCHED, POSTED, EXCEPTION, SCHEDULED, COMPLETED, FAILED, VOIDED, SYNCED, ON_HOLD
  facility_id     text,
  supplier_id     text,
  amount          numeric(19, 4),
  currency        text,
  exception_reason text,                             -- InvoiceException reason, payment rejection code
  exception_detail text,
  erp_document    text,                              -- e.g. InvoicePosted.erpDocumentNumber
  trace_id        text,
  first_seen_at   timestamptz not null,
  occurred_at     timestamptz not null,              -- business time of the latest event
  updated_at      timestamptz not null,
  primary key (doc_type, doc_id)
);
create index document_chain on document (chain_id);
create index document_po on document (po_number);
create index document_stage on document (doc_type, stage);
create index document_facility_day on document (facility_id, occurred_at);

create table document_event (
  event_id        text        primary key,           -- envelope event id: a redelivery is stored once
  doc_type        text        not null,
  doc_id          text        not null,
  event_type      text        not null,
  occurred_at     timestamptz not null,
  recorded_at     timestamptz not null,
  source_system   text,
  trace_id        text,
  topic           text        not null,
  partition       integer     not null,
  kafka_offset    bigint      not null,
  summary         jsonb       not null               -- the fields people need, sensitive values masked
);
create index document_event_doc on document_event (doc_type, doc_id, occurred_at);

create table dead_letter (
  id              bigserial   primary key,
  dlt_topic       text        not null,
  dlt_partition   integer     not null,
  dlt_offset      bigint      not null,
  service         text        not null,              -- from the consumer group procurelink.<service>
  consumer_group  text,
  original_topic  text,
  original_partition integer,
  original_offset bigint,
  original_timestamp timestamptz,
  record_key      text,
  business_key    text,                              -- the key, or the document id read from the value
  supplier_id     text,
  facility_id     text,
  error_code      text        not null,
  error_message   text,                              -- already masked by the runtime
  attempts        integer,
  first_failure_at timestamptz,
  last_failure_at timestamptz,
  trace_id        text,
  value           bytea,                             -- the original bytes, for replay
  headers         jsonb       not null,              -- every header, as text
  status          text        not null default 'OPEN' check (status in ('OPEN', 'REPLAYED', 'RESOLVED')),
  recorded_at     timestamptz not null,
  unique (dlt_topic, dlt_partition, dlt_offset)
);
create index dead_letter_filters on dead_letter (service, error_code, last_failure_at);
create index dead_letter_business_key on dead_letter (business_key);
