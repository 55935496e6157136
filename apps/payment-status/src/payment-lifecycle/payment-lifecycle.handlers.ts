import { invalidInput, type HandlerMap, type InboundEvent } from '@procurelink/messaging';
import { toPaymentEvent } from './mapping/to-payment-event';
import type { PaymentLifecycleFlow } from './payment-lifecycle.flow';
import type { SupplierEvent } from './projection';
import { describeProblems, parseErpPaymentRecord } from './source';
import type { SupplierHoldFlow } from './supplier-hold.flow';

/** The event type the JSON decoder gives records on source.erp.payment.v1. */
export const ERP_PAYMENT_STATUS_RECORDED = 'ErpPaymentStatusRecorded';

/** Thin handlers: decode → command → flow → outcome. */
export function paymentStatusHandlers(payments: PaymentLifecycleFlow, holds: SupplierHoldFlow, tenant: string): HandlerMap {
  const supplier = (event: InboundEvent) => holds.handle({ eventType: event.eventType, value: event.value } as SupplierEvent);
  return {
    [ERP_PAYMENT_STATUS_RECORDED]: async (event) => {
      const parsed = parseErpPaymentRecord(event.value);
      if (!parsed.ok) throw invalidInput(`ERP payment record: ${describeProblems(parsed.problems)}`);
      return payments.handle(toPaymentEvent(parsed.record, { tenant }), (records) => event.publish(records));
    },
    SupplierSynced: supplier,
    SupplierBankDetailsChanged: supplier,
  };
}
