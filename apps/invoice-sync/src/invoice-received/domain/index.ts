// The pure procure-to-pay decisions of invoice-sync: no transport, no I/O. Lookups, the clock and
// the configuration are passed in; every outcome is returned as data.
export { decideInvoice, type InvoiceDecision, type InvoiceDecisionDeps, type InvoiceDecisionInput } from './decide-invoice';
export { invoiceForDecision, type InvoiceForDecision, type InvoiceLineForDecision } from './invoice';
export type {
  EarlierInvoice,
  InvoicedQuantity,
  PurchaseOrderLineView,
  PurchaseOrderStatus,
  PurchaseOrderView,
  ReceiptLineView,
  ReceiptView,
  SupplierStanding,
} from './lookups';
export type {
  AwaitReceiptOutcome,
  InvoiceException,
  InvoiceExceptionOutcome,
  InvoiceMatchedOutcome,
  InvoiceOutcome,
  PoLinePosition,
  PriceVarianceLine,
  QuantityVarianceLine,
  ReceiptShortfall,
  Variance,
} from './invoice-outcome';
export { exceptionEventFields, type InvoiceExceptionEventFields } from './exception-event-fields';
export { invoiceBusinessKey, type InvoiceIdentity } from './business-key';
export { normaliseInvoiceNumber } from './invoice-number';
export { similarity, editDistance, type NumberSimilarity } from './number-similarity';
export { detectDuplicate, type DuplicateCandidate, type DuplicateFinding, type NearDuplicateWhy } from './duplicates';
export { findInvoiceProblems, type InvalidInvoiceCode, type InvalidInvoiceProblem } from './invoice-validity';
export { checkSupplier } from './supplier-check';
export { checkPurchaseOrder, type PurchaseOrderCheck } from './purchase-order-checks';
export { matchInvoice, type MatchInput } from './three-way-match';
export {
  hasReceiptWaitExpired,
  invoicesToRematch,
  receiptWaitDeadline,
  reviewWaitingInvoice,
  waitingInvoiceOf,
  type WaitingInvoice,
  type WaitReview,
} from './receipt-wait';
export {
  isPriceWithinTolerance,
  quantityLimit,
  resolveTolerance,
  type Tolerance,
  type ToleranceOverride,
  type ToleranceSettings,
} from './tolerance';
export { DEFAULT_MATCH_CONFIG, type InvoiceMatchConfig } from './match-config';
export { MATCH_CONFIG_VARIABLES, parseMatchConfig, type MatchConfigEnv, type MatchConfigResult } from './parse-match-config';
