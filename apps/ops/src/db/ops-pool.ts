import { Pool, type PoolConfig } from 'pg';

export interface OpsPoolOptions {
  readonly databaseUrl: string;
  /** The PostgreSQL schema holding ops' tables; every pooled connection uses it as search_path. */
  readonly schema: string;
  readonly max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throws unless `schema` is a plain lower-case identifier (it is used unquoted in SQL). */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`OPS_DB_SCHEMA=${schema}: must be a lower-case identifier (letters, digits, "_", at most 63)`);
}

/**
 * A pg Pool whose every connection has search_path = `schema` (set at connection start-up, so
 * no query can run before it), after creating the schema if it is missing.
 */
export async function createOpsPool(options: OpsPoolOptions): Promise<Pool> {
  assertSchemaName(options.schema);
  const config: PoolConfig = {
    connectionString: options.databaseUrl,
    options: `-c search_path=${options.schema}`,
    max: options.max ?? 10,
    application_name: 'procurelink-ops',
  };
  const pool = new Pool(config);
  pool.on('error', () => undefined); // an idle connection dropped by the server: the pool replaces it
  try {
    await createSchema(pool, options.schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

async function createSchema(pool: Pool, schema: string): Promise<void> {
  try {
    await pool.query(`create schema if not exists ${schema}`);
  } catch (error) {
    // two instances creating it at once: one wins, the other sees a unique violation
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}
