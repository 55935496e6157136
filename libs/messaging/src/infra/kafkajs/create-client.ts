import { kafkaLogCreator } from '@procurelink/observability';
import { Kafka, logLevel, type KafkaConfig, type Producer } from 'kafkajs';
import { BatchingProducer, type BatchingProducerOptions } from './batching-producer';
import { keyPartitioner } from './key-partitioner';

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
    logCreator: kafkaLogCreator, // the service's JSON shape, trace ids and redaction (a broker error can echo connection details)
  });
}

export type KafkaConnectionFailure = 'KAFKA_AUTHENTICATION_FAILED' | 'KAFKA_TLS_FAILED' | 'KAFKA_UNREACHABLE';

/** A client that could not connect, classified; the message names the brokers and what to check, never a secret. */
export class KafkaConnectionError extends Error {
  readonly code: KafkaConnectionFailure;
  /** Authentication and TLS failures do not heal by retrying; an unreachable broker may. */
  readonly retriable: boolean;

  constructor(code: KafkaConnectionFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KafkaConnectionError';
    this.code = code;
    this.retriable = code === 'KAFKA_UNREACHABLE';
  }
}

const chain = (error: unknown): Error[] => {
  const found: Error[] = [];
  for (let current = error; current instanceof Error && found.length < 5; current = (current as { cause?: unknown }).cause) found.push(current);
  return found;
};

/**
 * Turns a kafkajs connect failure into a KafkaConnectionError (or returns the error unchanged when
 * it is something else): SASL refusals are KAFKA_AUTHENTICATION_FAILED, certificate and handshake
 * failures KAFKA_TLS_FAILED, refused / timed-out connections KAFKA_UNREACHABLE.
 */
export function classifyKafkaConnectionError(error: unknown, options: Pick<KafkaClientOptions, 'brokers' | 'sasl' | 'ssl'>): unknown {
  const errors = chain(error);
  const text = errors.map((e) => `${e.name} ${e.message} ${(e as { code?: unknown }).code ?? ''}`).join(' | ');
  const where = options.brokers.join(',');
  const sasl = options.sasl as { mechanism?: string; username?: string } | undefined;
  const secrets = [(options.sasl as { password?: unknown } | undefined)?.password].filter((s): s is string => typeof s === 'string' && s !== '');
  const scrub = (message: string): string => secrets.reduce((m, s) => m.split(s).join('***'), message);
  const detail = scrub(errors[errors.length - 1]?.message ?? String(error));
  if (/SASLAuthentication|authentication failed|SaslAuthenticate|Authentication failed/i.test(text)) {
    const who = sasl?.username !== undefined ? ` as ${sasl.username}` : '';
    return new KafkaConnectionError(
      'KAFKA_AUTHENTICATION_FAILED',
      `Kafka authentication failed at ${where} (SASL ${sasl?.mechanism ?? '?'}${who}): the broker refused the credentials; check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (${detail})`,
      { cause: error },
    );
  }
  if (/certificate|SSL|TLS|self[- ]signed|EPROTO|handshake/i.test(text)) {
    return new KafkaConnectionError('KAFKA_TLS_FAILED', `Kafka TLS failed at ${where}: check KAFKA_SSL, KAFKA_SSL_CA_FILE and the broker certificate (${detail})`, { cause: error });
  }
  if (/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|Connection timeout|KafkaJSConnectionError|KafkaJSNumberOfRetriesExceeded/i.test(text)) {
    return new KafkaConnectionError('KAFKA_UNREACHABLE', `Kafka unreachable at ${where}: check KAFKA_BROKERS and the network (${detail})`, { cause: error });
  }
  return error;
}

/** An idempotent producer (acks=all, ordered; keyed records placed as the Java client does) and the batching port over it. */
export async function createProducer(
  kafka: Kafka,
  options?: BatchingProducerOptions,
): Promise<{ producer: Producer; port: BatchingProducer }> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: keyPartitioner });
  await producer.connect();
  return { producer, port: new BatchingProducer(producer, options) };
}
