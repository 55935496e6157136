import { ACK, skip, traceIdOf, type HandlerMap, type InboundEvent, type RecordDecoder } from '@procurelink/messaging';
import { CANONICAL_EVENT_TYPES } from '@procurelink/canonical-schemas';
import type { Pool } from 'pg';
import { projectCanonicalEvent } from './domain/canonical-projection';
import { projectDeadLetter, type RawDeadLetter } from './domain/dead-letter-projection';
import { projectPaymentAlert } from './domain/payment-alert-projection';
import type { RecordMeta } from './domain/projection-types';
import { DEAD_LETTER_EVENT } from './infra/dead-letter-decoder';
import { recordDeadLetter, recordDocumentEvent } from './infra/pg-projection-store';
import { readDeadLetterValue } from './infra/read-value';
import { withDbRetry } from './infra/with-db-retry';

export const PAYMENT_ALERT_EVENTS = ['PaymentRejected', 'PaymentAlertRaised', 'PaymentAlert'] as const;

export interface OpsHandlerDeps {
  readonly db: Pool;
  /** Decodes canonical Avro (AvroRegistryDecoder over canonicalRegistry): reads dead-letter values. */
  readonly avro: RecordDecoder;
  readonly clock?: () => Date;
}

const metaOf = (event: InboundEvent, clock: () => Date): RecordMeta => ({
  topic: event.topic,
  partition: Number(event.headers['procurelink.original.partition'] ?? event.partition),
  offset: event.headers['procurelink.original.offset'] ?? event.offset,
  traceId: traceIdOf(event.headers),
  recordedAt: clock(),
});

/** Ops' handlers: every canonical event type, dead letters and payment alerts → PostgreSQL, idempotently. */
export function opsHandlers({ db, avro, clock = () => new Date() }: OpsHandlerDeps): HandlerMap {
  const canonical = async (event: InboundEvent) => {
    const projection = projectCanonicalEvent(event.eventType, event.value, metaOf(event, clock));
    if (!projection) return skip(`ops does not follow ${event.eventType}`);
    return (await withDbRetry(() => recordDocumentEvent(db, projection))) ? ACK : skip('event already recorded');
  };
  const alert = async (event: InboundEvent) => {
    const projection = projectPaymentAlert(event.value, event.eventType, metaOf(event, clock));
    if (!projection) return skip('payment alert without alertId / paymentId, or not JSON');
    return (await withDbRetry(() => recordDocumentEvent(db, projection))) ? ACK : skip('alert already recorded');
  };
  const deadLetter = async (event: InboundEvent) => {
    const raw = event.value as RawDeadLetter;
    const row = projectDeadLetter(raw, await readDeadLetterValue(raw.value, avro), clock());
    return (await withDbRetry(() => recordDeadLetter(db, row))) !== undefined ? ACK : skip('dead letter already recorded');
  };
  return {
    ...Object.fromEntries(CANONICAL_EVENT_TYPES.map((type) => [type, canonical])),
    ...Object.fromEntries(PAYMENT_ALERT_EVENTS.map((type) => [type, alert])),
    [DEAD_LETTER_EVENT]: deadLetter,
  };
}
