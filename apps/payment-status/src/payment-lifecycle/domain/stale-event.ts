import { effectiveAt, type PaymentEvent } from './payment-event';
import type { PaymentRecord } from './payment-record';

/**
 * An event that reports a change older than the payment's current status is stale: it arrived
 * out of order (a retry overtaken by later records) and the payment has moved on since. It is
 * skipped with this reason rather than rejected. null when the event is not stale.
 */
export function staleReason(current: PaymentRecord | null, event: PaymentEvent): string | null {
  if (current === null) return null;
  const at = effectiveAt(event);
  if (at.getTime() >= current.statusSince.getTime()) return null;
  return `${event.eventType} of ${at.toISOString()} is older than payment ${current.paymentId}'s ${current.status} since ${current.statusSince.toISOString()}`;
}
