import type { Headers } from '../headers/headers';

/** A record as consumed, independent of the Kafka client. */
export interface InboundRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Broker timestamp, ms since the epoch, as a string (Kafka's own form). */
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Headers;
}

/** A record to produce. */
export interface OutboundRecord {
  readonly topic: string;
  readonly key: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: Headers;
}

/** The producer side of the client port: resolves once every record is acknowledged by all in-sync replicas. */
export interface ProducerPort {
  send(records: readonly OutboundRecord[]): Promise<void>;
  /**
   * True when the port itself starts a PRODUCER span per record, in the caller's context, and
   * writes its traceparent into the record's headers: callers need not inject the context first.
   */
  readonly tracesRecords?: boolean;
}

export const PRODUCER_PORT = Symbol('PRODUCER_PORT');
