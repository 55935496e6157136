import { ConfigError, EnvReader, type Env } from '@procurelink/service-host';
import { parseSystemApiConfig, type SystemApiConfig } from '@procurelink/system-api';
import { parseMatchConfig, type InvoiceMatchConfig } from '../invoice-received/domain';

export const DEFAULT_RETRY_DELAYS_MS = '1000,5000,15000,30000,60000,120000';

/** Everything invoice-sync reads from its environment, parsed once at start-up. */
export interface InvoiceSyncConfig {
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
  readonly redisUrl: string;
  readonly erpBaseUrl: string;
  readonly erpTimeoutMs: number;
  /** Prepended to every topic name (tests isolate with it); part of the Redis keys too. */
  readonly topicPrefix: string;
  readonly retryDelaysMs: readonly number[];
  readonly tenant: string;
  /** How often waiting invoices are reviewed (INVOICE_RECEIPT_WAIT_SWEEP_MS). */
  readonly receiptWaitSweepMs: number;
  /** Tolerances, receipt wait, near-duplicate window (parseMatchConfig: INVOICE_* variables). */
  readonly match: InvoiceMatchConfig;
  /** The HTTP system API: API keys / JWT and the body limit (API_KEYS, API_JWT_*, API_BODY_LIMIT_BYTES). */
  readonly api: SystemApiConfig;
}

/** Parses invoice-sync's configuration; throws ConfigError listing every problem, each naming its variable. */
export function parseInvoiceSyncConfig(env: Env): InvoiceSyncConfig {
  const read = new EnvReader(env);
  const problems = read.problems;
  const brokersText = read.text('KAFKA_BROKERS', '127.0.0.1:9092');
  const kafkaBrokers = brokersText.split(',').map((b) => b.trim());
  if (kafkaBrokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) problems.push(`KAFKA_BROKERS=${brokersText}: must be host:port[,host:port…]`);
  const url = (name: string, fallback: string, protocols: readonly string[]): string => {
    const text = read.text(name, fallback);
    try {
      if (!protocols.includes(new URL(text).protocol)) problems.push(`${name}: must be a ${protocols.join(' or ')} URL`);
    } catch {
      problems.push(`${name}: must be a URL`);
    }
    return text;
  };
  const schemaRegistryUrl = url('SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081/apis/ccompat/v7', ['http:', 'https:']);
  const redisUrl = url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']);
  const erpBaseUrl = url('ERP_BASE_URL', 'http://127.0.0.1:3190', ['http:', 'https:']);
  const erpTimeoutMs = read.positiveInt('ERP_TIMEOUT_MS', 5000);
  const topicPrefix = read.text('PROCURELINK_TOPIC_PREFIX', '');
  if (!/^[A-Za-z0-9._-]*$/.test(topicPrefix)) problems.push(`PROCURELINK_TOPIC_PREFIX=${topicPrefix}: may hold only letters, digits, ".", "_" and "-"`);
  const delaysText = read.text('RETRY_DELAYS_MS', DEFAULT_RETRY_DELAYS_MS);
  const retryDelaysMs = delaysText.split(',').map((d) => Number(d.trim()));
  if (retryDelaysMs.some((d, i) => !Number.isInteger(d) || d < 0 || (i > 0 && d < (retryDelaysMs[i - 1] as number)))) {
    problems.push(`RETRY_DELAYS_MS=${delaysText}: must be comma-separated whole milliseconds, each at least the one before`);
  }
  const tenant = read.text('TENANT', 'demo-health');
  const receiptWaitSweepMs = read.positiveInt('INVOICE_RECEIPT_WAIT_SWEEP_MS', 5000);
  const match = parseMatchConfig(env);
  if (!match.ok) problems.push(...match.problems);
  const api = systemApiConfig(env, problems);
  if (problems.length > 0 || !match.ok || api === undefined) throw new ConfigError('invoice-sync', problems);
  return { kafkaBrokers, schemaRegistryUrl, redisUrl, erpBaseUrl, erpTimeoutMs, topicPrefix, retryDelaysMs, tenant, receiptWaitSweepMs, match: match.config, api };
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
