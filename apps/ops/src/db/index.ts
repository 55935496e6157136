export { applyMigrations, readMigrationDir, type ApplyMigrationsOptions } from './apply-migrations';
export { MigrationError, type AppliedMigration, type MigrationFile } from './migration-plan';
export { OPS_DB, OpsDatabaseModule, type OpsDatabaseOptions } from './ops-database.module';
export { assertSchemaName, createOpsPool, type OpsPoolOptions } from './ops-pool';
