import type { Pool } from 'pg';
import type { Mismatch, ReconciliationScope, ReconciliationTotals } from '../domain';
import type {
  ReconciliationMismatchView,
  ReconciliationRunDetail,
  ReconciliationRunView,
  ReconciliationStorePort,
  ReconciliationTotalsView,
  RunListQuery,
  RunStatus,
  RunTrigger,
} from '../ports/reconciliation-ports';

interface RunRow {
  id: string;
  day: string;
  facility_id: string | null;
  trigger: RunTrigger;
  requested_by: string | null;
  status: RunStatus;
  started_at: Date;
  finished_at: Date | null;
  mismatch_count: number;
  error: string | null;
}

const RUN_COLUMNS = `id::text as id, to_char(day, 'YYYY-MM-DD') as day, facility_id, trigger, requested_by, status, started_at, finished_at, mismatch_count, error`;

/** Runs, totals and mismatches in PostgreSQL (003_reconciliation.sql): history is kept, never overwritten. */
export class PgReconciliationStore implements ReconciliationStorePort {
  constructor(private readonly pool: Pool) {}

  async start(scope: ReconciliationScope, trigger: RunTrigger, requestedBy: string | null, at: Date): Promise<string> {
    const { rows } = await this.pool.query<{ id: string }>(
      `insert into reconciliation_run (day, facility_id, trigger, requested_by, status, started_at) values ($1, $2, $3, $4, 'RUNNING', $5) returning id::text as id`,
      [scope.day, scope.facilityId, trigger, requestedBy, at],
    );
    return (rows[0] as { id: string }).id;
  }

  async succeed(runId: string, totals: readonly ReconciliationTotals[], mismatches: readonly Mismatch[], at: Date): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      if (totals.length > 0) {
        await client.query(
          `insert into reconciliation_total (run_id, kind, facility_id, day, currency, source_count, source_amount, target_count, target_amount, mismatch_count)
           select $1, * from unnest($2::text[], $3::text[], $4::date[], $5::text[], $6::int[], $7::numeric[], $8::int[], $9::numeric[], $10::int[])`,
          [
            runId,
            totals.map((t) => t.kind),
            totals.map((t) => t.facilityId),
            totals.map((t) => t.day),
            totals.map((t) => t.currency),
            totals.map((t) => t.sourceCount),
            totals.map((t) => t.sourceAmount.toString()),
            totals.map((t) => t.targetCount),
            totals.map((t) => t.targetAmount.toString()),
            totals.map((t) => t.mismatchCount),
          ],
        );
      }
      if (mismatches.length > 0) {
        await client.query(
          `insert into reconciliation_mismatch (run_id, kind, facility_id, day, doc_type, doc_id, difference, source_value, target_value, detail)
           select $1, * from unnest($2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
          [
            runId,
            mismatches.map((m) => m.kind),
            mismatches.map((m) => m.facilityId),
            mismatches.map((m) => m.day),
            mismatches.map((m) => m.docType),
            mismatches.map((m) => m.docId),
            mismatches.map((m) => m.difference),
            mismatches.map((m) => m.sourceValue),
            mismatches.map((m) => m.targetValue),
            mismatches.map((m) => m.detail),
          ],
        );
      }
      await client.query(`update reconciliation_run set status = 'SUCCEEDED', finished_at = $2, mismatch_count = $3 where id = $1`, [runId, at, mismatches.length]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async fail(runId: string, error: string, at: Date): Promise<void> {
    await this.pool.query(`update reconciliation_run set status = 'FAILED', finished_at = $2, error = $3 where id = $1`, [runId, at, error.slice(0, 1000)]);
  }

  async get(runId: string): Promise<ReconciliationRunDetail | null> {
    if (!/^\d{1,18}$/.test(runId)) return null;
    const run = await this.pool.query<RunRow>(`select ${RUN_COLUMNS} from reconciliation_run where id = $1`, [runId]);
    const row = run.rows[0];
    if (row === undefined) return null;
    const totals = await this.pool.query(
      `select kind, facility_id, to_char(day, 'YYYY-MM-DD') as day, currency, source_count, source_amount::text as source_amount, target_count, target_amount::text as target_amount, mismatch_count
         from reconciliation_total where run_id = $1 order by kind, facility_id nulls first, currency nulls first`,
      [runId],
    );
    const mismatches = await this.pool.query(
      `select kind, facility_id, to_char(day, 'YYYY-MM-DD') as day, doc_type, doc_id, difference, source_value, target_value, detail
         from reconciliation_mismatch where run_id = $1 order by id`,
      [runId],
    );
    return {
      ...runView(row),
      totals: totals.rows.map(
        (t): ReconciliationTotalsView => ({
          kind: t.kind,
          facilityId: t.facility_id,
          day: t.day,
          currency: t.currency,
          source: { count: t.source_count, amount: t.source_amount },
          target: { count: t.target_count, amount: t.target_amount },
          mismatchCount: t.mismatch_count,
        }),
      ),
      mismatches: mismatches.rows.map(
        (m): ReconciliationMismatchView => ({
          kind: m.kind,
          facilityId: m.facility_id,
          day: m.day,
          docType: m.doc_type,
          docId: m.doc_id,
          difference: m.difference,
          sourceValue: m.source_value,
          targetValue: m.target_value,
          detail: m.detail,
        }),
      ),
    };
  }

  async list(query: RunListQuery): Promise<ReconciliationRunView[]> {
    const { rows } = await this.pool.query<RunRow>(
      `select ${RUN_COLUMNS} from reconciliation_run
        where ($1::date is null or day = $1) and ($2::text is null or facility_id = $2) and ($3::bigint is null or id < $3)
        order by id desc limit $4`,
      [query.day ?? null, query.facilityId ?? null, query.before ?? null, query.limit],
    );
    return rows.map(runView);
  }
}

function runView(row: RunRow): ReconciliationRunView {
  return {
    id: row.id,
    day: row.day,
    facilityId: row.facility_id,
    trigger: row.trigger,
    requestedBy: row.requested_by,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    mismatchCount: row.mismatch_count,
    error: row.error,
  };
}
