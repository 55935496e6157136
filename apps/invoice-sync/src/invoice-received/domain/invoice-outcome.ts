import type { Decimal, InvoiceExceptionReason, Money, SupplierStatus } from '@procurelink/canonical-schemas';
import type { NearDuplicateWhy } from './duplicates';
import type { InvalidInvoiceProblem } from './invoice-validity';
import type { InvoicedQuantity, PurchaseOrderStatus } from './lookups';

/** Money impact of a variance: invoiced minus expected, and that in percent of expected (null when expected is zero). */
export interface Variance {
  readonly amount: Money;
  readonly percent: Decimal | null;
}

/** An invoice line priced above its PO line beyond tolerance. */
export interface PriceVarianceLine {
  readonly invoiceLineNumber: number;
  readonly poLineNumber: number;
  readonly quantity: Decimal;
  readonly invoicedUnitPrice: Decimal;
  readonly poUnitPrice: Decimal;
  /** Per unit: invoiced minus PO unit price. */
  readonly varianceAmount: Decimal;
  /** Per unit, in percent of the PO unit price (4 places); null when the PO price is zero. */
  readonly variancePercent: Decimal | null;
  /** varianceAmount × quantity, rounded half-even to 4 places. */
  readonly extendedVariance: Decimal;
}

/** Where one billed PO line stands, counting invoices that matched before this one. */
export interface PoLinePosition {
  readonly poLineNumber: number;
  readonly invoiceLineNumbers: readonly number[];
  readonly ordered: Decimal;
  /** Net received quantity (returns subtracted). */
  readonly received: Decimal;
  readonly previouslyInvoiced: Decimal;
  /** Billed by this invoice. */
  readonly invoiced: Decimal;
  /** previouslyInvoiced + invoiced. */
  readonly cumulative: Decimal;
  /** The most that may be billed on what was received: received × (1 + quantity tolerance). */
  readonly receiptLimit: Decimal;
  /** The most that may be billed on what was ordered: ordered × (1 + quantity tolerance). */
  readonly orderLimit: Decimal;
}

/** A billed PO line beyond what was ordered (and received) within tolerance. */
export interface QuantityVarianceLine extends PoLinePosition {
  /** cumulative minus received. */
  readonly excess: Decimal;
  /** excess in percent of received (4 places); null when nothing was received. */
  readonly excessPercent: Decimal | null;
}

/** A billed PO line waiting for more goods to be received. */
export type ReceiptShortfall = PoLinePosition;

interface ExceptionBase<R extends InvoiceExceptionReason> {
  readonly reason: R;
  /** What was found, for the person resolving it. */
  readonly detail: string;
}

export type InvoiceException =
  | (ExceptionBase<'INVALID_INVOICE'> & { readonly problems: readonly InvalidInvoiceProblem[] })
  | (ExceptionBase<'INACTIVE_SUPPLIER' | 'SUPPLIER_ON_HOLD'> & { readonly supplierStatus: SupplierStatus | null })
  | (ExceptionBase<'DUPLICATE'> & { readonly duplicateOf: string })
  | (ExceptionBase<'NEAR_DUPLICATE'> & { readonly duplicateOf: string; readonly why: NearDuplicateWhy })
  | (ExceptionBase<'UNKNOWN_PO'> & { readonly unknownPoLines: readonly number[] })
  | (ExceptionBase<'CLOSED_PO'> & { readonly poStatus: PurchaseOrderStatus })
  | (ExceptionBase<'CURRENCY_MISMATCH'> & { readonly invoiceCurrency: string; readonly poCurrency: string })
  | (ExceptionBase<'PRICE_VARIANCE'> & { readonly lines: readonly PriceVarianceLine[]; readonly variance: Variance })
  | (ExceptionBase<'QUANTITY_VARIANCE'> & { readonly lines: readonly QuantityVarianceLine[]; readonly variance: Variance })
  | (ExceptionBase<'NO_RECEIPT'> & { readonly waitedUntil: Date; readonly shortfalls: readonly ReceiptShortfall[] });

/** The invoice matched its PO and receipts: post it. */
export interface InvoiceMatchedOutcome {
  readonly kind: 'matched';
  readonly poNumber: string;
  /** Receipts against the billed PO lines, in the order they were given. */
  readonly receiptIds: readonly string[];
  /** The invoice total. */
  readonly matchedAmount: Money;
  /** What this invoice bills per PO line: add it to the PO's invoiced quantities once posted. */
  readonly billed: readonly InvoicedQuantity[];
  /** Lines without a PO line (freight, fees, credits): posted with the invoice, not matched. */
  readonly nonPoLineNumbers: readonly number[];
}

/** The PO is known but the goods are not (all) received yet: wait, and match again when a receipt arrives. */
export interface AwaitReceiptOutcome {
  readonly kind: 'await-receipt';
  readonly poNumber: string;
  /** After this instant the invoice becomes a NO_RECEIPT exception. */
  readonly until: Date;
  readonly shortfalls: readonly ReceiptShortfall[];
}

export interface InvoiceExceptionOutcome {
  readonly kind: 'exception';
  readonly exception: InvoiceException;
}

export type InvoiceOutcome = InvoiceMatchedOutcome | AwaitReceiptOutcome | InvoiceExceptionOutcome;

export const exceptionOutcome = (exception: InvoiceException): InvoiceExceptionOutcome => ({ kind: 'exception', exception });
