import type { Decimal, Money, SupplierStatus } from '@procurelink/canonical-schemas';

/** Where a purchase order stands: only an OPEN order can be invoiced. */
export type PurchaseOrderStatus = 'OPEN' | 'CLOSED' | 'CANCELLED';

export interface PurchaseOrderLineView {
  readonly lineNumber: number;
  /** Ordered quantity. */
  readonly quantity: Decimal;
  readonly unitPrice: Money;
}

/** The open-PO state the service keeps, as looked up for one invoice. */
export interface PurchaseOrderView {
  readonly poNumber: string;
  readonly supplierId: string;
  readonly status: PurchaseOrderStatus;
  /** The order's currency (its total's currency). */
  readonly currency: string;
  readonly lines: readonly PurchaseOrderLineView[];
}

export interface ReceiptLineView {
  readonly poLineNumber: number;
  /** Accepted quantity; negative for a return. */
  readonly quantity: Decimal;
}

/** A goods receipt against a purchase order; a canonical GoodsReceived satisfies this shape. */
export interface ReceiptView {
  readonly receiptId: string;
  readonly poNumber: string;
  readonly lines: readonly ReceiptLineView[];
}

/** Quantity of a PO line billed by invoices that already matched (not counting the one being decided). */
export interface InvoicedQuantity {
  readonly poNumber: string;
  readonly poLineNumber: number;
  readonly quantity: Decimal;
}

/** The supplier master's word on a supplier; null when the supplier is unknown. */
export interface SupplierStanding {
  readonly status: SupplierStatus;
  /**
   * ON_HOLD only because a bank-details change holds the supplier's payments (until confirmed):
   * invoices still match and post to AP; payment-status holds the payments. A supplier blocked in
   * the master (ON_HOLD without this) gets SUPPLIER_ON_HOLD.
   */
  readonly paymentsHeldOnly?: boolean;
}

/** An invoice of the same supplier recorded before, as the duplicate check needs it. */
export interface EarlierInvoice {
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly invoiceNumber: string;
  readonly invoiceDate: string;
  readonly total: Money;
}
