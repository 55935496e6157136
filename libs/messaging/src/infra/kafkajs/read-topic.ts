import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { InboundRecord } from '../../ports/records';
import { toInboundRecord } from './inbound';

/**
 * Reads a topic from the beginning up to its end as of the call, without a consumer group of
 * consequence (a throw-away group id), within a deadline.
 */
export async function readTopicToEnd(kafka: Kafka, topic: string, deadlineMs = 30_000): Promise<InboundRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<number, bigint>();
  try {
    for (const p of await admin.fetchTopicOffsets(topic)) ends.set(p.partition, BigInt(p.high));
  } finally {
    await admin.disconnect();
  }
  const remaining = new Set([...ends].filter(([, high]) => high > 0n).map(([partition]) => partition));
  const records: InboundRecord[] = [];
  if (remaining.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `procurelink.reader.${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} took longer than ${deadlineMs} ms`)), deadlineMs);
      void consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition) ?? 0n;
            for (const message of batch.messages) {
              if (BigInt(message.offset) < end) records.push(toInboundRecord(topic, batch.partition, message));
            }
            if (BigInt(batch.lastOffset()) + 1n >= end) remaining.delete(batch.partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}
