import { ConfigError } from '@procurelink/service-host';
import { parsePaymentStatusConfig } from './payment-status-config';

describe('payment-status configuration', () => {
  it('when nothing is set › uses the local stack defaults', () => {
    expect(parsePaymentStatusConfig({})).toEqual({
      kafkaBrokers: ['127.0.0.1:9092'],
      schemaRegistryUrl: 'http://127.0.0.1:8081/apis/ccompat/v7',
      redisUrl: 'redis://127.0.0.1:6379',
      erpBaseUrl: 'http://127.0.0.1:3190',
      erpTimeoutMs: 5000,
      topicPrefix: '',
      retryDelaysMs: [1000, 5000, 15000, 30000, 60000, 120000],
      tenant: 'demo-health',
      topicPartitions: 3,
    });
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
