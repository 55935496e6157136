import { ConfigError } from './config-error';
import type { EnvReader } from './env';
import { productionLinkProblems } from './security-production';
import {
  readDeploymentEnvironment,
  readKafkaSecurity,
  readRedisAuth,
  readRegistryAuth,
  type DeploymentEnvironment,
  type KafkaSecurity,
  type RedisAuth,
  type RegistryAuth,
} from './security-settings';

/** Retries of up to two minutes: the RETRY_DELAYS_MS every service uses when none is set. */
export const DEFAULT_RETRY_DELAYS_MS = '1000,5000,15000,30000,60000,120000';

/** The settings every Kafka service reads the same way: where its broker, registry, Redis and ERP are. */
export interface ServiceRuntimeSettings {
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
  readonly redisUrl: string;
  readonly erpBaseUrl: string;
  readonly erpTimeoutMs: number;
  /** ERP_BATCH_MAX_ITEMS (1 = one request per write) and ERP_BATCH_LINGER_MS: how ERP writes are batched. */
  readonly erpBatch: { readonly maxItems: number; readonly lingerMs: number };
  /**
   * CONSUMER_KEY_CONCURRENCY: how many keys of one fetched batch are handled at once (records of one
   * key always in order). More keys in flight make bigger ERP and Redis batches.
   */
  readonly consumerKeyConcurrency: number;
  /** Prepended to every topic name and Redis key (tests isolate with it). */
  readonly topicPrefix: string;
  readonly retryDelaysMs: readonly number[];
  readonly tenant: string;
  /** PROCURELINK_ENV: production refuses development defaults and plaintext links to remote hosts. */
  readonly environment: DeploymentEnvironment;
  /** KAFKA_SSL* and KAFKA_SASL_*: map with `kafkaClientOptions(settings, clientId)`. */
  readonly kafkaSecurity: KafkaSecurity;
  /** REDIS_USERNAME, REDIS_PASSWORD(_FILE), REDIS_TLS_CA_FILE: map with `redisClientOptions(settings)`. */
  readonly redisAuth: RedisAuth;
  /** SCHEMA_REGISTRY_USERNAME / SCHEMA_REGISTRY_PASSWORD(_FILE), when the registry needs basic auth. */
  readonly schemaRegistryAuth?: RegistryAuth;
}

export interface ServiceRuntimeOptions {
  /** The smallest retry delay accepted (default 0; payment-status asks for 1). */
  readonly minRetryDelayMs?: number;
  /** Whether each retry delay must be at least the one before (default true). */
  readonly ascendingRetryDelays?: boolean;
}

/**
 * Reads KAFKA_BROKERS, SCHEMA_REGISTRY_URL, REDIS_URL, ERP_BASE_URL, ERP_TIMEOUT_MS, ERP_BATCH_*, CONSUMER_KEY_CONCURRENCY,
 * PROCURELINK_TOPIC_PREFIX, RETRY_DELAYS_MS, TENANT, PROCURELINK_ENV and the security settings
 * (KAFKA_SSL*, KAFKA_SASL_*, REDIS_USERNAME/PASSWORD/TLS_CA_FILE, SCHEMA_REGISTRY_USERNAME/PASSWORD;
 * secrets also as NAME_FILE); each problem joins `read.problems`, naming its variable (never a
 * URL's value or a secret). In production, plaintext links to remote hosts are problems too.
 */
export function readServiceRuntimeSettings(read: EnvReader, options: ServiceRuntimeOptions = {}): ServiceRuntimeSettings {
  const brokersText = read.text('KAFKA_BROKERS', '127.0.0.1:9092');
  const kafkaBrokers = brokersText.split(',').map((b) => b.trim());
  if (kafkaBrokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) read.problems.push(`KAFKA_BROKERS=${brokersText}: must be host:port[,host:port…]`);
  const schemaRegistryUrl = readUrl(read, 'SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081/apis/ccompat/v7', ['http:', 'https:']);
  const redisUrl = readUrl(read, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']);
  const erpBaseUrl = readUrl(read, 'ERP_BASE_URL', 'http://127.0.0.1:3190', ['http:', 'https:']);
  const erpTimeoutMs = read.positiveInt('ERP_TIMEOUT_MS', 5000);
  const erpBatch = { maxItems: read.wholeNumber('ERP_BATCH_MAX_ITEMS', 100, 1, 500), lingerMs: read.wholeNumber('ERP_BATCH_LINGER_MS', 0, 0, 1000) };
  const consumerKeyConcurrency = read.wholeNumber('CONSUMER_KEY_CONCURRENCY', 256, 1, 4096);
  const topicPrefix = read.text('PROCURELINK_TOPIC_PREFIX', '');
  if (!/^[A-Za-z0-9._-]*$/.test(topicPrefix)) read.problems.push(`PROCURELINK_TOPIC_PREFIX=${topicPrefix}: may hold only letters, digits, ".", "_" and "-"`);
  const retryDelaysMs = readRetryDelays(read, options);
  const tenant = read.text('TENANT', 'demo-health');
  const environment = readDeploymentEnvironment(read);
  const kafkaSecurity = readKafkaSecurity(read);
  const redisAuth = readRedisAuth(read, redisUrl);
  const schemaRegistryAuth = readRegistryAuth(read);
  if (environment === 'production') read.problems.push(...productionLinkProblems({ kafkaBrokers, kafkaSecurity, redisUrl, redisAuth, schemaRegistryUrl }));
  return {
    kafkaBrokers,
    schemaRegistryUrl,
    redisUrl,
    erpBaseUrl,
    erpTimeoutMs,
    erpBatch,
    consumerKeyConcurrency,
    topicPrefix,
    retryDelaysMs,
    tenant,
    environment,
    kafkaSecurity,
    redisAuth,
    ...(schemaRegistryAuth !== undefined ? { schemaRegistryAuth } : {}),
  };
}

function readUrl(read: EnvReader, name: string, fallback: string, protocols: readonly string[]): string {
  const text = read.text(name, fallback);
  try {
    if (!protocols.includes(new URL(text).protocol)) read.problems.push(`${name}: must be a ${protocols.join(' or ')} URL`);
  } catch {
    read.problems.push(`${name}: must be a URL`);
  }
  return text;
}

function readRetryDelays(read: EnvReader, { minRetryDelayMs = 0, ascendingRetryDelays = true }: ServiceRuntimeOptions): number[] {
  const text = read.text('RETRY_DELAYS_MS', DEFAULT_RETRY_DELAYS_MS);
  const delays = text.split(',').map((d) => Number(d.trim()));
  const bad = (d: number, i: number): boolean =>
    !Number.isInteger(d) || d < minRetryDelayMs || (ascendingRetryDelays && i > 0 && d < (delays[i - 1] as number));
  if (delays.some(bad)) {
    const floor = minRetryDelayMs > 0 ? ` of at least ${minRetryDelayMs}` : '';
    const order = ascendingRetryDelays ? ', each at least the one before' : '';
    read.problems.push(`RETRY_DELAYS_MS=${text}: must be comma-separated whole milliseconds${floor}${order}`);
  }
  return delays;
}

/**
 * Runs a sub-parser that throws ConfigError (e.g. the system API's) and folds its problems into
 * `problems`, so one start-up message names every variable; undefined when it had any.
 */
export function foldConfigProblems<T>(problems: string[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}
