-- Procurelink ops: every dead-letter replay and dry run, audited (who, when, what, outcome).
-- A real replay moves dead_letter.status OPEN → REPLAYED in the same transaction as its audit row;
-- a dry run writes only its audit row.

create table replay_audit (
  id              bigserial   primary key,
  requested_by    text        not null,              -- the authenticated client (system-api principal)
  requested_at    timestamptz not null,
  finished_at     timestamptz not null,
  dry_run         boolean     not null,
  force           boolean     not null default false,
  selection       jsonb       not null,              -- {"ids": [...]} or {"filter": {...}}
  outcome         jsonb       not null,              -- [{"id", "verdict", "reason", "publish"}], one per selected dead letter
  counts          jsonb       not null,              -- {"selected", "published", "WOULD_REPLAY", "ALREADY_TOOK_EFFECT", ...}
  error           text                               -- set when the publish failed part-way (what went out is marked REPLAYED)
);
create index replay_audit_requested_at on replay_audit (requested_at desc);

-- One row per dead letter a replay (not a dry run) published: the history of a record's replays.
create table replay_item (
  replay_id       bigint      not null references replay_audit (id),
  dead_letter_id  bigint      not null references dead_letter (id),
  verdict         text        not null,
  primary key (replay_id, dead_letter_id)
);
create index replay_item_dead_letter on replay_item (dead_letter_id);
