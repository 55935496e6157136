import type { LedgerFilter } from '../domain/ledger-query';
import type { LedgerEntry, Posting, PostingKind } from '../domain/posting';

/** A posting about to be appended: the store assigns its sequence and document number. */
export interface NewLedgerEntry extends Posting {
  readonly idempotencyKey: string;
  readonly fingerprint: string;
  readonly acceptedAt: string;
}

export type AppendOutcome =
  | { readonly outcome: 'APPENDED'; readonly entry: LedgerEntry }
  /** Another entry already holds the idempotency key (a concurrent or earlier write). */
  | { readonly outcome: 'KEY_TAKEN'; readonly existing: LedgerEntry };

/** Where the sandbox ERP keeps every posting it accepted. The idempotency key is unique across the ledger. */
export interface LedgerStore {
  /** Prepares the store (creates the table); called once before the first request. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Appends unless an entry already holds the idempotency key; atomic with that check. */
  append(entry: NewLedgerEntry): Promise<AppendOutcome>;
  byIdempotencyKey(key: string): Promise<LedgerEntry | undefined>;
  byDocumentNumber(documentNumber: string): Promise<LedgerEntry | undefined>;
  /** The most recent entry of a kind about a subject (a vendor's current record, a payment's latest status). */
  latest(kind: PostingKind, subjectId: string): Promise<LedgerEntry | undefined>;
  /** Entries in ledger order (oldest first), at most filter.limit. */
  list(filter: LedgerFilter): Promise<LedgerEntry[]>;
  /** Overwrites an entry's amount, currency and record (tampering); false when it no longer exists. */
  replace(entry: LedgerEntry): Promise<boolean>;
  /** Removes an entry and frees its idempotency key (tampering); false when it did not exist. */
  remove(documentNumber: string): Promise<boolean>;
  /** Empties the ledger; returns how many entries it held. Sequence numbers are not reused. */
  clear(): Promise<number>;
}

export const LEDGER_STORE = Symbol('LEDGER_STORE');
