import type { InvoiceReceived } from '@procurelink/canonical-schemas';
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
