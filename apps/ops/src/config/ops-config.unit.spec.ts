import { ConfigError, EnvReader, readServiceRuntimeSettings } from '@procurelink/service-host';
import { DEFAULT_DATABASE_URL, DEFAULT_MIGRATIONS_DIR, parseOpsConfig } from './ops-config';

const problemsOf = (env: Record<string, string>): string => {
  try {
    parseOpsConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
};

describe('parseOpsConfig', () => {
  it('when nothing is set › uses the local stack, the procurelink_ops schema and the shipped migrations', () => {
    const config = parseOpsConfig({});
    expect(config).toMatchObject(readServiceRuntimeSettings(new EnvReader({})));
    expect(config.database).toEqual({ url: DEFAULT_DATABASE_URL, schema: 'procurelink_ops', migrationsDir: DEFAULT_MIGRATIONS_DIR });
    expect(DEFAULT_MIGRATIONS_DIR).toMatch(/apps\/ops\/migrations$/);
    expect(config.unmatchedReceiptHours).toBe(24);
    expect(config.api.auth.apiKeys[0]?.scopes).toEqual(expect.arrayContaining(['ops:read', 'ops:replay', 'ops:reconcile']));
  });

  it('when values are set › reads them', () => {
    const config = parseOpsConfig({ DATABASE_URL: 'postgresql://ops@db:5432/ops', OPS_DB_SCHEMA: 't_ops_1', PROCURELINK_TOPIC_PREFIX: 't1.', OPS_UNMATCHED_RECEIPT_HOURS: '6' });
    expect(config.database).toMatchObject({ url: 'postgresql://ops@db:5432/ops', schema: 't_ops_1' });
    expect(config).toMatchObject({ topicPrefix: 't1.', unmatchedReceiptHours: 6 });
  });

  it('when values are wrong › names every variable at once, never the database password', () => {
    const text = problemsOf({ DATABASE_URL: 'mysql://u:s3cret@db/x', OPS_DB_SCHEMA: 'Ops; drop', KAFKA_BROKERS: 'nohost', OPS_UNMATCHED_RECEIPT_HOURS: '0' });
    for (const name of ['DATABASE_URL', 'OPS_DB_SCHEMA', 'KAFKA_BROKERS', 'OPS_UNMATCHED_RECEIPT_HOURS']) expect(text).toContain(name);
    expect(text).not.toContain('s3cret');
  });
});
