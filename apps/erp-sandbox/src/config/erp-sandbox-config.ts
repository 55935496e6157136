import { ConfigError, EnvReader, type Env } from '@procurelink/service-host';
import { parseFaultSpec, setRule, type FaultRule } from '../domain/faults';

export const STORES = ['memory', 'postgres'] as const;
export type StoreKind = (typeof STORES)[number];

/** Everything the ERP sandbox reads from its environment, parsed once at start-up. */
export interface ErpSandboxConfig {
  /** ERP_SANDBOX_STORE: where the ledger lives (default memory). */
  readonly store: StoreKind;
  /** DATABASE_URL: required when the store is postgres. */
  readonly databaseUrl: string | null;
  /** ERP_SANDBOX_PG_SCHEMA: the PostgreSQL schema holding the ledger table (default erp_sandbox). */
  readonly pgSchema: string;
  /** ERP_SANDBOX_ALLOW_RESET: true enables POST /sandbox/v1/reset and /sandbox/v1/tamper (default false). */
  readonly allowReset: boolean;
  /** ERP_SANDBOX_FAULTS: a JSON list of fault rules in force from start-up (default none). */
  readonly faults: readonly FaultRule[];
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Parses the sandbox's settings; a ConfigError lists every wrong variable by name. `now` dates timed faults. */
export function parseErpSandboxConfig(env: Env, now: number): ErpSandboxConfig {
  const read = new EnvReader(env);
  const store = read.oneOf('ERP_SANDBOX_STORE', STORES, 'memory');
  const databaseUrl = read.text('DATABASE_URL', '');
  const pgSchema = read.text('ERP_SANDBOX_PG_SCHEMA', 'erp_sandbox');
  const allowReset = read.oneOf('ERP_SANDBOX_ALLOW_RESET', ['true', 'false'], 'false') === 'true';
  const problems = [...read.problems];
  if (store === 'postgres' && databaseUrl === '') problems.push('DATABASE_URL: is required when ERP_SANDBOX_STORE=postgres');
  if (databaseUrl !== '' && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    // The URL may hold a password: name the variable, never echo the value.
    problems.push('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  }
  if (!SCHEMA_NAME.test(pgSchema)) problems.push(`ERP_SANDBOX_PG_SCHEMA=${pgSchema}: must be a lower-case SQL name (a-z, 0-9, _; at most 63)`);
  const faults = parseFaults(read.text('ERP_SANDBOX_FAULTS', '[]'), now, problems);
  if (problems.length > 0) throw new ConfigError('erp-sandbox', problems);
  return { store, databaseUrl: databaseUrl === '' ? null : databaseUrl, pgSchema, allowReset, faults };
}

function parseFaults(text: string, now: number, problems: string[]): FaultRule[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    problems.push('ERP_SANDBOX_FAULTS: must be JSON, a list such as [{"mode":"fail","capability":"encumbrances","durationMs":60000}]');
    return [];
  }
  if (!Array.isArray(list)) {
    problems.push('ERP_SANDBOX_FAULTS: must be a JSON list of fault rules');
    return [];
  }
  // A later rule for the same scope replaces an earlier one, as it does over HTTP.
  return list.reduce<FaultRule[]>((rules, item, index) => {
    const rule = parseFaultSpec(item, now, `ERP_SANDBOX_FAULTS[${index}]`);
    if (rule.ok) return setRule(rules, rule.value, now);
    problems.push(...rule.problems.map((p) => `${p.path}: ${p.message}`));
    return rules;
  }, []);
}
