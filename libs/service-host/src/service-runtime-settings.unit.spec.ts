import { ConfigError } from './config-error';
import { EnvReader, type Env } from './env';
import { foldConfigProblems, readServiceRuntimeSettings, type ServiceRuntimeOptions } from './service-runtime-settings';

function read(env: Env, options?: ServiceRuntimeOptions) {
  const reader = new EnvReader(env);
  const settings = readServiceRuntimeSettings(reader, options);
  return { settings, problems: reader.problems, variables: reader.problems.map((p) => p.split(/[=:]/)[0]) };
}

describe('readServiceRuntimeSettings', () => {
  it('when nothing is set › the local stack, no prefix, retries of up to two minutes, the demo tenant', () => {
    expect(read({})).toEqual({
      settings: {
        kafkaBrokers: ['127.0.0.1:9092'],
        schemaRegistryUrl: 'http://127.0.0.1:8081/apis/ccompat/v7',
        redisUrl: 'redis://127.0.0.1:6379',
        erpBaseUrl: 'http://127.0.0.1:3190',
        erpTimeoutMs: 5000,
        erpBatch: { maxItems: 100, lingerMs: 0 },
        consumerKeyConcurrency: 256,
        topicPrefix: '',
        retryDelaysMs: [1000, 5000, 15000, 30000, 60000, 120000],
        tenant: 'demo-health',
        environment: 'development',
        kafkaSecurity: {},
        redisAuth: {},
      },
      problems: [],
      variables: [],
    });
  });

  it('when values are given › reads them, trimming brokers and delays', () => {
    const { settings, problems } = read({
      KAFKA_BROKERS: 'a:1, b:2',
      SCHEMA_REGISTRY_URL: 'https://registry:8081',
      REDIS_URL: 'rediss://cache:6380',
      ERP_BASE_URL: 'https://erp.example',
      ERP_TIMEOUT_MS: '250',
      ERP_BATCH_MAX_ITEMS: '1',
      ERP_BATCH_LINGER_MS: '5',
      CONSUMER_KEY_CONCURRENCY: '8',
      PROCURELINK_TOPIC_PREFIX: 't1.',
      RETRY_DELAYS_MS: '10, 20',
      TENANT: 'north',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      kafkaBrokers: ['a:1', 'b:2'],
      schemaRegistryUrl: 'https://registry:8081',
      redisUrl: 'rediss://cache:6380',
      erpBaseUrl: 'https://erp.example',
      erpTimeoutMs: 250,
      erpBatch: { maxItems: 1, lingerMs: 5 },
      consumerKeyConcurrency: 8,
      topicPrefix: 't1.',
      retryDelaysMs: [10, 20],
      tenant: 'north',
      environment: 'development',
      kafkaSecurity: {},
      redisAuth: {},
    });
  });

  it('when several values are wrong › one problem per variable, in reading order', () => {
    const { problems } = read({
      KAFKA_BROKERS: 'nohost',
      SCHEMA_REGISTRY_URL: 'not a url',
      REDIS_URL: 'http://x',
      ERP_TIMEOUT_MS: '0',
      ERP_BATCH_MAX_ITEMS: '501',
      ERP_BATCH_LINGER_MS: '-1',
      CONSUMER_KEY_CONCURRENCY: '0',
      PROCURELINK_TOPIC_PREFIX: 'a b',
      RETRY_DELAYS_MS: '5000,1000',
    });
    expect(problems).toEqual([
      'KAFKA_BROKERS=nohost: must be host:port[,host:port…]',
      'SCHEMA_REGISTRY_URL: must be a URL',
      'REDIS_URL: must be a redis: or rediss: URL',
      'ERP_TIMEOUT_MS=0: must be a whole number above 0',
      'ERP_BATCH_MAX_ITEMS=501: must be a whole number from 1 to 500',
      'ERP_BATCH_LINGER_MS=-1: must be a whole number from 0 to 1000',
      'CONSUMER_KEY_CONCURRENCY=0: must be a whole number from 1 to 4096',
      'PROCURELINK_TOPIC_PREFIX=a b: may hold only letters, digits, ".", "_" and "-"',
      'RETRY_DELAYS_MS=5000,1000: must be comma-separated whole milliseconds, each at least the one before',
    ]);
  });

  it('never echoes a URL, which may hold a password', () => {
    const { problems } = read({ REDIS_URL: 'http://user:s3cret@host', ERP_BASE_URL: 'ftp://user:s3cret@erp' });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  describe('RETRY_DELAYS_MS', () => {
    it('by default › accepts a zero delay and rejects a delay shorter than the one before', () => {
      expect(read({ RETRY_DELAYS_MS: '0,0,10' }).problems).toEqual([]);
      expect(read({ RETRY_DELAYS_MS: '5,1' }).variables).toEqual(['RETRY_DELAYS_MS']);
      expect(read({ RETRY_DELAYS_MS: '5,x' }).variables).toEqual(['RETRY_DELAYS_MS']);
    });

    it('with a floor of 1 ms and no ordering › rejects zero, accepts any order', () => {
      const options = { minRetryDelayMs: 1, ascendingRetryDelays: false };
      expect(read({ RETRY_DELAYS_MS: '5,1' }, options).problems).toEqual([]);
      expect(read({ RETRY_DELAYS_MS: '0,10' }, options).problems).toEqual(['RETRY_DELAYS_MS=0,10: must be comma-separated whole milliseconds of at least 1']);
    });
  });
});

describe('foldConfigProblems', () => {
  it('when the sub-parser succeeds › returns its value and adds nothing', () => {
    const problems = ['A: bad'];
    expect(foldConfigProblems(problems, () => 42)).toBe(42);
    expect(problems).toEqual(['A: bad']);
  });

  it('when it throws a ConfigError › adds its problems after the others and returns undefined', () => {
    const problems = ['A: bad'];
    expect(
      foldConfigProblems(problems, () => {
        throw new ConfigError('system-api', ['API_KEYS: required', 'API_JWT_SECRET: too short']);
      }),
    ).toBeUndefined();
    expect(problems).toEqual(['A: bad', 'API_KEYS: required', 'API_JWT_SECRET: too short']);
  });

  it('when it throws anything else › lets it through', () => {
    expect(() =>
      foldConfigProblems([], () => {
        throw new TypeError('boom');
      }),
    ).toThrow(TypeError);
  });
});
