import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { stackEndpoints } from '@procurelink/test-support';
import { applyMigrations } from './apply-migrations';
import { MigrationError } from './migration-plan';
import { createOpsPool } from './ops-pool';

const MIGRATIONS_DIR = resolve(__dirname, '../../migrations');
const { databaseUrl } = stackEndpoints();
const uniqueSchema = (): string => `t_ops_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;

describe('applying the ops migrations on the real PostgreSQL', () => {
  const schemas: string[] = [];
  const pools: Pool[] = [];
  const dirs: string[] = [];
  const pool = async (schema: string): Promise<Pool> => {
    const created = await createOpsPool({ databaseUrl, schema, max: 2 });
    pools.push(created);
    return created;
  };

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    const admin = new Pool({ connectionString: databaseUrl, max: 1 });
    for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('when two runners race on a fresh schema › applies 001 exactly once and both end up to date', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const [a, b] = await Promise.all([pool(schema), pool(schema)]);
    const [first, second] = await Promise.all([applyMigrations(a, { schema, dir: MIGRATIONS_DIR }), applyMigrations(b, { schema, dir: MIGRATIONS_DIR })]);
    expect([...first, ...second].filter((m) => m.version === 1)).toHaveLength(1);
    const { rows } = await a.query<{ version: number; name: string }>('select version, name from schema_migration order by version');
    expect(rows.filter((row) => row.version === 1)).toEqual([{ version: 1, name: 'core' }]);
    // the tables live in the schema, reached through the pool's search_path
    await expect(a.query('select count(*) from document')).resolves.toBeDefined();
    expect(await applyMigrations(a, { schema, dir: MIGRATIONS_DIR })).toEqual([]);
  });

  it('when an applied file was changed › refuses to start with a message naming it', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const dir = mkdtempSync(join(tmpdir(), 'ops-migrations-'));
    dirs.push(dir);
    const core = readFileSync(join(MIGRATIONS_DIR, '001_core.sql'), 'utf8');
    writeFileSync(join(dir, '001_core.sql'), core);
    const db = await pool(schema);
    expect((await applyMigrations(db, { schema, dir })).map((m) => m.version)).toEqual([1]);
    writeFileSync(join(dir, '001_core.sql'), `${core}\n-- edited after it was applied\n`);
    const refused = applyMigrations(db, { schema, dir });
    await expect(refused).rejects.toThrow(MigrationError);
    await expect(applyMigrations(db, { schema, dir })).rejects.toThrow(/001_core\.sql was changed after it was applied/);
  });

  it('when a file fails › rolls it back and records nothing for it', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const dir = mkdtempSync(join(tmpdir(), 'ops-migrations-'));
    dirs.push(dir);
    writeFileSync(join(dir, '001_good.sql'), 'create table good (id int);');
    writeFileSync(join(dir, '002_bad.sql'), 'create table half (id int); select no_such_function();');
    const db = await pool(schema);
    await expect(applyMigrations(db, { schema, dir })).rejects.toThrow(/002_bad\.sql failed/);
    const { rows } = await db.query<{ version: number }>('select version from schema_migration');
    expect(rows.map((r) => r.version)).toEqual([1]);
    const half = await db.query(`select to_regclass('${schema}.half') as t`);
    expect(half.rows[0].t).toBeNull();
  });
});
