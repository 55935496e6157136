import { maskSensitive } from './masking';
import type { DocumentProjection, RecordMeta } from './projection-types';

/**
 * A payment-status alert (ops.payment-alert.v1, JSON) → an exception on the payment document.
 * The stage is kept (a rejected change was not applied); a payment ops has not seen yet starts
 * as REJECTED / ALERT. Undefined when the alert lacks the ids it needs (the handler skips it).
 */
export function projectPaymentAlert(alert: unknown, eventType: string, meta: RecordMeta): DocumentProjection | undefined {
  if (typeof alert !== 'object' || alert === null) return undefined;
  const a = alert as Record<string, unknown>;
  const text = (name: string): string | null => (typeof a[name] === 'string' && (a[name] as string) !== '' ? (a[name] as string) : null);
  const alertId = text('alertId');
  const paymentId = text('paymentId');
  if (alertId === null || paymentId === null) return undefined;
  const occurred = new Date(text('occurredAt') ?? meta.recordedAt.toISOString());
  const occurredAt = Number.isNaN(occurred.getTime()) ? meta.recordedAt : occurred;
  const kind = text('kind') ?? 'PAYMENT_ALERT';
  const reason = text('code') ?? kind;
  const detail = text('message');
  return {
    document: {
      docType: 'PAYMENT', docId: paymentId, chainId: null, poNumber: null, stage: kind === 'PAYMENT_REJECTED' ? 'REJECTED' : 'ALERT', keepStage: true,
      facilityId: text('facilityId'), supplierId: text('supplierId'), amount: null, currency: null, exception: { reason, detail }, erpDocument: null, traceId: meta.traceId ?? null, occurredAt,
    },
    event: {
      eventId: `alert-${alertId}`, docType: 'PAYMENT', docId: paymentId, eventType, occurredAt, recordedAt: meta.recordedAt, sourceSystem: 'payment-status', traceId: meta.traceId ?? null,
      topic: meta.topic, partition: meta.partition, offset: meta.offset,
      summary: maskSensitive({ kind, code: reason, message: detail, currentStatus: a['currentStatus'] ?? null, requestedStatus: a['requestedStatus'] ?? null, eventType: a['eventType'] ?? null, details: a['details'] ?? null }) as Record<string, unknown>,
    },
  };
}
