import { ProcessingError } from '../errors/processing-error';
import { HEADERS } from '../headers/header-names';
import type { DecodedValue, RecordDecoder } from '../ports/decoder';
import type { InboundRecord } from '../ports/records';

/**
 * One consumer group often reads two kinds of topic: source-system JSON and canonical Avro.
 * This decoder picks the decoder declared for the record's original topic (the topic it was
 * first published to, so records coming back from a retry topic decode as they did the first
 * time). A topic nobody declared is a NO_HANDLER failure, dead-lettered at once.
 */
export class TopicRoutedDecoder implements RecordDecoder {
  constructor(private readonly decoderByTopic: Readonly<Record<string, RecordDecoder>>) {}

  decode(record: InboundRecord): DecodedValue | Promise<DecodedValue> {
    const topic = record.headers[HEADERS.originalTopic] ?? record.topic;
    const decoder = Object.hasOwn(this.decoderByTopic, topic) ? this.decoderByTopic[topic] : undefined;
    if (!decoder) throw new ProcessingError('NO_HANDLER', `no decoder is declared for topic ${topic}`);
    return decoder.decode(record);
  }
}
