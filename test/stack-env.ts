import { resolve } from 'node:path';
import { clientEnv, parseStackConfig } from '../tools/stack/config.ts';

export interface StackEndpoints {
  readonly kafkaBrokers: string[];
  readonly schemaRegistryUrl: string;
  readonly redisUrl: string;
  readonly databaseUrl: string;
}

/**
 * Where tests find the real stack: the standard variables when set (CI, a remote stack),
 * otherwise the addresses `npm run stack -- up` uses with the same PROCURELINK_* settings.
 */
export function stackEndpoints(env: NodeJS.ProcessEnv = process.env): StackEndpoints {
  const defaults = clientEnv(parseStackConfig(env, resolve(__dirname, '..')));
  const pick = (key: keyof typeof defaults): string => env[key] ?? defaults[key] ?? '';
  return {
    kafkaBrokers: pick('KAFKA_BROKERS').split(','),
    schemaRegistryUrl: pick('SCHEMA_REGISTRY_URL'),
    redisUrl: pick('REDIS_URL'),
    databaseUrl: pick('DATABASE_URL'),
  };
}

/** The variables every service's configuration needs to run on the stack, under its own prefix, against this ERP. */
export function serviceEnv(prefix: string, erpBaseUrl: string, stack: StackEndpoints = stackEndpoints()): Record<string, string> {
  return {
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl,
    REDIS_URL: stack.redisUrl,
    ERP_BASE_URL: erpBaseUrl,
    PROCURELINK_TOPIC_PREFIX: prefix,
  };
}
