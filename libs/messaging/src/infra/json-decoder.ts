import { ProcessingError } from '../errors/processing-error';
import { HEADERS } from '../headers/header-names';
import type { DecodedValue, RecordDecoder } from '../ports/decoder';
import type { InboundRecord } from '../ports/records';

/**
 * Decodes source-system JSON: the event type comes from the topic (one source shape per
 * topic), or from the event-type header when a topic carries several.
 */
export class JsonDecoder implements RecordDecoder {
  constructor(
    private readonly eventTypeByTopic: Readonly<Record<string, string>>,
    private readonly eventIdOf: (value: unknown, record: InboundRecord) => string | undefined = (_, record) =>
      record.headers[HEADERS.eventId],
  ) {}

  async decode(record: InboundRecord): Promise<DecodedValue> {
    const topic = record.headers[HEADERS.originalTopic] ?? record.topic;
    const eventType = record.headers[HEADERS.eventType] ?? (Object.hasOwn(this.eventTypeByTopic, topic) ? this.eventTypeByTopic[topic] : undefined);
    if (!eventType) throw new ProcessingError('NO_HANDLER', `no event type is declared for topic ${topic}`);
    if (record.value === null || record.value.length === 0) {
      throw new ProcessingError('INVALID_INPUT', 'the record has no value');
    }
    let value: unknown;
    try {
      value = JSON.parse(record.value.toString('utf8'));
    } catch (error) {
      throw new ProcessingError('INVALID_INPUT', `not JSON: ${(error as Error).message}`, { cause: error });
    }
    return { eventType, value, eventId: this.eventIdOf(value, record) };
  }
}
