import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { InboundRecord } from '../../ports/records';
import { toInboundRecord } from './inbound';

/**
 * Reads a topic from the beginning up to its end as of the call, without a consumer group of
 * consequence (a throw-away group id), within a deadline.
 */
export async function readTopicToEnd(kafka: Kafka, topic: string, deadlineMs = 30_000): Promise<InboundRecord[]> {
  const ends = await endOffsets(kafka, topic, Date.now() + deadlineMs);
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

/**
 * The topic's end offsets. A topic that is still being created (or whose leader is moving) answers
 * with retriable errors for a moment: those are waited out, within the deadline.
 */
async function endOffsets(kafka: Kafka, topic: string, deadline: number): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let pause = 100; ; pause = Math.min(pause * 2, 1000)) {
      try {
        return new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)] as const));
      } catch (error) {
        if ((error as { retriable?: boolean }).retriable !== true || Date.now() + pause > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
