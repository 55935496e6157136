import { HEADERS, type DecodedValue, type InboundRecord, type RecordDecoder } from '@procurelink/messaging';

export interface OpsDecoderRoutes {
  /** The dead-letter topics ops reads, and their decoder (routed by the topic the record is on). */
  readonly deadLetterTopics: readonly string[];
  readonly deadLetters: RecordDecoder;
  /** Decoders of the other topics, by the record's original topic (so ops' own retries decode as the first time). */
  readonly byTopic: Readonly<Record<string, RecordDecoder>>;
}

/**
 * TopicRoutedDecoder routes by the procurelink.original.topic header, which a dead letter carries
 * from the service that failed it; ops must route a dead-letter topic's records by the topic they
 * are on. Anything else unknown (e.g. a dead letter back from ops' own retry topic) is read as a
 * dead letter too: never a decoding failure.
 */
export class OpsDecoder implements RecordDecoder {
  private readonly deadLetterTopics: ReadonlySet<string>;

  constructor(private readonly routes: OpsDecoderRoutes) {
    this.deadLetterTopics = new Set(routes.deadLetterTopics);
  }

  decode(record: InboundRecord): DecodedValue | Promise<DecodedValue> {
    if (this.deadLetterTopics.has(record.topic)) return this.routes.deadLetters.decode(record);
    const topic = record.headers[HEADERS.originalTopic] ?? record.topic;
    const decoder = Object.hasOwn(this.routes.byTopic, topic) ? this.routes.byTopic[topic] : undefined;
    return (decoder ?? this.routes.deadLetters).decode(record);
  }
}
