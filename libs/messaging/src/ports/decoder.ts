import type { InboundRecord } from './records';

export interface DecodedValue {
  readonly eventType: string;
  readonly value: unknown;
  readonly eventId: string | undefined;
}

/**
 * Turns a record's bytes into an event. Throws a classified error (a ProcessingError or any
 * error with `code` and `retriable`) when it cannot: the runtime dead-letters or retries it.
 */
export interface RecordDecoder {
  /** May answer synchronously (e.g. when the schema is cached): the runtime awaits only when it must. */
  decode(record: InboundRecord): DecodedValue | Promise<DecodedValue>;
}
