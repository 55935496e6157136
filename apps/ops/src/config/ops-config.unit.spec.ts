import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  describe('PROCURELINK_ENV=production', () => {
    const hash = (text: string): string => createHash('sha256').update(text).digest('hex');
    const remote = { KAFKA_BROKERS: 'kafka:9092', REDIS_URL: 'redis://redis:6379', SCHEMA_REGISTRY_URL: 'http://registry:8081/apis/ccompat/v7' };

    it('with development defaults and plaintext links › refuses to start, naming every problem at once', () => {
      const text = problemsOf({ PROCURELINK_ENV: 'production', ...remote });
      for (const expected of [
        'KAFKA_SSL / KAFKA_SASL_MECHANISM: PROCURELINK_ENV=production refuses plaintext Kafka',
        'REDIS_PASSWORD: PROCURELINK_ENV=production refuses Redis without a password',
        'SCHEMA_REGISTRY_URL: PROCURELINK_ENV=production refuses a plain http:// registry',
        'API_KEYS / API_JWT_SECRET: one is required',
        'OPS_CONSOLE_USERS: required when PROCURELINK_ENV=production',
        'OPS_CONSOLE_SECRET: required when PROCURELINK_ENV=production',
      ]) {
        expect(text).toContain(expected);
      }
    });

    it('with the documented development key, console passwords or secret set explicitly › refuses them too', () => {
      const text = problemsOf({
        PROCURELINK_ENV: 'production',
        API_KEYS: `ops-ui:${hash('procurelink-dev-key')}:ops:read`,
        OPS_CONSOLE_USERS: `ana:${hash('operator')}:operator`,
        OPS_CONSOLE_SECRET: 'procurelink-dev-console-secret-never-use-in-production',
      });
      expect(text).toContain('API_KEYS: lists the development key');
      expect(text).toContain('OPS_CONSOLE_USERS: a user has a development password');
      expect(text).toContain('OPS_CONSOLE_SECRET: is the documented development secret');
    });

    it('with secured links and real credentials (secrets from mounted files) › starts, sending HSTS', () => {
      const dir = mkdtempSync(join(tmpdir(), 'ops-config-'));
      const file = (name: string, content: string): string => {
        writeFileSync(join(dir, name), `${content}\n`);
        return join(dir, name);
      };
      try {
        const config = parseOpsConfig({
          PROCURELINK_ENV: 'production',
          KAFKA_BROKERS: 'kafka:9093',
          KAFKA_SSL: 'true',
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: 'ops',
          KAFKA_SASL_PASSWORD_FILE: file('kafka', 'kafka-pw'),
          REDIS_URL: 'rediss://redis:6380',
          REDIS_PASSWORD_FILE: file('redis', 'redis-pw'),
          SCHEMA_REGISTRY_URL: 'https://registry/apis/ccompat/v7',
          API_KEYS_FILE: file('keys', `ops-ui:${hash('a-real-key')}:ops:read`),
          OPS_CONSOLE_USERS_FILE: file('users', `ana:${hash('a-long-real-password')}:operator`),
          OPS_CONSOLE_SECRET_FILE: file('secret', 'x'.repeat(40)),
        });
        expect(config.kafkaSecurity.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'ops', password: 'kafka-pw' });
        expect(config.redisAuth.password).toBe('redis-pw');
        expect([config.api.production, config.console.secureCookie, config.console.devUsersInUse]).toEqual([true, true, false]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
