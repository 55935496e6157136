import { EnvReader, type Env, type ReadFile } from './env';
import { readServiceRuntimeSettings } from './service-runtime-settings';

const files: ReadFile = (path) => {
  const known: Record<string, string> = { '/ca.pem': 'CA-PEM', '/cert.pem': 'CERT-PEM', '/key.pem': 'KEY-PEM', '/sasl-pw': 'sasl-s3cret\n', '/redis-pw': 'redis-s3cret\n' };
  const content = known[path];
  if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  return content;
};

function read(env: Env) {
  const reader = new EnvReader(env, files);
  const settings = readServiceRuntimeSettings(reader);
  return { settings, problems: reader.problems, text: reader.problems.join('\n') };
}

describe('security settings', () => {
  describe('Kafka TLS', () => {
    it('when KAFKA_SSL=true with files › reads the CA, the client certificate and key, verifying by default', () => {
      const { settings, problems } = read({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/ca.pem', KAFKA_SSL_CERT_FILE: '/cert.pem', KAFKA_SSL_KEY_FILE: '/key.pem' });
      expect(problems).toEqual([]);
      expect(settings.kafkaSecurity).toEqual({ ssl: { ca: 'CA-PEM', cert: 'CERT-PEM', key: 'KEY-PEM', rejectUnauthorized: true } });
    });

    it('when KAFKA_SSL_REJECT_UNAUTHORIZED=false › keeps it', () => {
      expect(read({ KAFKA_SSL: 'true', KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' }).settings.kafkaSecurity).toEqual({ ssl: { rejectUnauthorized: false } });
    });

    it('when files are given without KAFKA_SSL, a certificate lacks its key, or a file is missing › names each variable', () => {
      const { text } = read({ KAFKA_SSL_CERT_FILE: '/cert.pem', KAFKA_SSL_CA_FILE: '/missing.pem' });
      expect(text).toContain('KAFKA_SSL_CA_FILE=/missing.pem: cannot read the file');
      expect(text).toContain('set KAFKA_SSL=true too');
      expect(text).toContain('a client certificate needs both');
    });
  });

  describe('Kafka SASL', () => {
    it.each(['plain', 'scram-sha-256', 'scram-sha-512'] as const)('when KAFKA_SASL_MECHANISM=%s › reads the user and the password (also from a file)', (mechanism) => {
      const { settings, problems } = read({ KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: 'svc', KAFKA_SASL_PASSWORD_FILE: '/sasl-pw' });
      expect(problems).toEqual([]);
      expect(settings.kafkaSecurity).toEqual({ sasl: { mechanism, username: 'svc', password: 'sasl-s3cret' } });
    });

    it('when the user or password is missing › names both variables', () => {
      const { text } = read({ KAFKA_SASL_MECHANISM: 'scram-sha-512' });
      expect(text).toContain('KAFKA_SASL_USERNAME: required when KAFKA_SASL_MECHANISM=scram-sha-512');
      expect(text).toContain('KAFKA_SASL_PASSWORD: required');
    });

    it('when oauthbearer › needs the token URL, client id and secret', () => {
      const ok = read({ KAFKA_SASL_MECHANISM: 'oauthbearer', KAFKA_SASL_OAUTH_TOKEN_URL: 'https://idp/token', KAFKA_SASL_OAUTH_CLIENT_ID: 'po', KAFKA_SASL_OAUTH_CLIENT_SECRET: 'cs' });
      expect(ok.problems).toEqual([]);
      expect(ok.settings.kafkaSecurity.sasl).toEqual({ mechanism: 'oauthbearer', tokenUrl: 'https://idp/token', clientId: 'po', clientSecret: 'cs' });
      const bad = read({ KAFKA_SASL_MECHANISM: 'oauthbearer', KAFKA_SASL_OAUTH_TOKEN_URL: 'ftp://x' }).text;
      for (const name of ['KAFKA_SASL_OAUTH_TOKEN_URL', 'KAFKA_SASL_OAUTH_CLIENT_ID', 'KAFKA_SASL_OAUTH_CLIENT_SECRET']) expect(bad).toContain(name);
    });

    it('when credentials are given without a mechanism › says they would be ignored, naming them only', () => {
      expect(read({ KAFKA_SASL_USERNAME: 'svc', KAFKA_SASL_PASSWORD: 'sasl-s3cret' }).text).toBe(
        'KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD: set KAFKA_SASL_MECHANISM too (it is none, so they would be ignored)',
      );
    });

    it('when the mechanism is unknown › lists the known ones', () => {
      expect(read({ KAFKA_SASL_MECHANISM: 'gssapi' }).text).toBe('KAFKA_SASL_MECHANISM=gssapi: must be one of none, plain, scram-sha-256, scram-sha-512, oauthbearer');
    });
  });

  describe('Redis and the registry', () => {
    it('reads the Redis user, password file and TLS CA of a rediss:// URL', () => {
      const { settings, problems } = read({ REDIS_URL: 'rediss://cache:6380', REDIS_USERNAME: 'app', REDIS_PASSWORD_FILE: '/redis-pw', REDIS_TLS_CA_FILE: '/ca.pem' });
      expect(problems).toEqual([]);
      expect(settings.redisAuth).toEqual({ username: 'app', password: 'redis-s3cret', tlsCa: 'CA-PEM' });
    });

    it('refuses a TLS CA with a redis:// URL and a user without a password', () => {
      const { text } = read({ REDIS_TLS_CA_FILE: '/ca.pem', REDIS_USERNAME: 'app' });
      expect(text).toContain('REDIS_TLS_CA_FILE: needs a rediss:// REDIS_URL');
      expect(text).toContain('REDIS_USERNAME: set REDIS_PASSWORD');
    });

    it('reads registry basic auth, both or neither', () => {
      expect(read({ SCHEMA_REGISTRY_USERNAME: 'u', SCHEMA_REGISTRY_PASSWORD: 'p' }).settings.schemaRegistryAuth).toEqual({ username: 'u', password: 'p' });
      expect(read({ SCHEMA_REGISTRY_USERNAME: 'u' }).text).toContain('SCHEMA_REGISTRY_USERNAME / SCHEMA_REGISTRY_PASSWORD: set both');
    });
  });

  describe('PROCURELINK_ENV=production', () => {
    const remote = { KAFKA_BROKERS: 'kafka-0.kafka:9092', REDIS_URL: 'redis://redis:6379', SCHEMA_REGISTRY_URL: 'http://registry:8081' };

    it('refuses plaintext Kafka, Redis without a password and an http:// registry on remote hosts, naming every variable at once', () => {
      const { text, problems } = read({ PROCURELINK_ENV: 'production', ...remote });
      expect(problems).toHaveLength(3);
      expect(text).toContain('KAFKA_SSL / KAFKA_SASL_MECHANISM: PROCURELINK_ENV=production refuses plaintext Kafka to kafka-0.kafka');
      expect(text).toContain('REDIS_PASSWORD: PROCURELINK_ENV=production refuses Redis without a password at redis');
      expect(text).toContain('SCHEMA_REGISTRY_URL: PROCURELINK_ENV=production refuses a plain http:// registry at registry');
    });

    it('accepts TLS + SASL Kafka, a Redis password and an https registry', () => {
      const { problems, settings } = read({
        PROCURELINK_ENV: 'production',
        ...remote,
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD: 'pw',
        REDIS_URL: 'rediss://redis:6380',
        REDIS_PASSWORD: 'r-pw',
        SCHEMA_REGISTRY_URL: 'https://registry:8081',
      });
      expect(problems).toEqual([]);
      expect(settings.environment).toBe('production');
    });

    it('accepts a password inside the Redis URL, and never echoes it', () => {
      const { problems } = read({ PROCURELINK_ENV: 'production', REDIS_URL: 'redis://:in-url-s3cret@redis:6379' });
      expect(problems).toEqual([]);
    });

    it('allows plaintext to loopback hosts (a sidecar, the local stack)', () => {
      expect(read({ PROCURELINK_ENV: 'production', KAFKA_BROKERS: '127.0.0.1:9092,localhost:9093', REDIS_URL: 'redis://[::1]:6379' }).problems).toEqual([]);
    });

    it('when PROCURELINK_ENV is unset › NODE_ENV=production counts; an explicit PROCURELINK_ENV wins', () => {
      expect(read({ NODE_ENV: 'production', ...remote }).problems).toHaveLength(3);
      expect(read({ NODE_ENV: 'production', PROCURELINK_ENV: 'development', ...remote }).problems).toEqual([]);
      expect(read({ PROCURELINK_ENV: 'prod' }).text).toBe('PROCURELINK_ENV=prod: must be one of development, production');
    });
  });

  it('never puts a secret value in a problem', () => {
    const { text } = read({ PROCURELINK_ENV: 'production', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: 'sasl-s3cret', REDIS_USERNAME: 'u', REDIS_URL: 'redis://u:url-s3cret@h:1', REDIS_PASSWORD: 'redis-s3cret', REDIS_PASSWORD_FILE: '/redis-pw' });
    expect(text).not.toMatch(/s3cret/);
  });
});
