import { checksumOf, MigrationError, migrationFiles, pendingMigrations } from './migration-plan';

const entries = [
  { fileName: '002_replay.sql', sql: 'create table b ();' },
  { fileName: '001_core.sql', sql: 'create table a ();' },
  { fileName: 'README.md', sql: '# not a migration' },
];

describe('migration files', () => {
  it('reads NNN_name.sql files in version order with a sha-256 checksum and ignores other files', () => {
    const files = migrationFiles(entries);
    expect(files.map((f) => [f.version, f.name])).toEqual([[1, 'core'], [2, 'replay']]);
    expect(files[0]?.checksum).toBe(checksumOf('create table a ();'));
  });

  it('when two files share a version › refuses, naming both', () => {
    expect(() => migrationFiles([...entries, { fileName: '002_other.sql', sql: '' }])).toThrow(/002_replay\.sql and 002_other\.sql share version 2/);
  });
});

describe('pending migrations', () => {
  const files = migrationFiles(entries);

  it('when nothing is applied › applies every file in order', () => {
    expect(pendingMigrations(files, []).map((f) => f.version)).toEqual([1, 2]);
  });

  it('when the first is applied unchanged › applies only the rest', () => {
    const applied = [{ version: 1, name: 'core', checksum: checksumOf('create table a ();') }];
    expect(pendingMigrations(files, applied).map((f) => f.version)).toEqual([2]);
  });

  it('when an applied file was changed › refuses with a message naming the file', () => {
    const applied = [{ version: 1, name: 'core', checksum: checksumOf('create table a (x int);') }];
    expect(() => pendingMigrations(files, applied)).toThrow(MigrationError);
    expect(() => pendingMigrations(files, applied)).toThrow(/001_core\.sql was changed after it was applied/);
  });

  it('when an applied file is missing › refuses', () => {
    const applied = [{ version: 7, name: 'gone', checksum: 'x' }];
    expect(() => pendingMigrations(files, applied)).toThrow(/007_gone\.sql .*missing/);
  });
});
