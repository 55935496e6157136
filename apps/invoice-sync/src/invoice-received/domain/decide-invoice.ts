import { invoiceBusinessKey } from './business-key';
import { duplicateException } from './duplicate-exception';
import { detectDuplicate } from './duplicates';
import type { InvoiceForDecision } from './invoice';
import { exceptionOutcome, type InvoiceException, type InvoiceOutcome } from './invoice-outcome';
import { findInvoiceProblems } from './invoice-validity';
import type { EarlierInvoice, InvoicedQuantity, PurchaseOrderView, ReceiptView, SupplierStanding } from './lookups';
import type { InvoiceMatchConfig } from './match-config';
import { checkPurchaseOrder } from './purchase-order-checks';
import { receiptWaitDeadline } from './receipt-wait';
import { matchInvoice } from './three-way-match';
import { checkSupplier } from './supplier-check';
import { resolveTolerance } from './tolerance';

/** The invoice and everything looked up for it. */
export interface InvoiceDecisionInput {
  readonly invoice: InvoiceForDecision;
  /** The supplier's standing in the supplier master; null when unknown. */
  readonly supplier: SupplierStanding | null;
  /** The supplier's invoices recorded before this one (any outcome). */
  readonly earlierInvoices: readonly EarlierInvoice[];
  /** The PO the invoice names; null when it names none or it is not known. */
  readonly purchaseOrder: PurchaseOrderView | null;
  /** Receipts against that PO. */
  readonly receipts: readonly ReceiptView[];
  /** What invoices matched earlier billed on that PO's lines, this invoice excluded. */
  readonly alreadyInvoiced: readonly InvoicedQuantity[];
  /** When this invoice already waits for a receipt, the deadline set then; null on first sight. */
  readonly waitingUntil: Date | null;
}

export interface InvoiceDecisionDeps {
  readonly config: InvoiceMatchConfig;
  readonly now: Date;
}

export interface InvoiceDecision {
  /** supplier + normalised number + amount + currency: the idempotency key of the posting. */
  readonly businessKey: string;
  readonly outcome: InvoiceOutcome;
}

/**
 * What to do with an invoice. The checks run in this order and the first that fails decides:
 *
 * 1. validity — the invoice as a document (INVALID_INVOICE);
 * 2. supplier status (INACTIVE_SUPPLIER, SUPPLIER_ON_HOLD);
 * 3. duplicates, before anything can post (DUPLICATE, NEAR_DUPLICATE);
 * 4. the PO: named, known, the supplier's, open (UNKNOWN_PO, CLOSED_PO);
 * 5. currency against the PO (CURRENCY_MISMATCH), then the PO lines billed exist (UNKNOWN_PO);
 * 6. three-way match with the facility's tolerance: PRICE_VARIANCE, QUANTITY_VARIANCE, waiting
 *    for a receipt (until received-at + the configured wait, or the deadline already set), NO_RECEIPT
 *    once that deadline has passed, or matched.
 */
export function decideInvoice(input: InvoiceDecisionInput, deps: InvoiceDecisionDeps): InvoiceDecision {
  const { invoice } = input;
  const businessKey = invoiceBusinessKey(invoice);
  const decided = (exception: InvoiceException): InvoiceDecision => ({ businessKey, outcome: exceptionOutcome(exception) });

  const problems = findInvoiceProblems(invoice, deps.config.roundingAllowance);
  if (problems.length > 0) {
    return decided({ reason: 'INVALID_INVOICE', detail: problems.map((p) => p.detail).join('; '), problems });
  }

  const supplierProblem = checkSupplier(invoice.supplierId, input.supplier);
  if (supplierProblem !== null) return decided(supplierProblem);

  const duplicate = detectDuplicate(invoice, input.earlierInvoices, { nearDuplicateWindowDays: deps.config.nearDuplicateWindowDays });
  const duplicateProblem = duplicateException(duplicate);
  if (duplicateProblem !== null) return decided(duplicateProblem);

  const poCheck = checkPurchaseOrder(invoice, input.purchaseOrder);
  if (poCheck.kind === 'exception') return decided(poCheck.exception);

  const outcome = matchInvoice({
    invoice,
    purchaseOrder: poCheck.po,
    receipts: input.receipts,
    alreadyInvoiced: input.alreadyInvoiced,
    tolerance: resolveTolerance(deps.config.tolerance, invoice.facilityId),
    waitUntil: input.waitingUntil ?? receiptWaitDeadline(invoice.receivedAt, deps.config.receiptWaitHours),
    now: deps.now,
  });
  return { businessKey, outcome };
}
