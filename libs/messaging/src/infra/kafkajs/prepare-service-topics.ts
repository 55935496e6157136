import { topologyTopics, type RetryTopology } from '../../retry/retry-topology';
import { classifyKafkaConnectionError, createKafka, type KafkaClientOptions } from './create-client';
import { ensureTopics } from './ensure-topics';

export interface ServiceTopicsOptions {
  readonly brokers: readonly string[];
  /** The admin client's id (e.g. `po-sync-admin`). */
  readonly clientId: string;
  /** TLS and SASL of the connection (from `kafkaClientOptions(config, clientId)` of @procurelink/service-host). */
  readonly ssl?: KafkaClientOptions['ssl'];
  readonly sasl?: KafkaClientOptions['sasl'];
  /** The source, canonical and outbound topics the service touches. */
  readonly topics: readonly string[];
  /** When given, its retry and dead-letter topics are created too. */
  readonly topology?: RetryTopology;
  readonly partitions: number;
}

/** Every topic a service needs at start-up: its own topics, then its retry levels and dead-letter topic. */
export function serviceTopicNames(topics: readonly string[], topology?: RetryTopology): string[] {
  if (topology === undefined) return [...topics];
  const retry = topologyTopics(topology);
  return [...topics, ...retry.retry, retry.deadLetter];
}

/** Creates the topics a service touches (and its retry/dead-letter topics) and waits for their leaders. */
export async function prepareServiceTopics(options: ServiceTopicsOptions): Promise<void> {
  const { clientId, brokers, ssl, sasl } = options;
  const admin = createKafka({ clientId, brokers, ...(ssl !== undefined ? { ssl } : {}), ...(sasl !== undefined ? { sasl } : {}) }).admin();
  try {
    await admin.connect();
  } catch (error) {
    throw classifyKafkaConnectionError(error, options);
  }
  try {
    await ensureTopics(admin, serviceTopicNames(options.topics, options.topology), options.partitions);
  } finally {
    await admin.disconnect();
  }
}
