import type { CanonicalCodec, CanonicalEventMap } from '@procurelink/canonical-schemas';
import { HEADERS, type OutboundRecord } from '@procurelink/messaging';
import type { PurchaseOrderTopicEvent } from './projection/project-purchase-order';

export type CanonicalEncoder = Pick<CanonicalCodec, 'encode'>;

/** A canonical PO-topic event as a record for p2p.purchase-order.v1 (key: the PO number). */
export function toOutboundRecord(encoder: CanonicalEncoder, event: PurchaseOrderTopicEvent): OutboundRecord {
  const encoded = encoder.encode(event.eventType, event.value as CanonicalEventMap[typeof event.eventType]);
  return {
    topic: encoded.topic,
    key: encoded.key,
    value: encoded.value,
    headers: { [HEADERS.eventType]: encoded.eventType, [HEADERS.eventId]: encoded.eventId },
  };
}
