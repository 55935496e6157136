import type { Decimal } from '@procurelink/canonical-schemas';

/** The three comparisons: purchasing ↔ ERP encumbrances, AP automation ↔ ERP invoices, ERP ↔ purchasing payment statuses. */
export const RECONCILIATION_KINDS = ['ENCUMBRANCE', 'AP_INVOICE', 'PAYMENT_STATUS'] as const;
export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number];

/** What differs between ops (the source, from the canonical events) and the ERP ledger (the target). */
export type Difference =
  /** ops has the document; the ERP has no posting for it. */
  | 'MISSING_IN_TARGET'
  /** the ERP has postings for a document ops never saw. */
  | 'MISSING_IN_SOURCE'
  | 'AMOUNT'
  | 'CURRENCY'
  /** payment status differs, or the ERP posted an invoice ops does not know as posted. */
  | 'STATUS'
  /** the ERP posted the same invoice more than once. */
  | 'DUPLICATE_IN_TARGET'
  /** ops' ERP document number (InvoicePosted.erpDocumentNumber) is not the ERP's. */
  | 'DOCUMENT_NUMBER';

/** A run's scope: one UTC day, one facility or all of them. */
export interface ReconciliationScope {
  /** YYYY-MM-DD (UTC). */
  readonly day: string;
  readonly facilityId: string | null;
}

/** A document as ops knows it (a `document` row), reduced to what reconciliation compares. */
export interface SourceDocument {
  readonly docId: string;
  readonly facilityId: string | null;
  /** YYYY-MM-DD (UTC) of the document's latest event. */
  readonly day: string;
  readonly stage: string;
  readonly amount: Decimal | null;
  readonly currency: string | null;
  /** The ERP's document number as ops learnt it (invoices), if any. */
  readonly erpDocument: string | null;
}

/** One ERP ledger entry, as much as reconciliation reads (structurally an ErpLedgerEntry). */
export interface LedgerPosting {
  readonly sequence: number;
  readonly documentNumber: string;
  readonly subjectId: string;
  /** ISO 8601 instant. */
  readonly acceptedAt: string;
  readonly facilityId: string | null;
  readonly currency: string | null;
  /** Decimal string, or null. */
  readonly amount: string | null;
  readonly direction: 'ENCUMBER' | 'RELIEVE' | 'RELEASE' | null;
  readonly record: Readonly<Record<string, unknown>>;
}

/** The input of one kind's comparison. */
export interface KindInput {
  readonly scope: ReconciliationScope;
  /** The documents in scope (day and facility) that the ERP should hold. */
  readonly sources: readonly SourceDocument[];
  /** Every ERP posting of the kind for the subjects involved (at least those of `sources`, and those accepted on the day). */
  readonly postings: readonly LedgerPosting[];
  /**
   * Documents ops knows outside `sources` (another day, another facility, or not in the source
   * set, e.g. an invoice not yet posted), by document id: a posting of one of them is not unknown.
   */
  readonly elsewhere: ReadonlyMap<string, SourceDocument>;
}

export interface Mismatch {
  readonly kind: ReconciliationKind;
  readonly facilityId: string | null;
  readonly day: string;
  /** ops' document type: PURCHASE_ORDER, INVOICE or PAYMENT. */
  readonly docType: string;
  readonly docId: string;
  readonly difference: Difference;
  /** What ops says (an amount with its currency, a status, a count), or null when ops has nothing. */
  readonly sourceValue: string | null;
  /** What the ERP says, or null when it has nothing. */
  readonly targetValue: string | null;
  /** One sentence for people; never a sensitive value. */
  readonly detail: string;
}

/** Counts and exact amounts per facility, day, kind and currency (amounts in different currencies are never added). */
export interface ReconciliationTotals {
  readonly kind: ReconciliationKind;
  readonly facilityId: string | null;
  readonly day: string;
  readonly currency: string | null;
  readonly sourceCount: number;
  readonly sourceAmount: Decimal;
  readonly targetCount: number;
  readonly targetAmount: Decimal;
  readonly mismatchCount: number;
}

export interface KindResult {
  readonly totals: readonly ReconciliationTotals[];
  readonly mismatches: readonly Mismatch[];
}
