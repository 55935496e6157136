import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { assertSchemaName } from './ops-pool';
import { migrationFileName, migrationFiles, pendingMigrations, type AppliedMigration, type MigrationFile } from './migration-plan';

export interface ApplyMigrationsOptions {
  /** The schema the migrations belong to (the pool's search_path). */
  readonly schema: string;
  /** The directory of NNN_name.sql files. */
  readonly dir: string;
}

/** Reads the NNN_name.sql files of `dir` in version order. */
export function readMigrationDir(dir: string): MigrationFile[] {
  const names = readdirSync(dir).filter((name) => name.endsWith('.sql'));
  return migrationFiles(names.map((fileName) => ({ fileName, sql: readFileSync(join(dir, fileName), 'utf8') })));
}

/**
 * Brings `schema` up to date with the files of `dir`: under a PostgreSQL advisory lock (two
 * instances starting at once apply each file once), one transaction per file, each recorded in
 * schema_migration with its checksum. Refuses (MigrationError) when an applied file changed.
 * Returns the migrations this call applied (empty when already up to date).
 */
export async function applyMigrations(pool: Pool, options: ApplyMigrationsOptions): Promise<AppliedMigration[]> {
  assertSchemaName(options.schema);
  const files = readMigrationDir(options.dir);
  const client = await pool.connect();
  const lockKey = `procurelink.ops.migrations:${options.schema}`;
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      return await applyPending(client, options.schema, files);
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    client.release();
  }
}

async function applyPending(client: PoolClient, schema: string, files: readonly MigrationFile[]): Promise<AppliedMigration[]> {
  await client.query(`create schema if not exists ${schema}`);
  await client.query(
    `create table if not exists ${schema}.schema_migration (
       version integer primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`,
  );
  const { rows } = await client.query<AppliedMigration>(`select version, name, checksum from ${schema}.schema_migration order by version`);
  const applied: AppliedMigration[] = [];
  for (const file of pendingMigrations(files, rows)) {
    await client.query('begin');
    try {
      await client.query(`set local search_path to ${schema}`);
      await client.query(file.sql);
      await client.query(`insert into ${schema}.schema_migration (version, name, checksum) values ($1, $2, $3)`, [file.version, file.name, file.checksum]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw new Error(`migration ${migrationFileName(file)} failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push({ version: file.version, name: file.name, checksum: file.checksum });
  }
  return applied;
}
