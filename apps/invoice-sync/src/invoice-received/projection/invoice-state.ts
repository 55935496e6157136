import type { Decimal, InvoiceExceptionReason, InvoiceReceived, Money } from '@procurelink/canonical-schemas';
import type { PurchaseOrderView, ReceiptShortfall } from '../domain';

/** The PO view the service keeps, with the revision that produced it (older revisions never overwrite it). */
export interface StoredPurchaseOrder extends PurchaseOrderView {
  readonly revision: number;
}

export type InvoiceStatus = 'received' | 'matched' | 'posted' | 'exception';

/** What the service knows of one invoice, folded from its p2p.invoice.v1 events. */
export interface InvoiceRecord {
  readonly invoice: InvoiceReceived;
  readonly status: InvoiceStatus;
  /** The exception's reason code once raised. */
  readonly exceptionReason: string | null;
  /** The ERP document once posted. */
  readonly erpDocumentNumber: string | null;
  /** When it matched its PO and receipts (InvoiceMatched.matchedAt); null before (or for records written before it was kept). */
  readonly matchedAt: Date | null;
  /** When the ERP accepted the AP invoice (InvoicePosted.postedAt). */
  readonly postedAt: Date | null;
  /** The exception as raised (InvoiceException), once raised. */
  readonly exception: RecordedException | null;
}

/** An InvoiceException as the service keeps it for status look-ups. */
export interface RecordedException {
  readonly reason: InvoiceExceptionReason;
  readonly detail: string;
  /** DUPLICATE / NEAR_DUPLICATE: the earlier invoice it repeats. */
  readonly duplicateOfInvoiceId: string | null;
  /** PRICE_VARIANCE / QUANTITY_VARIANCE: invoiced minus expected. */
  readonly varianceAmount: Money | null;
  readonly variancePercent: Decimal | null;
  readonly raisedAt: Date;
}

/** An invoice waiting (for its receipt, or for its PO to arrive from po-sync). */
export interface WaitingEntry {
  readonly invoiceId: string;
  readonly poNumber: string;
  readonly until: Date;
  readonly shortfalls: readonly ReceiptShortfall[];
  /** When it was last decided: a PO or receipt change after this makes the sweeper look again. */
  readonly decidedAt: Date;
}
