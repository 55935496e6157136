import { envelopeFor, type CanonicalCodec, type CanonicalEventMap, type InvoiceReceived } from '@procurelink/canonical-schemas';
import type { ErpPosting } from '@procurelink/erp-connector';
import { HEADERS, type OutboundRecord } from '@procurelink/messaging';
import { exceptionEventFields, type InvoiceException, type InvoiceMatchedOutcome } from './domain';
import type { InvoiceTopicEvent } from './projection/project-canonical';

export type CanonicalEncoder = Pick<CanonicalCodec, 'encode'>;

/** The source system named by the events invoice-sync itself decides (matched, exception, posted). */
export const INVOICE_SYNC_SYSTEM = 'invoice-sync';

function envelopeAfter(invoice: InvoiceReceived, eventType: InvoiceTopicEvent['eventType'], idParts: Array<string | number>, occurredAt: Date) {
  return envelopeFor({
    eventType,
    idParts: [invoice.invoiceId, ...idParts],
    occurredAt,
    sourceSystem: INVOICE_SYNC_SYSTEM,
    sourceRecordId: invoice.invoiceId,
    correlationId: invoice.envelope.correlationId,
    causationId: invoice.envelope.eventId,
    facilityId: invoice.envelope.facilityId,
    tenant: invoice.envelope.tenant,
  });
}

export function invoiceMatchedEvent(invoice: InvoiceReceived, outcome: InvoiceMatchedOutcome, now: Date): InvoiceTopicEvent {
  return {
    eventType: 'InvoiceMatched',
    value: {
      envelope: envelopeAfter(invoice, 'InvoiceMatched', [], now),
      invoiceId: invoice.invoiceId,
      supplierId: invoice.supplierId,
      poNumber: outcome.poNumber,
      receiptIds: outcome.receiptIds,
      matchedAmount: outcome.matchedAmount,
      matchedAt: now,
    },
  };
}

export function invoicePostedEvent(invoice: InvoiceReceived, posting: ErpPosting): InvoiceTopicEvent {
  const postedAt = new Date(posting.acceptedAt);
  return {
    eventType: 'InvoicePosted',
    value: {
      envelope: envelopeAfter(invoice, 'InvoicePosted', [posting.documentNumber], postedAt),
      invoiceId: invoice.invoiceId,
      supplierId: invoice.supplierId,
      erpDocumentNumber: posting.documentNumber,
      postingDate: posting.acceptedAt.slice(0, 10),
      postedAt,
      totalAmount: invoice.totalAmount,
    },
  };
}

export function invoiceExceptionEvent(invoice: InvoiceReceived, exception: InvoiceException, now: Date): InvoiceTopicEvent {
  return {
    eventType: 'InvoiceException',
    value: {
      envelope: envelopeAfter(invoice, 'InvoiceException', [exception.reason], now),
      invoiceId: invoice.invoiceId,
      supplierId: invoice.supplierId,
      poNumber: invoice.poNumber,
      ...exceptionEventFields(exception),
    },
  };
}

/** A p2p.invoice.v1 event as a record for the producer (key: the invoice id). */
export function toOutboundRecord(encoder: CanonicalEncoder, event: InvoiceTopicEvent): OutboundRecord {
  const encoded = encoder.encode(event.eventType, event.value as CanonicalEventMap[typeof event.eventType]);
  return {
    topic: encoded.topic,
    key: encoded.key,
    value: encoded.value,
    headers: { [HEADERS.eventType]: encoded.eventType, [HEADERS.eventId]: encoded.eventId },
  };
}
