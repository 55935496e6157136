import type { Address, BankAccountRef, PaymentTerms, TaxIdRef } from '@procurelink/canonical-schemas';
import { normaliseAddress } from './address-normalisation';
import { displayName, legalNameKey } from './name-normalisation';
import type { ParsedSupplierRecord, SupplierContact } from './parsed-supplier-record';
import type { SourceStatus, SourceSystem } from './source-system';
import { bankAccountRef, taxIdRef, type Tokeniser } from './tokeniser';

/**
 * One source system's record in the internal form: normalised, and with the tax id and bank
 * account replaced by references. Safe to store, log and compare; holds nothing in clear.
 */
export interface SupplierSnapshot {
  readonly source: SourceSystem;
  readonly sourceRecordId: string;
  readonly changedAt: Date;
  readonly legalName: string;
  /** Uppercase, punctuation and legal suffixes removed: the name as matching sees it. */
  readonly legalNameKey: string;
  readonly tradingName: string | null;
  readonly taxId: TaxIdRef | null;
  readonly dunsNumber: string | null;
  readonly status: SourceStatus;
  readonly orderingAddresses: readonly Address[];
  readonly remitTo: Address | null;
  readonly paymentTerms: PaymentTerms | null;
  readonly bankAccount: BankAccountRef | null;
  readonly contact: SupplierContact;
}

/** Normalises a parsed record and tokenises its tax id and bank account: the last point where they are in clear. */
export function toSnapshot(record: ParsedSupplierRecord, tokeniser: Tokeniser): SupplierSnapshot {
  return {
    source: record.source,
    sourceRecordId: record.sourceRecordId,
    changedAt: record.changedAt,
    legalName: displayName(record.legalName),
    legalNameKey: legalNameKey(record.legalName),
    tradingName: record.tradingName === null ? null : displayName(record.tradingName),
    taxId: record.taxId === null ? null : taxIdRef(record.taxId, tokeniser),
    dunsNumber: record.dunsNumber,
    status: record.status,
    orderingAddresses: record.orderingAddresses.map(normaliseAddress),
    remitTo: record.remitTo === null ? null : normaliseAddress(record.remitTo),
    paymentTerms: record.paymentTerms,
    bankAccount: record.bank === null ? null : bankAccountRef(record.bank, tokeniser),
    contact: record.contact,
  };
}
