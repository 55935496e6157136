import { stableEventId, type CanonicalCodec } from '@procurelink/canonical-schemas';
import type { OutboundRecord } from '@procurelink/messaging';
import { toStatusUpdates, type PaymentDecision, type PaymentEvent, type PaymentStatus, type PaymentStatusMessage } from '../domain';
import type { PaymentStatusTopics } from '../topics';
import { PAYMENT_ALERT_RAISED, PAYMENT_REJECTED, rejectionAlert, transitionAlert, type PaymentAlertRecord } from './payment-alert';

const EVENT_TYPE = 'procurelink.event-type';
const EVENT_ID = 'procurelink.event-id';

/**
 * Everything one decision publishes, in order: the status updates for purchasing and AP
 * automation (hold notices included), then the canonical event (transitions only), then the
 * operations alerts. Every record is keyed by payment id and carries a stable event id.
 */
export function outboundRecords(
  decision: PaymentDecision,
  event: PaymentEvent,
  current: PaymentStatus,
  topics: PaymentStatusTopics,
  codec: CanonicalCodec,
): OutboundRecord[] {
  const records = toStatusUpdates(decision).map((message) => statusRecord(message, topics));
  if (decision.kind === 'transition') {
    const encoded = codec.encode(event.eventType, event.value as never);
    records.push({
      topic: encoded.topic,
      key: encoded.key,
      value: encoded.value,
      headers: { [EVENT_TYPE]: encoded.eventType, [EVENT_ID]: encoded.eventId },
    });
    for (const alert of decision.alerts) records.push(alertRecord(transitionAlert(event, current, alert), topics));
  }
  if (decision.kind === 'rejected') records.push(alertRecord(rejectionAlert(event, current, decision.reason, decision.surfaceTo), topics));
  return records;
}

function statusRecord(message: PaymentStatusMessage, topics: PaymentStatusTopics): OutboundRecord {
  return {
    topic: message.target === 'PURCHASING' ? topics.purchasingStatus : topics.apStatus,
    key: message.paymentId,
    value: JSON.stringify(message),
    headers: { [EVENT_TYPE]: message.kind, [EVENT_ID]: stableEventId('payment-status-message', message.target, message.idempotencyKey) },
  };
}

function alertRecord(alert: PaymentAlertRecord, topics: PaymentStatusTopics): OutboundRecord {
  return {
    topic: topics.alerts,
    key: alert.paymentId,
    value: JSON.stringify(alert),
    headers: { [EVENT_TYPE]: alert.kind === 'PAYMENT_REJECTED' ? PAYMENT_REJECTED : PAYMENT_ALERT_RAISED, [EVENT_ID]: alert.alertId },
  };
}
