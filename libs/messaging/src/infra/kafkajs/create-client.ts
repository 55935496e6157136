import { Kafka, logLevel, type KafkaConfig, type Producer } from 'kafkajs';
import { BatchingProducer, type BatchingProducerOptions } from './batching-producer';

export interface KafkaClientOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly ssl?: KafkaConfig['ssl'];
  readonly sasl?: KafkaConfig['sasl'];
  readonly logLevel?: 'nothing' | 'error' | 'warn' | 'info' | 'debug';
}

const LEVELS = { nothing: logLevel.NOTHING, error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO, debug: logLevel.DEBUG };

export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    ...(options.ssl !== undefined ? { ssl: options.ssl } : {}),
    ...(options.sasl !== undefined ? { sasl: options.sasl } : {}),
    logLevel: LEVELS[options.logLevel ?? 'error'],
  });
}

/** An idempotent producer (acks=all, ordered) and the batching port over it. */
export async function createProducer(
  kafka: Kafka,
  options?: BatchingProducerOptions,
): Promise<{ producer: Producer; port: BatchingProducer }> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  return { producer, port: new BatchingProducer(producer, options) };
}
