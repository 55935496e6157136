import { CanonicalCodec, type CanonicalEventMap, type CanonicalEventType } from '@procurelink/canonical-schemas';
import { AvroRegistryDecoder, canonicalRegistry, HEADERS, readTopicToEnd, type DecodedValue, type InboundRecord, type RecordDecoder } from '@procurelink/messaging';
import type { Kafka, Producer } from 'kafkajs';
import { stackEndpoints } from './stack-env';

/** Produces source records in one send, as a source system would: JSON, or a string as it is (to send broken JSON). */
export async function produceJsonRecords(producer: Producer, topic: string, records: ReadonlyArray<{ key: string; value: unknown }>): Promise<void> {
  await producer.send({ topic, messages: records.map(({ key, value }) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) })) });
}

/** Produces one source record: JSON, or a string as it is (to send broken JSON). */
export async function produceJson(producer: Producer, topic: string, key: string, value: unknown): Promise<void> {
  await produceJsonRecords(producer, topic, [{ key, value }]);
}

/** Encodes a canonical event with the registry's schema and produces it on its (prefixed) canonical topic. */
export async function produceCanonical<T extends CanonicalEventType>(producer: Producer, codec: CanonicalCodec, eventType: T, event: CanonicalEventMap[T]): Promise<void> {
  const encoded = codec.encode(eventType, event);
  await producer.send({ topic: encoded.topic, messages: [{ key: encoded.key, value: encoded.value }] });
}

/** The records of a topic (from the beginning to its current end) whose key is `key`. */
export async function readRecordsWithKey(kafka: Kafka, topic: string, key: string): Promise<InboundRecord[]> {
  return (await readTopicToEnd(kafka, topic)).filter((record) => record.key?.toString() === key);
}

let sharedDecoder: RecordDecoder | undefined;
/** A canonical Avro decoder on the stack's schema registry (one per test file; it caches schemas). */
export function canonicalDecoder(): RecordDecoder {
  sharedDecoder ??= new AvroRegistryDecoder(canonicalRegistry(stackEndpoints().schemaRegistryUrl));
  return sharedDecoder;
}

/** Reads a canonical topic to its end and decodes every record; with `key`, only that key's records. */
export async function readCanonicalEvents(kafka: Kafka, topic: string, options: { key?: string; decoder?: RecordDecoder } = {}): Promise<DecodedValue[]> {
  const { key, decoder = canonicalDecoder() } = options;
  const records = key === undefined ? await readTopicToEnd(kafka, topic) : await readRecordsWithKey(kafka, topic, key);
  return Promise.all(records.map(async (record) => decoder.decode(record)));
}

export interface DeadLetter {
  readonly key: string | undefined;
  /** The classified error code (procurelink.error.code). */
  readonly code: string | undefined;
  /** The sanitized error message (procurelink.error.message), '' when absent. */
  readonly message: string;
  readonly headers: InboundRecord['headers'];
  readonly record: InboundRecord;
}

/** The records of a dead-letter topic, with the reason their headers give. */
export async function readDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  return (await readTopicToEnd(kafka, topic)).map((record) => ({
    key: record.key?.toString(),
    code: record.headers[HEADERS.errorCode],
    message: record.headers[HEADERS.errorMessage] ?? '',
    headers: record.headers,
    record,
  }));
}
