import type { Money } from '@procurelink/canonical-schemas';
import type { EarlierInvoice, InvoicedQuantity, ReceiptView, SupplierStanding } from '../domain';
import type { InvoiceRecord, StoredPurchaseOrder, WaitingEntry } from '../projection/invoice-state';

/** How the earlier invoices a duplicate check needs are looked up. */
export interface EarlierInvoiceQuery {
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly businessKey: string;
  readonly invoiceDate: string;
  readonly windowDays: number;
  /** Near duplicates have the same total and currency: only invoices of this total are candidates. */
  readonly total: Money;
}

/** What deciding one invoice looks up: its PO number (null: none) and its earlier-invoice query. */
export interface DecisionInputsQuery extends EarlierInvoiceQuery {
  readonly poNumber: string | null;
}

/** Everything decideInvoice reads from the store, as the single-purpose methods answer it. */
export interface DecisionInputs {
  readonly supplier: SupplierStanding | null;
  /** null when unknown or the invoice has no PO number. */
  readonly purchaseOrder: StoredPurchaseOrder | null;
  /** By receipt id; [] when the invoice has no PO number. */
  readonly receipts: ReceiptView[];
  /** What invoices other than this one billed on the PO's lines; [] when the invoice has no PO number. */
  readonly alreadyInvoiced: InvoicedQuantity[];
  readonly earlierInvoices: EarlierInvoice[];
}

/** What is written for an invoice once decided, in one transaction. */
export interface InvoiceWrite {
  readonly record: InvoiceRecord;
  /** The exact-duplicate key: recorded for the first invoice that carries it. */
  readonly businessKey: string;
  /** What it bills per PO line, when it matched. */
  readonly billed: readonly InvoicedQuantity[];
  /** Set when it waits; null removes it from the waiting invoices. */
  readonly waiting: WaitingEntry | null;
}

/**
 * invoice-sync's state in Redis: PO views, receipts, supplier standing (projected from the
 * canonical topics), earlier invoices (exact key + per-supplier index), invoiced quantities per
 * PO line and the invoices waiting for a receipt (by deadline).
 */
export interface InvoiceSyncStore {
  purchaseOrder(poNumber: string): Promise<StoredPurchaseOrder | null>;
  /** Also marks the PO as touched now (the sweeper re-reviews invoices waiting on it). */
  savePurchaseOrder(po: StoredPurchaseOrder): Promise<void>;
  /** Idempotent per receipt id; marks the PO as touched. */
  saveReceipt(receipt: ReceiptView): Promise<void>;
  supplier(supplierId: string): Promise<SupplierStanding | null>;
  saveSupplier(supplierId: string, standing: SupplierStanding): Promise<void>;

  invoice(invoiceId: string): Promise<InvoiceRecord | null>;
  /**
   * Everything deciding one invoice reads, at once: its supplier's standing, its PO, the PO's
   * receipts, what other invoices billed on the PO's lines, and its earlier invoices (the one
   * holding its business key exactly, and the supplier's invoices of the same total and currency
   * dated within the window: the near-duplicate candidates).
   */
  decisionInputs(query: DecisionInputsQuery): Promise<DecisionInputs>;
  /**
   * Claims the exact-duplicate key for an invoice about to post (SET NX): answers the invoice id
   * holding it — this one, or an earlier invoice when another got there first.
   */
  claimBusinessKey(businessKey: string, invoiceId: string): Promise<string>;
  saveInvoice(write: InvoiceWrite): Promise<void>;

  waiting(invoiceId: string): Promise<WaitingEntry | null>;
  /** Invoice ids waiting on the PO. */
  waitingOn(poNumber: string): Promise<string[]>;
  /** Waiting invoices, earliest deadline first, at most `limit`. */
  listWaiting(limit: number): Promise<WaitingEntry[]>;
  /** When each PO last changed (PO event or receipt), ms since the epoch. */
  poTouchedAt(poNumbers: readonly string[]): Promise<Map<string, number>>;
  /**
   * Takes a waiting invoice for review: true for exactly one caller (atomically out of the waiting
   * set, into a claimed set with a lease). Saving the invoice ends the claim.
   */
  claimWaiting(invoiceId: string): Promise<boolean>;
  /** Gives a claimed waiting invoice back unchanged (the review failed). */
  returnWaiting(entry: WaitingEntry): Promise<void>;
  /** Claims whose lease ran out (the reviewing instance died) become waiting again, due at once. */
  recoverExpiredClaims(): Promise<number>;

  /** Deletes every key of this service (and topic prefix); answers how many. */
  clear(): Promise<number>;
}

export const INVOICE_SYNC_STORE = Symbol('INVOICE_SYNC_STORE');
