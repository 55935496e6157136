/** The four things the ERP accepts, each named by the capability (URL segment) that takes it. */
export const CAPABILITIES = ['vendors', 'encumbrances', 'ap-invoices', 'payments'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The ledger's name for a posting of each capability. */
export const POSTING_KINDS = ['VENDOR_UPSERT', 'ENCUMBRANCE', 'AP_INVOICE', 'PAYMENT_STATUS'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

export const KIND_OF: Readonly<Record<Capability, PostingKind>> = {
  vendors: 'VENDOR_UPSERT',
  encumbrances: 'ENCUMBRANCE',
  'ap-invoices': 'AP_INVOICE',
  payments: 'PAYMENT_STATUS',
};

const DOCUMENT_PREFIX: Readonly<Record<PostingKind, string>> = {
  VENDOR_UPSERT: 'VND',
  ENCUMBRANCE: 'ENC',
  AP_INVOICE: 'APV',
  PAYMENT_STATUS: 'PMT',
};

export const DIRECTIONS = ['ENCUMBER', 'RELIEVE', 'RELEASE'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A validated write, ready for the ledger: what it is, its business identity and its money. */
export interface Posting {
  readonly kind: PostingKind;
  /** The business identity: supplier id; PO/revision/line/direction; invoice id; payment id/status. */
  readonly businessKey: string;
  /** What the posting is about, as the read endpoints look it up: supplier id, PO number, invoice id, payment id. */
  readonly subjectId: string;
  readonly facilityId: string | null;
  readonly currency: string | null;
  /** A decimal string, or null for postings without money (vendor upserts). */
  readonly amount: string | null;
  readonly direction: Direction | null;
  /** The validated request, as the ERP keeps it. */
  readonly record: Readonly<Record<string, unknown>>;
}

/** A posting the ledger accepted. */
export interface LedgerEntry extends Posting {
  /** Ledger order, from 1; never reused, not even after a reset. */
  readonly sequence: number;
  /** The ERP's document number, e.g. ENC-00000042. */
  readonly documentNumber: string;
  readonly idempotencyKey: string;
  /** Identifies the request body that created the entry (see requestFingerprint). */
  readonly fingerprint: string;
  /** ISO-8601 UTC. */
  readonly acceptedAt: string;
}

export function documentNumber(kind: PostingKind, sequence: number): string {
  return `${DOCUMENT_PREFIX[kind]}-${String(sequence).padStart(8, '0')}`;
}

/** Identifiers in paths and bodies: letters, digits and . _ : - (no slash; business keys use it as separator). */
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;
export const IDENTIFIER_HINT = 'an identifier of up to 80 letters, digits, ".", "_", ":" or "-"';
export const CURRENCY = /^[A-Z]{3}$/;
export const CURRENCY_HINT = 'an ISO 4217 code such as USD';
export const COUNTRY = /^[A-Z]{2}$/;
export const COUNTRY_HINT = 'an ISO 3166-1 alpha-2 code such as US';

export const REQUIRED_ID = { required: true, maxLength: 80, pattern: IDENTIFIER, hint: IDENTIFIER_HINT } as const;
export const OPTIONAL_ID = { ...REQUIRED_ID, required: false } as const;
export const REQUIRED_CURRENCY = { required: true, maxLength: 3, pattern: CURRENCY, hint: CURRENCY_HINT } as const;
