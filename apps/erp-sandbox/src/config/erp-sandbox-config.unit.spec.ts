import { ConfigError } from '@procurelink/service-host';
import { parseErpSandboxConfig } from './erp-sandbox-config';

const NOW = Date.parse('2026-03-01T10:00:00Z');

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parseErpSandboxConfig(env, NOW);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the ERP sandbox configuration', () => {
  it('when nothing is set › keeps the ledger in memory, with reset off and no faults', () => {
    expect(parseErpSandboxConfig({}, NOW)).toEqual({ store: 'memory', databaseUrl: null, pgSchema: 'erp_sandbox', allowReset: false, faults: [] });
  });

  it('when the postgres store is chosen › reads the database URL, the schema and the reset switch', () => {
    expect(
      parseErpSandboxConfig(
        { ERP_SANDBOX_STORE: 'postgres', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', ERP_SANDBOX_PG_SCHEMA: 'erp_t1', ERP_SANDBOX_ALLOW_RESET: 'true' },
        NOW,
      ),
    ).toMatchObject({ store: 'postgres', databaseUrl: 'postgres://u:p@127.0.0.1:5432/db', pgSchema: 'erp_t1', allowReset: true });
  });

  it('when faults are given at start › they are in force, a duration counted from start-up', () => {
    const config = parseErpSandboxConfig({ ERP_SANDBOX_FAULTS: '[{"mode":"fail","capability":"encumbrances","durationMs":60000}]' }, NOW);
    expect(config.faults).toEqual([
      { mode: 'fail', capability: 'encumbrances', status: 503, delayMs: null, holdMs: null, afterHold: null, until: NOW + 60_000, remaining: null },
    ]);
  });

  it('when several settings are wrong › names every variable, and never echoes the database URL', () => {
    const problems = problemsOf({
      ERP_SANDBOX_STORE: 'redis',
      DATABASE_URL: 'mysql://user:secret@db/x',
      ERP_SANDBOX_PG_SCHEMA: 'Robert; DROP',
      ERP_SANDBOX_ALLOW_RESET: 'yes',
      ERP_SANDBOX_FAULTS: '[{"mode":"slow"}]',
    });
    expect(problems).toEqual([
      'ERP_SANDBOX_STORE=redis: must be one of memory, postgres',
      'ERP_SANDBOX_ALLOW_RESET=yes: must be one of true, false',
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
      'ERP_SANDBOX_PG_SCHEMA=Robert; DROP: must be a lower-case SQL name (a-z, 0-9, _; at most 63)',
      'ERP_SANDBOX_FAULTS[0].delayMs: is required',
    ]);
    expect(problems.join('\n')).not.toContain('secret');
  });

  it('when the postgres store has no database URL › says DATABASE_URL is required', () => {
    expect(problemsOf({ ERP_SANDBOX_STORE: 'postgres' })).toEqual(['DATABASE_URL: is required when ERP_SANDBOX_STORE=postgres']);
  });

  it('when the faults are not a JSON list › says what shape they take', () => {
    expect(problemsOf({ ERP_SANDBOX_FAULTS: '{"mode":"fail"}' })).toEqual(['ERP_SANDBOX_FAULTS: must be a JSON list of fault rules']);
    expect(problemsOf({ ERP_SANDBOX_FAULTS: 'fail' })[0]).toContain('ERP_SANDBOX_FAULTS: must be JSON');
  });
});
