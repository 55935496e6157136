import type { Headers } from '../headers/headers';
import type { OutboundRecord } from '../ports/records';

/** A decoded record, as a handler sees it. */
export interface InboundEvent<T = unknown> {
  readonly eventType: string;
  readonly eventId: string | undefined;
  readonly key: string;
  readonly value: T;
  readonly headers: Headers;
  /** The topic the record was first published to (not the retry topic it came back from). */
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** 1 on the first try, 2 on the first retry, … */
  readonly attempt: number;
  /**
   * Publishes records caused by this event, carrying its trace context. Sending starts at once;
   * the batch finishes (and its offsets commit) only after every publish is acknowledged. The
   * promise settles with the broker's acknowledgement: a handler that stores state saying "this
   * was published" awaits it first, or a failed send followed by a re-run would find the state
   * and never publish again.
   */
  publish(records: readonly OutboundRecord[]): Promise<void>;
}

/**
 * What a handler returns: ACK (took effect) or SKIP with a reason (nothing to do, e.g. a
 * duplicate). A failure is thrown: an error with a `code` and `retriable` flag, or anything else
 * (HANDLER_FAILED, retried). Business outcomes such as an invoice exception are events the
 * handler publishes, not failures.
 */
export type HandlerOutcome = { readonly kind: 'ack' } | { readonly kind: 'skip'; readonly reason: string };

export const ACK: HandlerOutcome = { kind: 'ack' };
export const skip = (reason: string): HandlerOutcome => ({ kind: 'skip', reason });

export type EventHandler = (event: InboundEvent) => Promise<HandlerOutcome | void>;

/** Handlers by event type; an event type with no handler is dead-lettered as NO_HANDLER. */
export type HandlerMap = Readonly<Record<string, EventHandler>>;
