import { ConfigError, EnvReader, type Env } from '@procurelink/service-host';
import { parseSystemApiConfig, type SystemApiConfig } from '@procurelink/system-api';

export const DEFAULT_RETRY_DELAYS = '1000,5000,15000,30000,60000,120000';

export interface PaymentStatusConfig {
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
  readonly redisUrl: string;
  readonly erpBaseUrl: string;
  readonly erpTimeoutMs: number;
  /** Prepended to every topic name and Redis key (tests isolate with it). */
  readonly topicPrefix: string;
  readonly retryDelaysMs: readonly number[];
  readonly tenant: string;
  /** Partitions for topics created at start-up. */
  readonly topicPartitions: number;
  /** The HTTP system API: API keys (hashes only), optional JWT settings, body limit. */
  readonly api: SystemApiConfig;
}

/** payment-status's configuration schema; every problem is reported at once, naming its variable. */
export function parsePaymentStatusConfig(env: Env): PaymentStatusConfig {
  const read = new EnvReader(env);
  const brokersText = read.text('KAFKA_BROKERS', '127.0.0.1:9092');
  const kafkaBrokers = brokersText.split(',').map((b) => b.trim());
  if (kafkaBrokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) read.problems.push(`KAFKA_BROKERS=${brokersText}: must be host:port[,host:port…]`);
  const schemaRegistryUrl = url(read, 'SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081/apis/ccompat/v7', ['http:', 'https:']);
  const redisUrl = url(read, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']);
  const erpBaseUrl = url(read, 'ERP_BASE_URL', 'http://127.0.0.1:3190', ['http:', 'https:']);
  const erpTimeoutMs = read.positiveInt('ERP_TIMEOUT_MS', 5000);
  const topicPrefix = env['PROCURELINK_TOPIC_PREFIX']?.trim() ?? '';
  if (!/^[A-Za-z0-9._-]*$/.test(topicPrefix)) {
    read.problems.push(`PROCURELINK_TOPIC_PREFIX=${topicPrefix}: may hold only letters, digits, ".", "_" and "-"`);
  }
  const delaysText = read.text('RETRY_DELAYS_MS', DEFAULT_RETRY_DELAYS);
  const retryDelaysMs = delaysText.split(',').map((d) => Number(d.trim()));
  if (retryDelaysMs.some((d) => !Number.isInteger(d) || d < 1)) {
    read.problems.push(`RETRY_DELAYS_MS=${delaysText}: must be whole milliseconds above 0, comma-separated`);
  }
  const tenant = read.text('TENANT', 'demo-health');
  const topicPartitions = read.positiveInt('TOPIC_PARTITIONS', 3);
  const api = systemApiConfig(env, read.problems);
  if (read.problems.length > 0 || api === undefined) throw new ConfigError('payment-status', read.problems);
  return { kafkaBrokers, schemaRegistryUrl, redisUrl, erpBaseUrl, erpTimeoutMs, topicPrefix, retryDelaysMs, tenant, topicPartitions, api };
}

function url(read: EnvReader, name: string, fallback: string, protocols: readonly string[]): string {
  const value = read.text(name, fallback);
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    // reported below
  }
  if (!protocols.includes(protocol)) read.problems.push(`${name}: must be a ${protocols.join(' or ')} URL`);
  return value;
}

/** The system API settings; their problems join the others so one message names every variable. */
function systemApiConfig(env: Env, problems: string[]): SystemApiConfig | undefined {
  try {
    return parseSystemApiConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}
