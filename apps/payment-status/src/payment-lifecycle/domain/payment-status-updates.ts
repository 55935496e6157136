import type { CalendarDate, Money } from '@procurelink/canonical-schemas';
import type { PaymentDecision } from './payment-decision';
import { paymentHoldNoticeKey } from './payment-idempotency-key';
import type { PaidInvoice, PaymentRecord } from './payment-record';
import type { NotifyTarget, PaymentStatus, RecordedPaymentStatus } from './payment-status';
import type { PaymentHoldReason } from './supplier-payment-hold';

/** The payment status of a PO's or an invoice's payment, as the target systems are told it. */
export type InvoicePaymentStatus = 'PAYMENT_SCHEDULED' | 'PAID' | 'PAYMENT_FAILED' | 'PAYMENT_VOIDED';

export const INVOICE_PAYMENT_STATUS: { readonly [S in RecordedPaymentStatus]: InvoicePaymentStatus } = {
  SCHEDULED: 'PAYMENT_SCHEDULED',
  COMPLETED: 'PAID',
  FAILED: 'PAYMENT_FAILED',
  VOIDED: 'PAYMENT_VOIDED',
};

/** Purchasing: the payment status of each PO (and its invoices) the payment settles. */
export interface PurchasingPaymentStatusUpdate {
  readonly target: 'PURCHASING';
  readonly kind: 'PO_PAYMENT_STATUS';
  readonly idempotencyKey: string;
  readonly paymentId: string;
  readonly supplierId: string;
  readonly status: InvoicePaymentStatus;
  readonly attempt: number;
  readonly purchaseOrders: readonly { readonly poNumber: string; readonly invoiceIds: readonly string[] }[];
  /** Invoices the payment settles that bill no known PO. */
  readonly invoicesWithoutPo: readonly string[];
  readonly amount: Money;
  readonly scheduledDate: CalendarDate;
  readonly effectiveAt: Date;
  /** True when money that had left comes back (void or bank return after completion). */
  readonly reversal: boolean;
}

/** AP automation: its invoices were paid, or the payment failed or was voided. */
export interface ApInvoicePaymentUpdate {
  readonly target: 'AP_AUTOMATION';
  readonly kind: 'INVOICE_PAYMENT_STATUS';
  readonly idempotencyKey: string;
  readonly paymentId: string;
  readonly supplierId: string;
  readonly status: InvoicePaymentStatus;
  readonly invoiceIds: readonly string[];
  readonly amount: Money;
  readonly effectiveAt: Date;
  readonly bankReference: string | null;
  readonly failure: { readonly code: string; readonly reason: string } | null;
  readonly voidReason: string | null;
  /** True when the invoices are open again after having been paid. */
  readonly reversal: boolean;
}

/** AP automation: a payment was blocked, or made, while the supplier's payments were held. */
export interface ApPaymentHoldNotice {
  readonly target: 'AP_AUTOMATION';
  readonly kind: 'SUPPLIER_PAYMENT_HOLD';
  readonly idempotencyKey: string;
  readonly situation: 'PAYMENT_BLOCKED' | 'PAID_DURING_HOLD';
  readonly paymentId: string;
  readonly supplierId: string;
  readonly invoiceIds: readonly string[];
  readonly amount: Money;
  readonly holdReason: PaymentHoldReason;
  readonly heldSince: Date;
}

export type PaymentStatusMessage = PurchasingPaymentStatusUpdate | ApInvoicePaymentUpdate | ApPaymentHoldNotice;

/**
 * The messages a decision sends back: one status update per notified target for a transition,
 * plus a hold notice to AP for a payment blocked or made during a supplier hold. Duplicates and
 * other rejections send nothing (operations see rejections through the exception flow).
 */
export function toStatusUpdates(decision: PaymentDecision): readonly PaymentStatusMessage[] {
  switch (decision.kind) {
    case 'duplicate':
      return [];
    case 'rejected': {
      const reason = decision.reason;
      if (reason.code !== 'SUPPLIER_ON_HOLD') return [];
      return [
        {
          target: 'AP_AUTOMATION',
          kind: 'SUPPLIER_PAYMENT_HOLD',
          idempotencyKey: paymentHoldNoticeKey(reason.paymentId, 'PAYMENT_BLOCKED', reason.attempt),
          situation: 'PAYMENT_BLOCKED',
          paymentId: reason.paymentId,
          supplierId: reason.supplierId,
          invoiceIds: reason.invoiceIds,
          amount: reason.amount,
          holdReason: reason.holdReason,
          heldSince: reason.heldSince,
        },
      ];
    }
    case 'transition': {
      const { next, from, idempotencyKey } = decision;
      const updates = decision.notify.map((target) => statusUpdate(target, next, from, idempotencyKey));
      const notices = decision.alerts.map(
        (alert): ApPaymentHoldNotice => ({
          target: 'AP_AUTOMATION',
          kind: 'SUPPLIER_PAYMENT_HOLD',
          idempotencyKey: paymentHoldNoticeKey(next.paymentId, 'PAID_DURING_HOLD', next.attempt),
          situation: 'PAID_DURING_HOLD',
          paymentId: next.paymentId,
          supplierId: alert.supplierId,
          invoiceIds: invoiceIdsOf(next.invoices),
          amount: next.amount,
          holdReason: alert.holdReason,
          heldSince: alert.heldSince,
        }),
      );
      return [...updates, ...notices];
    }
  }
}

function statusUpdate(target: NotifyTarget, next: PaymentRecord, from: PaymentStatus, idempotencyKey: string): PaymentStatusMessage {
  const reversal = from === 'COMPLETED';
  const status = INVOICE_PAYMENT_STATUS[next.status];
  if (target === 'PURCHASING') {
    return {
      target,
      kind: 'PO_PAYMENT_STATUS',
      idempotencyKey,
      paymentId: next.paymentId,
      supplierId: next.supplierId,
      status,
      attempt: next.attempt,
      purchaseOrders: byPurchaseOrder(next.invoices),
      invoicesWithoutPo: next.invoices.filter((invoice) => invoice.poNumber === null).map((invoice) => invoice.invoiceId),
      amount: next.amount,
      scheduledDate: next.scheduledDate,
      effectiveAt: next.statusSince,
      reversal,
    };
  }
  return {
    target,
    kind: 'INVOICE_PAYMENT_STATUS',
    idempotencyKey,
    paymentId: next.paymentId,
    supplierId: next.supplierId,
    status,
    invoiceIds: invoiceIdsOf(next.invoices),
    amount: next.amount,
    effectiveAt: next.statusSince,
    bankReference: next.status === 'COMPLETED' ? (next.completion?.bankReference ?? null) : null,
    failure: next.status === 'FAILED' && next.failure !== null ? { code: next.failure.code, reason: next.failure.reason } : null,
    voidReason: next.status === 'VOIDED' ? (next.voiding?.reason ?? null) : null,
    reversal,
  };
}

function invoiceIdsOf(invoices: readonly PaidInvoice[]): readonly string[] {
  return invoices.map((invoice) => invoice.invoiceId);
}

/** Invoices grouped by the PO they bill, POs in order of first appearance. */
function byPurchaseOrder(invoices: readonly PaidInvoice[]): PurchasingPaymentStatusUpdate['purchaseOrders'] {
  const groups = new Map<string, string[]>();
  for (const { invoiceId, poNumber } of invoices) {
    if (poNumber === null) continue;
    const group = groups.get(poNumber) ?? [];
    group.push(invoiceId);
    groups.set(poNumber, group);
  }
  return [...groups].map(([poNumber, invoiceIds]) => ({ poNumber, invoiceIds }));
}
