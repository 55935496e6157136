import { createKafka, createProducer, ensureTopics, type BatchingProducer, type KafkaClientOptions } from '@procurelink/messaging';
import type { Kafka, Producer } from 'kafkajs';
import type { SourceWriter } from '../play/ports';

/** Writes source records to Kafka as the source systems would: JSON values keyed by business id, acknowledged by all replicas. */
export class KafkaSourceWriter implements SourceWriter {
  private constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly port: BatchingProducer,
  ) {}

  /** `connection`: the brokers, or the brokers with their TLS / SASL options (`config.kafka`). */
  static async connect(connection: readonly string[] | Omit<KafkaClientOptions, 'clientId'>, topics: readonly string[]): Promise<KafkaSourceWriter> {
    const options = 'brokers' in connection ? connection : { brokers: connection };
    const kafka = createKafka({ ...options, clientId: 'procurelink-simulator' });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, topics, 3);
    } finally {
      await admin.disconnect();
    }
    const { producer, port } = await createProducer(kafka, { lingerMs: 1, maxBatchRecords: 500 });
    return new KafkaSourceWriter(kafka, producer, port);
  }

  async write(record: { topic: string; key: string; value: string }): Promise<void> {
    await this.port.send([{ topic: record.topic, key: record.key, value: record.value }]);
  }

  /** End offsets summed over partitions, per topic (topics that do not exist count 0). */
  async endOffsets(topics: readonly string[]): Promise<Record<string, number>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const counts: Record<string, number> = {};
      for (const topic of topics) {
        counts[topic] = existing.has(topic)
          ? (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0)
          : 0;
      }
      return counts;
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.port.drain();
    await this.producer.disconnect();
  }
}
