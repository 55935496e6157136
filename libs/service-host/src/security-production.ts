import type { KafkaSecurity, RedisAuth } from './security-settings';

/** What the production checks look at (a subset of ServiceRuntimeSettings). */
export interface ProductionCheckInput {
  readonly kafkaBrokers: readonly string[];
  readonly kafkaSecurity: KafkaSecurity;
  readonly redisUrl: string;
  readonly redisAuth: RedisAuth;
  readonly schemaRegistryUrl: string;
}

/** 127.0.0.0/8, ::1 and localhost: links that never leave the machine (or the pod). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

const brokerHost = (broker: string): string => broker.replace(/:\d+$/, '');

function urlOf(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * The links a production deployment must not use, each naming the variables to set (never a
 * value): plaintext Kafka, Redis without a password, or an http:// registry, to a remote host.
 */
export function productionLinkProblems(input: ProductionCheckInput): string[] {
  const problems: string[] = [];
  const remoteBrokers = input.kafkaBrokers.filter((b) => !isLoopbackHost(brokerHost(b)));
  if (remoteBrokers.length > 0 && input.kafkaSecurity.ssl === undefined && input.kafkaSecurity.sasl === undefined) {
    problems.push(
      `KAFKA_SSL / KAFKA_SASL_MECHANISM: PROCURELINK_ENV=production refuses plaintext Kafka to ${remoteBrokers.map(brokerHost).join(', ')}; set KAFKA_SSL=true and/or KAFKA_SASL_MECHANISM`,
    );
  }
  const redis = urlOf(input.redisUrl);
  if (redis !== undefined && !isLoopbackHost(redis.hostname) && redis.password === '' && input.redisAuth.password === undefined) {
    problems.push(`REDIS_PASSWORD: PROCURELINK_ENV=production refuses Redis without a password at ${redis.hostname}; set REDIS_PASSWORD or REDIS_PASSWORD_FILE (and a rediss:// REDIS_URL)`);
  }
  const registry = urlOf(input.schemaRegistryUrl);
  if (registry !== undefined && registry.protocol === 'http:' && !isLoopbackHost(registry.hostname)) {
    problems.push(`SCHEMA_REGISTRY_URL: PROCURELINK_ENV=production refuses a plain http:// registry at ${registry.hostname}; use https://`);
  }
  return problems;
}
