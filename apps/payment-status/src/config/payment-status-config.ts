import { ConfigError, EnvReader, foldConfigProblems, readServiceRuntimeSettings, type Env, type ServiceRuntimeSettings } from '@procurelink/service-host';
import { parseSystemApiConfig, type SystemApiConfig } from '@procurelink/system-api';

export interface PaymentStatusConfig extends ServiceRuntimeSettings {
  /** Partitions for topics created at start-up. */
  readonly topicPartitions: number;
  /** The HTTP system API: API keys (hashes only), optional JWT settings, body limit. */
  readonly api: SystemApiConfig;
}

/** payment-status's configuration schema; every problem is reported at once, naming its variable. */
export function parsePaymentStatusConfig(env: Env): PaymentStatusConfig {
  const read = new EnvReader(env);
  // Each retry delay is at least 1 ms; their order is checked by the retry topology.
  const runtime = readServiceRuntimeSettings(read, { minRetryDelayMs: 1, ascendingRetryDelays: false });
  const topicPartitions = read.positiveInt('TOPIC_PARTITIONS', 3);
  const api = foldConfigProblems(read.problems, () => parseSystemApiConfig(env));
  if (read.problems.length > 0 || api === undefined) throw new ConfigError('payment-status', read.problems);
  return { ...runtime, topicPartitions, api };
}
