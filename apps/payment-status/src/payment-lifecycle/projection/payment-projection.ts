import { decidePaymentEvent, type PaymentEvent, type PaymentRecord } from '../domain';

/** Canonical payment events are already decided: holds were checked before they were published. */
const REPLAY_CONTEXT = { paymentHoldOf: () => null, poNumberOfInvoice: () => null } as const;

/**
 * Folds one canonical payment event (from p2p.payment.v1) into the stored record: the same state
 * machine the live flow uses, so a rebuild reaches the record the live flow stored. Events that
 * change nothing (redeliveries, events the table refuses) leave the record as it is.
 */
export function projectPayment(current: PaymentRecord | null, event: PaymentEvent): PaymentRecord | null {
  const decision = decidePaymentEvent(current, event, REPLAY_CONTEXT);
  return decision.kind === 'transition' ? decision.next : current;
}
