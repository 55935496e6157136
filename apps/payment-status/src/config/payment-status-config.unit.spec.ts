import { ConfigError, EnvReader, readServiceRuntimeSettings } from '@procurelink/service-host';
import { DEFAULT_BODY_LIMIT_BYTES, DEV_CLIENT_ID } from '@procurelink/system-api';
import { createHash } from 'node:crypto';
import { parsePaymentStatusConfig } from './payment-status-config';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('payment-status configuration', () => {
  it('when nothing is set › uses the local stack defaults', () => {
    expect(parsePaymentStatusConfig({})).toEqual({
      ...readServiceRuntimeSettings(new EnvReader({})),
      topicPartitions: 3,
      api: expect.objectContaining({ bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES }),
    });
  });

  it('when API_KEYS is unset outside production › the system API accepts only the documented development key', () => {
    const { api } = parsePaymentStatusConfig({});
    expect(api.auth.devKeyInUse).toBe(true);
    expect(api.auth.apiKeys.map((k) => k.clientId)).toEqual([DEV_CLIENT_ID]);
  });

  it('when API_KEYS and API_BODY_LIMIT_BYTES are set › reads the key hashes, scopes and body limit', () => {
    const { api } = parsePaymentStatusConfig({ API_KEYS: `erp:${sha('k1')}:payments:submit|payments:read`, API_BODY_LIMIT_BYTES: '2048' });
    expect(api.bodyLimitBytes).toBe(2048);
    expect(api.auth.devKeyInUse).toBe(false);
    expect(api.auth.apiKeys.map((k) => [k.clientId, k.scopes])).toEqual([['erp', ['payments:submit', 'payments:read']]]);
  });

  it('when NODE_ENV is production without API_KEYS › refuses to start, naming API_KEYS with the other problems', () => {
    const attempt = () => parsePaymentStatusConfig({ NODE_ENV: 'production', ERP_TIMEOUT_MS: '0' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(/[=:]/)[0])).toEqual(['ERP_TIMEOUT_MS', 'API_KEYS / API_JWT_SECRET']);
    }
  });

  it('never echoes an API key hash or a JWT secret in a configuration error', () => {
    const attempt = () => parsePaymentStatusConfig({ API_KEYS: 'erp:not-a-hash-s3cret:payments:read', API_JWT_SECRET: 'short-s3cret' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^(?![\s\S]*s3cret)/);
  });

  it('when values are given › reads them', () => {
    const config = parsePaymentStatusConfig({ KAFKA_BROKERS: 'a:1, b:2', RETRY_DELAYS_MS: '10,20', PROCURELINK_TOPIC_PREFIX: 't1.', TENANT: 'north' });
    expect(config).toMatchObject({ kafkaBrokers: ['a:1', 'b:2'], retryDelaysMs: [10, 20], topicPrefix: 't1.', tenant: 'north' });
  });

  it('when several values are wrong › one error names every variable', () => {
    const attempt = () =>
      parsePaymentStatusConfig({ KAFKA_BROKERS: 'nohost', REDIS_URL: 'http://x', ERP_TIMEOUT_MS: '0', RETRY_DELAYS_MS: '5,x', PROCURELINK_TOPIC_PREFIX: 'a b' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.map((p) => p.split(/[=:]/)[0]);
      expect(problems).toEqual(['KAFKA_BROKERS', 'REDIS_URL', 'ERP_TIMEOUT_MS', 'PROCURELINK_TOPIC_PREFIX', 'RETRY_DELAYS_MS']);
    }
  });

  it('never echoes a Redis URL, which may hold a password', () => {
    expect(() => parsePaymentStatusConfig({ REDIS_URL: 'http://user:s3cret@host' })).toThrow(/^(?![\s\S]*s3cret)/);
  });
});
