import { resolve } from 'node:path';
import { ConfigError, EnvReader, foldConfigProblems, readServiceRuntimeSettings, type Env, type ServiceRuntimeSettings } from '@procurelink/service-host';
import { parseSystemApiConfig, type SystemApiConfig } from '@procurelink/system-api';
import { parseConsoleConfig, type ConsoleConfig } from '../console/config/console-config';
import { readReconcileIntervalMs } from '../reconciliation/reconciliation-settings';
import { readSlaDefinitions } from '../sla/sla-settings';
import type { SlaDefinition } from '../sla/domain';

/** The SQL migrations shipped with the app (apps/ops/migrations), from src/config or dist/config. */
export const DEFAULT_MIGRATIONS_DIR = resolve(__dirname, '../../migrations');
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_OPS_DB_SCHEMA = 'procurelink_ops';

export interface OpsDatabaseConfig {
  readonly url: string;
  /** The PostgreSQL schema of ops' tables (OPS_DB_SCHEMA). */
  readonly schema: string;
  readonly migrationsDir: string;
}

/** Everything ops reads from its environment, parsed once at start-up. */
export interface OpsConfig extends ServiceRuntimeSettings {
  readonly database: OpsDatabaseConfig;
  /** A receipt whose PO has no posted invoice after this many hours counts as unmatched (OPS_UNMATCHED_RECEIPT_HOURS). */
  readonly unmatchedReceiptHours: number;
  /** The HTTP API: credentials (API key hashes, JWT settings) and the body limit. */
  readonly api: SystemApiConfig;
  /** How often reconciliation runs on its own (OPS_RECONCILE_INTERVAL_MS; 0 = only on demand). */
  readonly reconcileIntervalMs: number;
  /** The SLAs watched (OPS_SLAS, JSON; defaults: PO in the ERP within 5 min, invoice posted within a day of matching, payment status back within an hour). */
  readonly slas: readonly SlaDefinition[];
  /** The web console's users, roles and session settings (OPS_CONSOLE_*). */
  readonly console: ConsoleConfig;
}

/** Parses ops' configuration; throws ConfigError listing every problem, each naming its variable. */
export function parseOpsConfig(env: Env): OpsConfig {
  const read = new EnvReader(env);
  const problems = read.problems;
  const runtime = readServiceRuntimeSettings(read);
  const url = read.secret('DATABASE_URL')?.trim() || DEFAULT_DATABASE_URL; // may hold a password: DATABASE_URL_FILE works too
  if (!isPostgresUrl(url)) problems.push('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  const schema = read.text('OPS_DB_SCHEMA', DEFAULT_OPS_DB_SCHEMA);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) problems.push(`OPS_DB_SCHEMA=${schema}: must be a lower-case identifier (letters, digits, "_", at most 63)`);
  const migrationsDir = resolve(read.text('OPS_MIGRATIONS_DIR', DEFAULT_MIGRATIONS_DIR));
  const unmatchedReceiptHours = read.positiveInt('OPS_UNMATCHED_RECEIPT_HOURS', 24);
  const reconcileIntervalMs = readReconcileIntervalMs(read, env);
  const slas = readSlaDefinitions(read, env);
  const api = foldConfigProblems(problems, () => parseSystemApiConfig(env));
  const consoleConfig = foldConfigProblems(problems, () => parseConsoleConfig(env));
  if (problems.length > 0 || api === undefined || consoleConfig === undefined) throw new ConfigError('ops', problems);
  return { ...runtime, database: { url, schema, migrationsDir }, unmatchedReceiptHours, api, reconcileIntervalMs, slas, console: consoleConfig };
}

function isPostgresUrl(text: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
