-- Reconciliation history: every run (on demand or scheduled), its totals per facility, day, kind
-- and currency, and every mismatched document. Money is numeric, never float.

create table reconciliation_run (
  id              bigserial   primary key,
  day             date        not null,                -- the UTC day reconciled
  facility_id     text,                                -- null: every facility
  trigger         text        not null check (trigger in ('API', 'SCHEDULE')),
  requested_by    text,                                -- the API client, or null for the schedule
  status          text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
  started_at      timestamptz not null,
  finished_at     timestamptz,
  mismatch_count  integer     not null default 0,
  error           text                                 -- why a run failed (no sensitive values)
);
create index reconciliation_run_day on reconciliation_run (day, facility_id, id);

create table reconciliation_total (
  run_id          bigint      not null references reconciliation_run (id) on delete cascade,
  kind            text        not null check (kind in ('ENCUMBRANCE', 'AP_INVOICE', 'PAYMENT_STATUS')),
  facility_id     text,
  day             date        not null,
  currency        text,
  source_count    integer     not null,
  source_amount   numeric(24, 4) not null,
  target_count    integer     not null,
  target_amount   numeric(24, 4) not null,
  mismatch_count  integer     not null
);
create index reconciliation_total_run on reconciliation_total (run_id);

create table reconciliation_mismatch (
  id              bigserial   primary key,
  run_id          bigint      not null references reconciliation_run (id) on delete cascade,
  kind            text        not null check (kind in ('ENCUMBRANCE', 'AP_INVOICE', 'PAYMENT_STATUS')),
  facility_id     text,
  day             date        not null,
  doc_type        text        not null,
  doc_id          text        not null,
  difference      text        not null,                -- MISSING_IN_TARGET, MISSING_IN_SOURCE, AMOUNT, CURRENCY, STATUS, DUPLICATE_IN_TARGET, DOCUMENT_NUMBER
  source_value    text,
  target_value    text,
  detail          text        not null
);
create index reconciliation_mismatch_run on reconciliation_mismatch (run_id, id);
create index reconciliation_mismatch_doc on reconciliation_mismatch (doc_type, doc_id);
