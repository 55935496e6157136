import { apInvoiceRules } from './ap-invoice-rules';
import { encumbranceRules } from './encumbrance-rules';
import { paymentStatusRules } from './payment-status-rules';
import { reconcileKind, type KindRules } from './reconcile-kind';
import type { KindInput, KindResult, ReconciliationKind } from './reconciliation-types';

export const KIND_RULES: Readonly<Record<ReconciliationKind, KindRules>> = {
  ENCUMBRANCE: encumbranceRules,
  AP_INVOICE: apInvoiceRules,
  PAYMENT_STATUS: paymentStatusRules,
};

/** Purchasing ↔ ERP encumbrances per PO. */
export const reconcileEncumbrances = (input: KindInput): KindResult => reconcileKind(encumbranceRules, input);
/** AP automation ↔ ERP invoices per invoice. */
export const reconcileApInvoices = (input: KindInput): KindResult => reconcileKind(apInvoiceRules, input);
/** ERP ↔ purchasing payment statuses per payment. */
export const reconcilePaymentStatuses = (input: KindInput): KindResult => reconcileKind(paymentStatusRules, input);
