import type { Pool } from 'pg';
import type { DeadLetterFilter, DeadLetterRow, DeadLetterStatus, ReplaySelection } from '../domain/dead-letter';
import { documentRefKey, type DocumentRef, type ReplayAuditEntry, type ReplayAuditInput, type ReplayStore } from '../ports';

interface DeadLetterDbRow {
  id: string;
  dlt_topic: string;
  dlt_partition: number;
  dlt_offset: string;
  service: string;
  consumer_group: string | null;
  error_code: string;
  record_key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  status: DeadLetterStatus;
}

interface AuditDbRow {
  id: string;
  requested_by: string;
  requested_at: Date;
  finished_at: Date;
  dry_run: boolean;
  force: boolean;
  selection: ReplaySelection;
  counts: ReplayAuditEntry['counts'];
  error: string | null;
  outcome?: ReplayAuditEntry['outcome'];
}

const DEAD_LETTER_COLUMNS = 'id, dlt_topic, dlt_partition, dlt_offset, service, consumer_group, error_code, record_key, value, headers, status';

/** The WHERE clause of a dead-letter filter (the list API's filters), with its parameters from $1. */
export function filterClause(filter: DeadLetterFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const add = (sql: (p: string) => string, value: unknown): void => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.service !== undefined) add((p) => `service = ${p}`, filter.service);
  if (filter.errorCode !== undefined) add((p) => `error_code = ${p}`, filter.errorCode);
  if (filter.from !== undefined) add((p) => `coalesce(last_failure_at, recorded_at) >= ${p}`, filter.from);
  if (filter.to !== undefined) add((p) => `coalesce(last_failure_at, recorded_at) < ${p}`, filter.to);
  if (filter.supplierId !== undefined) add((p) => `supplier_id = ${p}`, filter.supplierId);
  if (filter.facilityId !== undefined) add((p) => `facility_id = ${p}`, filter.facilityId);
  if (filter.businessKey !== undefined) add((p) => `business_key = ${p}`, filter.businessKey);
  if (filter.status !== undefined) add((p) => `status = ${p}`, filter.status);
  return { where: conditions.length === 0 ? 'true' : conditions.join(' and '), params };
}

const toRow = (r: DeadLetterDbRow): DeadLetterRow => ({
  id: Number(r.id),
  dltTopic: r.dlt_topic,
  dltPartition: r.dlt_partition,
  dltOffset: String(r.dlt_offset),
  service: r.service,
  consumerGroup: r.consumer_group,
  errorCode: r.error_code,
  recordKey: r.record_key,
  value: r.value,
  headers: r.headers ?? {},
  status: r.status,
});

const toEntry = (r: AuditDbRow): ReplayAuditEntry => ({
  id: Number(r.id),
  requestedBy: r.requested_by,
  requestedAt: r.requested_at.toISOString(),
  finishedAt: r.finished_at.toISOString(),
  dryRun: r.dry_run,
  force: r.force,
  selection: r.selection,
  counts: r.counts,
  ...(r.error === null ? {} : { error: r.error }),
  ...(r.outcome === undefined ? {} : { outcome: r.outcome }),
});

/** Replay's tables on the ops pool (search_path = the ops schema). */
export class PgReplayStore implements ReplayStore {
  constructor(private readonly pool: Pool) {}

  async select(selection: ReplaySelection, limit: number): Promise<DeadLetterRow[]> {
    if ('ids' in selection) {
      const { rows } = await this.pool.query<DeadLetterDbRow>(`select ${DEAD_LETTER_COLUMNS} from dead_letter where id = any($1::bigint[]) order by id limit $2`, [
        selection.ids,
        limit,
      ]);
      return rows.map(toRow);
    }
    const { where, params } = filterClause(selection.filter);
    const { rows } = await this.pool.query<DeadLetterDbRow>(
      `select ${DEAD_LETTER_COLUMNS} from dead_letter where ${where} order by id limit $${params.length + 1}`,
      [...params, limit],
    );
    return rows.map(toRow);
  }

  async documentStages(refs: readonly DocumentRef[]): Promise<Map<string, string>> {
    const stages = new Map<string, string>();
    if (refs.length === 0) return stages;
    const { rows } = await this.pool.query<{ doc_type: string; doc_id: string; stage: string }>(
      'select d.doc_type, d.doc_id, d.stage from document d join unnest($1::text[], $2::text[]) as r(doc_type, doc_id) using (doc_type, doc_id)',
      [refs.map((r) => r.docType), refs.map((r) => r.docId)],
    );
    for (const row of rows) stages.set(documentRefKey({ docType: row.doc_type, docId: row.doc_id }), row.stage);
    return stages;
  }

  async recordReplay(audit: ReplayAuditInput, published: ReadonlyArray<{ id: number; verdict: string }>): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{ id: string }>(
        `insert into replay_audit (requested_by, requested_at, finished_at, dry_run, force, selection, outcome, counts, error)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          audit.requestedBy,
          audit.requestedAt,
          audit.finishedAt,
          audit.dryRun,
          audit.force,
          JSON.stringify(audit.selection),
          JSON.stringify(audit.outcome),
          JSON.stringify(audit.counts),
          audit.error ?? null,
        ],
      );
      const auditId = Number(rows[0]?.id);
      if (!audit.dryRun && published.length > 0) {
        const ids = published.map((p) => p.id);
        await client.query(`update dead_letter set status = 'REPLAYED' where id = any($1::bigint[])`, [ids]);
        await client.query(
          'insert into replay_item (replay_id, dead_letter_id, verdict) select $1, * from unnest($2::bigint[], $3::text[])',
          [auditId, ids, published.map((p) => p.verdict)],
        );
      }
      await client.query('commit');
      return auditId;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async history(query: { limit: number; beforeId?: number | undefined }): Promise<ReplayAuditEntry[]> {
    const { rows } = await this.pool.query<AuditDbRow>(
      `select id, requested_by, requested_at, finished_at, dry_run, force, selection, counts, error
       from replay_audit where ($1::bigint is null or id < $1) order by id desc limit $2`,
      [query.beforeId ?? null, query.limit],
    );
    return rows.map(toEntry);
  }

  async audit(id: number): Promise<ReplayAuditEntry | null> {
    const { rows } = await this.pool.query<AuditDbRow>(
      'select id, requested_by, requested_at, finished_at, dry_run, force, selection, counts, error, outcome from replay_audit where id = $1',
      [id],
    );
    return rows[0] === undefined ? null : toEntry(rows[0]);
  }
}
