import { createHash } from 'node:crypto';

/** One SQL file of apps/ops/migrations, named NNN_name.sql. */
export interface MigrationFile {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  readonly sql: string;
}

/** A row of schema_migration: a file applied once, with the checksum it had then. */
export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
}

/** A migrations directory or database that cannot be brought up to date safely. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const FILE_NAME = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/** The file name of a migration, e.g. 001_core.sql. */
export const migrationFileName = (m: { version: number; name: string }): string => `${String(m.version).padStart(3, '0')}_${m.name}.sql`;

export const checksumOf = (sql: string): string => createHash('sha256').update(sql).digest('hex');

/** Parses the directory listing into migrations in version order; other files are ignored. */
export function migrationFiles(entries: ReadonlyArray<{ fileName: string; sql: string }>): MigrationFile[] {
  const files: MigrationFile[] = [];
  for (const { fileName, sql } of entries) {
    const match = FILE_NAME.exec(fileName);
    if (!match) continue;
    files.push({ version: Number(match[1]), name: match[2] as string, checksum: checksumOf(sql), sql });
  }
  files.sort((a, b) => a.version - b.version);
  for (let i = 1; i < files.length; i++) {
    const [before, file] = [files[i - 1] as MigrationFile, files[i] as MigrationFile];
    if (before.version === file.version) throw new MigrationError(`migrations ${migrationFileName(before)} and ${migrationFileName(file)} share version ${file.version}`);
  }
  return files;
}

/**
 * The files still to apply, in order. Refuses when an applied file was changed (its checksum
 * differs) or removed: the database no longer matches the code, so starting would be unsafe.
 */
export function pendingMigrations(files: readonly MigrationFile[], applied: readonly AppliedMigration[]): MigrationFile[] {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  for (const done of applied) {
    const file = byVersion.get(done.version);
    const label = `migration ${migrationFileName(done)}`;
    if (!file) throw new MigrationError(`${label} was applied to this database but is missing from the migrations directory`);
    if (file.checksum !== done.checksum) {
      throw new MigrationError(`${label} was changed after it was applied (checksum ${done.checksum.slice(0, 12)}… applied, ${file.checksum.slice(0, 12)}… now): add a new migration file instead of editing an applied one`);
    }
  }
  const appliedVersions = new Set(applied.map((done) => done.version));
  return files.filter((file) => !appliedVersions.has(file.version));
}
