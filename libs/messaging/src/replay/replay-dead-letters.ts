import type { Kafka } from 'kafkajs';
import { readTopicToEnd } from '../infra/kafkajs/read-topic';
import type { InboundRecord, ProducerPort } from '../ports/records';
import { planReplay } from './replay-record';

export interface ReplayReport {
  readonly considered: number;
  readonly replayed: number;
  readonly refused: ReadonlyArray<{ offset: string; partition: number; reason: string }>;
}

/**
 * Re-publishes the dead letters a filter selects to their original topics. Idempotency in the
 * consumers makes a replay of something that already took effect change nothing.
 */
export async function replayDeadLetters(input: {
  readonly kafka: Kafka;
  readonly producer: ProducerPort;
  readonly deadLetterTopic: string;
  readonly actor: string;
  readonly select?: (record: InboundRecord) => boolean;
  readonly now?: number;
}): Promise<ReplayReport> {
  const records = (await readTopicToEnd(input.kafka, input.deadLetterTopic)).filter(input.select ?? (() => true));
  const now = input.now ?? Date.now();
  const refused: Array<{ offset: string; partition: number; reason: string }> = [];
  const outbound = records.flatMap((record) => {
    const plan = planReplay(record, input.actor, now);
    if (plan.ok) return [plan.record];
    refused.push({ offset: record.offset, partition: record.partition, reason: plan.reason });
    return [];
  });
  await input.producer.send(outbound);
  return { considered: records.length, replayed: outbound.length, refused };
}
