import type { KafkaMessage } from 'kafkajs';
import { readHeaders } from '../../headers/headers';
import type { InboundRecord } from '../../ports/records';

export function toInboundRecord(topic: string, partition: number, message: KafkaMessage): InboundRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key,
    value: message.value,
    headers: readHeaders(message.headers),
  };
}
