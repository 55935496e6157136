import type { Address, PaymentTerms } from '@procurelink/canonical-schemas';
import type { BankDetails } from './bank-details';
import type { SourceStatus, SourceSystem } from './source-system';

/** How to reach the supplier; merged field by field, the most recent statement winning. */
export interface SupplierContact {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/**
 * A source record after the strict parse: one shape for both sources, values checked but still
 * in clear (tax id, bank account). It lives only between the parser and the tokeniser.
 */
export interface ParsedSupplierRecord {
  readonly source: SourceSystem;
  readonly sourceRecordId: string;
  readonly legalName: string;
  readonly tradingName: string | null;
  /** Normalised (letters and digits) but clear. */
  readonly taxId: { readonly value: string; readonly issuingCountry: string } | null;
  readonly dunsNumber: string | null;
  readonly status: SourceStatus;
  readonly orderingAddresses: readonly Address[];
  readonly remitTo: Address | null;
  readonly paymentTerms: PaymentTerms | null;
  readonly bank: BankDetails | null;
  readonly contact: SupplierContact;
  /** When the source changed the record (LAST_CHANGED / updatedAt). */
  readonly changedAt: Date;
}
