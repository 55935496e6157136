import { Pool, type PoolClient } from 'pg';
import type { LedgerFilter } from '../domain/ledger-query';
import { documentNumber, type Direction, type LedgerEntry, type PostingKind } from '../domain/posting';
import type { AppendOutcome, LedgerStore, NewLedgerEntry } from '../ledger/ledger-store';

export interface PostgresLedgerOptions {
  readonly databaseUrl: string;
  /** The schema that holds the `ledger` table; created at start-up when missing. */
  readonly schema: string;
  /** Told about a connection that failed while idle in the pool (the pool replaces it). */
  readonly onIdleError?: (error: Error) => void;
}

interface Row {
  sequence: string;
  idempotency_key: string;
  fingerprint: string;
  kind: PostingKind;
  business_key: string;
  subject_id: string;
  facility_id: string | null;
  currency: string | null;
  amount: string | null;
  direction: Direction | null;
  accepted_at: Date;
  record: Record<string, unknown>;
}

const COLUMNS =
  'sequence, idempotency_key, fingerprint, kind, business_key, subject_id, facility_id, currency, amount, direction, accepted_at, record';

/**
 * The ledger in PostgreSQL: one table, the idempotency key unique, amounts kept as the exact
 * decimal text they were accepted as (numeric would keep the value but this keeps the spelling too).
 */
export class PostgresLedgerStore implements LedgerStore {
  private readonly pool: Pool;
  private readonly table: string;

  constructor(private readonly options: PostgresLedgerOptions) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new Error(`invalid schema name for the ledger: ${options.schema}`);
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 5 });
    this.pool.on('error', (error) => options.onIdleError?.(error));
    this.table = `"${options.schema}".ledger`;
  }

  async start(): Promise<void> {
    await this.transaction(async (client) => {
      // Serialise concurrent start-ups: CREATE ... IF NOT EXISTS races on the catalogue otherwise.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`erp-sandbox:${this.options.schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.options.schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
        sequence bigserial PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        fingerprint text NOT NULL,
        kind text NOT NULL,
        business_key text NOT NULL,
        subject_id text NOT NULL,
        facility_id text,
        currency text,
        amount text,
        direction text,
        accepted_at timestamptz NOT NULL,
        record jsonb NOT NULL
      )`);
      await client.query(`CREATE INDEX IF NOT EXISTS ledger_subject ON ${this.table} (kind, subject_id, sequence)`);
    });
  }

  async stop(): Promise<void> {
    await this.pool.end();
  }

  async append(entry: NewLedgerEntry): Promise<AppendOutcome> {
    const inserted = await this.pool.query<Row>(
      `INSERT INTO ${this.table} (idempotency_key, fingerprint, kind, business_key, subject_id, facility_id, currency, amount, direction, accepted_at, record)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        entry.idempotencyKey, entry.fingerprint, entry.kind, entry.businessKey, entry.subjectId, entry.facilityId,
        entry.currency, entry.amount, entry.direction, entry.acceptedAt, JSON.stringify(entry.record),
      ],
    );
    const row = inserted.rows[0];
    if (row !== undefined) return { outcome: 'APPENDED', entry: toEntry(row) };
    const existing = await this.byIdempotencyKey(entry.idempotencyKey);
    if (existing === undefined) throw new Error('the idempotency key was taken and then freed while appending; retry the request');
    return { outcome: 'KEY_TAKEN', existing };
  }

  async byIdempotencyKey(key: string): Promise<LedgerEntry | undefined> {
    return this.one(`SELECT ${COLUMNS} FROM ${this.table} WHERE idempotency_key = $1`, [key]);
  }

  async byDocumentNumber(number: string): Promise<LedgerEntry | undefined> {
    const sequence = /^[A-Z]{3}-(\d{1,18})$/.exec(number)?.[1];
    if (sequence === undefined) return undefined;
    const entry = await this.one(`SELECT ${COLUMNS} FROM ${this.table} WHERE sequence = $1`, [sequence]);
    return entry?.documentNumber === number ? entry : undefined;
  }

  async latest(kind: PostingKind, subjectId: string): Promise<LedgerEntry | undefined> {
    return this.one(`SELECT ${COLUMNS} FROM ${this.table} WHERE kind = $1 AND subject_id = $2 ORDER BY sequence DESC LIMIT 1`, [kind, subjectId]);
  }

  async list(filter: LedgerFilter): Promise<LedgerEntry[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (column: string, operator: string, value: unknown): void => {
      values.push(value);
      where.push(`${column} ${operator} $${values.length}`);
    };
    if (filter.kind !== null) add('kind', '=', filter.kind);
    if (filter.businessKey !== null) add('business_key', '=', filter.businessKey);
    if (filter.subjectId !== null) add('subject_id', '=', filter.subjectId);
    if (filter.facilityId !== null) add('facility_id', '=', filter.facilityId);
    if (filter.since !== null) add('accepted_at', '>=', filter.since);
    if (filter.afterSequence !== null) add('sequence', '>', filter.afterSequence);
    values.push(filter.limit);
    const condition = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const result = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM ${this.table} ${condition} ORDER BY sequence LIMIT $${values.length}`, values);
    return result.rows.map(toEntry);
  }

  async replace(entry: LedgerEntry): Promise<boolean> {
    const result = await this.pool.query(`UPDATE ${this.table} SET amount = $2, currency = $3, record = $4 WHERE sequence = $1`, [
      entry.sequence, entry.amount, entry.currency, JSON.stringify(entry.record),
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async remove(number: string): Promise<boolean> {
    const entry = await this.byDocumentNumber(number);
    if (entry === undefined) return false;
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE sequence = $1`, [entry.sequence]);
    return (result.rowCount ?? 0) > 0;
  }

  async clear(): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table}`);
    return result.rowCount ?? 0;
  }

  private async one(sql: string, values: unknown[]): Promise<LedgerEntry | undefined> {
    const result = await this.pool.query<Row>(sql, values);
    const row = result.rows[0];
    return row === undefined ? undefined : toEntry(row);
  }

  private async transaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function toEntry(row: Row): LedgerEntry {
  const sequence = Number(row.sequence);
  return {
    sequence,
    documentNumber: documentNumber(row.kind, sequence),
    idempotencyKey: row.idempotency_key,
    fingerprint: row.fingerprint,
    kind: row.kind,
    businessKey: row.business_key,
    subjectId: row.subject_id,
    facilityId: row.facility_id,
    currency: row.currency,
    amount: row.amount,
    direction: row.direction,
    acceptedAt: row.accepted_at.toISOString(),
    record: row.record,
  };
}
