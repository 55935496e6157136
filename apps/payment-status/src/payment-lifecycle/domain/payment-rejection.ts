import type { Money } from '@procurelink/canonical-schemas';
import type { PaymentEventType } from './payment-event';
import type { PaymentStatus, RecordedPaymentStatus } from './payment-status';
import type { PaymentHoldReason } from './supplier-payment-hold';

/** Why a payment event was not applied. A closed list: callers branch on `code`. */
export const PAYMENT_REJECTION_CODES = [
  'INVALID_TRANSITION',
  'UNKNOWN_PAYMENT',
  'SUPPLIER_ON_HOLD',
  'SUPPLIER_MISMATCH',
  'AMOUNT_MISMATCH',
  'CURRENCY_MISMATCH',
  'INVALID_AMOUNT',
] as const;

export type PaymentRejectionCode = (typeof PAYMENT_REJECTION_CODES)[number];

export type PaymentRejection =
  /** The table has no edge from the current status to the one the event asks for. */
  | { readonly code: 'INVALID_TRANSITION'; readonly from: PaymentStatus; readonly to: RecordedPaymentStatus }
  /** Completed, failed or voided for a payment never scheduled (or whose schedule was rejected). */
  | { readonly code: 'UNKNOWN_PAYMENT'; readonly paymentId: string; readonly eventType: PaymentEventType }
  /** A (re-)schedule for a supplier whose payments are held; AP must be told. */
  | {
      readonly code: 'SUPPLIER_ON_HOLD';
      readonly paymentId: string;
      readonly supplierId: string;
      readonly holdReason: PaymentHoldReason;
      readonly heldSince: Date;
      /** The attempt that was refused. */
      readonly attempt: number;
      readonly invoiceIds: readonly string[];
      readonly amount: Money;
    }
  /** The event names another supplier than the payment was scheduled for. */
  | { readonly code: 'SUPPLIER_MISMATCH'; readonly expected: string; readonly actual: string }
  /** The completed amount differs from the scheduled amount (same currency). */
  | { readonly code: 'AMOUNT_MISMATCH'; readonly expected: Money; readonly actual: Money }
  /** The completed currency differs from the scheduled currency. */
  | { readonly code: 'CURRENCY_MISMATCH'; readonly expected: string; readonly actual: string }
  /** A schedule for zero or a negative amount. */
  | { readonly code: 'INVALID_AMOUNT'; readonly amount: Money };

/** One line for an operator; names no bank account, only ids, statuses and amounts. */
export function describeRejection(rejection: PaymentRejection): string {
  switch (rejection.code) {
    case 'INVALID_TRANSITION':
      return `a payment cannot move from ${rejection.from} to ${rejection.to}`;
    case 'UNKNOWN_PAYMENT':
      return `${rejection.eventType} for payment ${rejection.paymentId}, which was never scheduled`;
    case 'SUPPLIER_ON_HOLD':
      return `supplier ${rejection.supplierId} has payments on hold (${rejection.holdReason} since ${rejection.heldSince.toISOString()}); payment ${rejection.paymentId} was not accepted`;
    case 'SUPPLIER_MISMATCH':
      return `the payment was scheduled for supplier ${rejection.expected}, the event names ${rejection.actual}`;
    case 'AMOUNT_MISMATCH':
      return `completed ${formatMoney(rejection.actual)} but scheduled ${formatMoney(rejection.expected)}`;
    case 'CURRENCY_MISMATCH':
      return `completed in ${rejection.actual} but scheduled in ${rejection.expected}`;
    case 'INVALID_AMOUNT':
      return `a payment must be for more than zero, got ${formatMoney(rejection.amount)}`;
  }
}

function formatMoney(money: Money): string {
  return `${money.amount.toString()} ${money.currency}`;
}
