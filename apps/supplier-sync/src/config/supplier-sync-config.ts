import { ConfigError, EnvReader, type Env } from '@procurelink/service-host';
import { parseSystemApiConfig, type SystemApiConfig } from '@procurelink/system-api';

export const DEFAULT_RETRY_DELAYS_MS = '1000,5000,15000,30000,60000,120000';
/** Used only outside production, and named so nobody mistakes it for a real key. */
export const DEV_ONLY_TOKEN_SECRET = 'procurelink-dev-only-INSECURE-supplier-token-secret';

/** Everything supplier-sync reads from its environment, parsed once at start-up. */
export interface SupplierSyncConfig {
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
  readonly redisUrl: string;
  readonly erpBaseUrl: string;
  readonly erpTimeoutMs: number;
  /** Prepended to every topic name (tests isolate with it); part of the Redis keys too. */
  readonly topicPrefix: string;
  readonly retryDelaysMs: readonly number[];
  readonly tenant: string;
  /** Facility id on the envelope of supplier events (suppliers belong to the whole network). */
  readonly facilityId: string;
  /** The HMAC key that turns tax ids and bank accounts into tokens. Never logged. */
  readonly tokenSecret: Buffer;
  readonly tokenKeyId: string;
  /** True when the dev default secret is in use (never in production). */
  readonly usesDevTokenSecret: boolean;
  /** The HTTP system API: API keys (hashes only), optional JWT settings, body limit. */
  readonly api: SystemApiConfig;
}

/** Parses supplier-sync's configuration; throws ConfigError listing every problem, each naming its variable (never a secret). */
export function parseSupplierSyncConfig(env: Env): SupplierSyncConfig {
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
  const facilityId = read.text('SUPPLIER_FACILITY_ID', 'NETWORK');
  const production = read.text('NODE_ENV', '') === 'production';
  const secretText = env.SUPPLIER_TOKEN_SECRET?.trim() ?? '';
  if (secretText === '' && production) problems.push('SUPPLIER_TOKEN_SECRET: required in production (NODE_ENV=production); at least 32 bytes');
  if (secretText !== '' && Buffer.byteLength(secretText, 'utf8') < 32) problems.push('SUPPLIER_TOKEN_SECRET: must be at least 32 bytes (value not shown)');
  const tokenKeyId = read.text('SUPPLIER_TOKEN_KEY_ID', 'k1');
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(tokenKeyId)) problems.push(`SUPPLIER_TOKEN_KEY_ID=${tokenKeyId}: must be 1 to 32 letters, digits, - or _`);
  const api = systemApiConfig(env, problems);
  if (problems.length > 0 || api === undefined) throw new ConfigError('supplier-sync', problems);
  return {
    kafkaBrokers,
    schemaRegistryUrl,
    redisUrl,
    erpBaseUrl,
    erpTimeoutMs,
    topicPrefix,
    retryDelaysMs,
    tenant,
    facilityId,
    tokenSecret: Buffer.from(secretText === '' ? DEV_ONLY_TOKEN_SECRET : secretText, 'utf8'),
    tokenKeyId: secretText === '' ? 'dev' : tokenKeyId,
    usesDevTokenSecret: secretText === '',
    api,
  };
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
