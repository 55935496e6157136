/**
 * The ERP's ledger, read-only: every posting it accepted (GET /erp/v1/ledger) and exact totals
 * (GET /erp/v1/ledger/summary). The observer's window for reconciliation; never a write.
 * Failures are classified like the write ports: TARGET_UNAVAILABLE (retriable) for 5xx, timeouts
 * and network errors; INVALID_INPUT for 400 (a bad filter); TARGET_REJECTED for other 4xx.
 */

export type ErpPostingKind = 'VENDOR_UPSERT' | 'ENCUMBRANCE' | 'AP_INVOICE' | 'PAYMENT_STATUS';
export type ErpEncumbranceDirection = 'ENCUMBER' | 'RELIEVE' | 'RELEASE';

/** One accepted posting as the ledger shows it. Money is a decimal string. */
export interface ErpLedgerEntry {
  readonly sequence: number;
  readonly documentNumber: string;
  readonly kind: ErpPostingKind;
  readonly businessKey: string;
  /** Supplier id, PO number, invoice id or payment id. */
  readonly subjectId: string;
  readonly idempotencyKey: string;
  /** ISO 8601 instant. */
  readonly acceptedAt: string;
  readonly facilityId: string | null;
  readonly currency: string | null;
  readonly amount: string | null;
  readonly direction: ErpEncumbranceDirection | null;
  /** The validated request as the ERP keeps it (e.g. `status`, `statusAt` of a payment status). */
  readonly record: Readonly<Record<string, unknown>>;
}

/** Filters, all optional and combined with AND. */
export interface ErpLedgerQuery {
  readonly kind?: ErpPostingKind;
  readonly businessKey?: string;
  readonly subjectId?: string;
  readonly facilityId?: string;
  /** ISO instant, inclusive. */
  readonly since?: string;
  /** Entries after this sequence only (paging). */
  readonly afterSequence?: number;
  /** Page size, 1–10 000 (the ERP's default is 1 000). */
  readonly limit?: number;
}

export interface ErpLedgerPage {
  readonly count: number;
  /** True when the page is full: ask again with `afterSequence` = the last entry's sequence. */
  readonly truncated: boolean;
  readonly entries: readonly ErpLedgerEntry[];
}

export interface ErpLedgerSummaryGroup {
  readonly kind: ErpPostingKind;
  readonly facilityId: string | null;
  /** YYYY-MM-DD of acceptedAt, UTC. */
  readonly day: string;
  readonly currency: string | null;
  readonly direction: ErpEncumbranceDirection | null;
  readonly count: number;
  /** Exact decimal string, or null for postings without money. */
  readonly total: string | null;
}

export interface ErpLedgerSummary {
  readonly count: number;
  readonly byKind: ReadonlyArray<{ readonly kind: ErpPostingKind; readonly count: number }>;
  readonly groups: readonly ErpLedgerSummaryGroup[];
}

export interface ErpLedgerPort {
  /** One page of the ledger, oldest first. */
  ledgerPage(query?: ErpLedgerQuery): Promise<ErpLedgerPage>;
  /** Every entry matching the filters, oldest first (follows `afterSequence` while truncated). */
  ledger(query?: Omit<ErpLedgerQuery, 'afterSequence'>): Promise<readonly ErpLedgerEntry[]>;
  /** Counts and exact totals per kind, facility, UTC day, currency and direction. */
  summary(query?: Omit<ErpLedgerQuery, 'afterSequence' | 'limit'>): Promise<ErpLedgerSummary>;
}

export const ERP_LEDGER_PORT = Symbol('ERP_LEDGER_PORT');
