import type { CanonicalCodec } from '@procurelink/canonical-schemas';
import type { ErpPaymentStatusPort } from '@procurelink/erp-connector';
import { ACK, ProcessingError, skip, type HandlerOutcome, type OutboundRecord } from '@procurelink/messaging';
import { decidePaymentEvent, describeRejection, effectiveAt, staleReason, STATUS_REQUESTED_BY, type PaymentEvent } from './domain';
import { erpAcknowledgement } from './erp-acknowledgement';
import { outboundRecords } from './outbound/outbound-records';
import type { PaymentHistoryEntry, PaymentStore, SupplierHoldStore } from './ports';
import { paymentHoldOf } from './projection';
import type { PaymentStatusTopics } from './topics';

/**
 * One ERP payment event through the state machine: load the record and the supplier's hold,
 * decide, then (1) acknowledge the status in the ERP, (2) publish the status updates, the
 * canonical event and any alert, (3) store. A failure in (1) throws before anything is published.
 */
export class PaymentLifecycleFlow {
  constructor(
    private readonly payments: PaymentStore,
    private readonly holds: SupplierHoldStore,
    private readonly erp: ErpPaymentStatusPort,
    private readonly codec: CanonicalCodec,
    private readonly topics: PaymentStatusTopics,
  ) {}

  async handle(event: PaymentEvent, publish: (records: readonly OutboundRecord[]) => Promise<void>): Promise<HandlerOutcome> {
    const { paymentId, supplierId } = event.value;
    const current = await this.payments.load(paymentId);
    const hold = paymentHoldOf(await this.holds.load(supplierId));
    const decision = decidePaymentEvent(current, event, { paymentHoldOf: () => hold, poNumberOfInvoice: () => null });
    if (decision.kind === 'duplicate') return skip(`payment ${paymentId}: ${event.eventType} is a duplicate (${decision.because})`);
    const stale = staleReason(current, event);
    if (stale !== null) return skip(`stale: ${stale}`);
    if (decision.kind === 'rejected' && decision.reason.code === 'UNKNOWN_PAYMENT') {
      // Most likely the schedule is still on a retry topic (non-blocking retries let later records
      // overtake it): retry, and dead-letter for an operator to replay if it never comes.
      throw new ProcessingError('HANDLER_FAILED', `${describeRejection(decision.reason)}: waiting for its PaymentScheduled`, {
        retriable: true,
      });
    }
    if (decision.kind === 'transition') {
      await this.erp.acknowledgePaymentStatus(erpAcknowledgement(decision.next, event.value.envelope.facilityId), decision.idempotencyKey);
    }
    const from = current?.status ?? 'NONE';
    await publish(outboundRecords(decision, event, from, this.topics, this.codec)); // before the state is stored
    const entry: PaymentHistoryEntry = {
      eventId: event.value.envelope.eventId,
      eventType: event.eventType,
      supplierId,
      at: effectiveAt(event).toISOString(),
      outcome: decision.kind === 'transition' ? 'APPLIED' : 'REJECTED',
      from,
      to: STATUS_REQUESTED_BY[event.eventType],
      ...(decision.kind === 'rejected' ? { code: decision.reason.code, reason: describeRejection(decision.reason) } : {}),
    };
    await this.payments.save(paymentId, decision.kind === 'transition' ? decision.next : null, entry);
    return ACK;
  }
}
