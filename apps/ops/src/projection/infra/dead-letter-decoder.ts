import type { DecodedValue, InboundRecord, RecordDecoder } from '@procurelink/messaging';
import type { RawDeadLetter } from '../domain/dead-letter-projection';

export const DEAD_LETTER_EVENT = 'DeadLetter';

/**
 * Decoder of dead-letter topics: never looks into the payload, so it never fails on it. The value
 * is the raw record (coordinates on the dead-letter topic, key, bytes, headers).
 */
export class DeadLetterDecoder implements RecordDecoder {
  decode(record: InboundRecord): DecodedValue {
    const value: RawDeadLetter = {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      timestamp: record.timestamp,
      key: record.key?.toString('utf8') ?? null,
      value: record.value,
      headers: record.headers,
    };
    return { eventType: DEAD_LETTER_EVENT, eventId: undefined, value };
  }
}
