// Shared test data for the supplier-sync domain specs: valid source records in both shapes, known
// valid bank numbers, and a deterministic test tokeniser. Not a test suite itself.
import type { ErpVendorRecord } from './erp-vendor-record';
import type { PurchasingSupplierRecord } from './purchasing-supplier-record';
import type { SensitiveKind, Tokeniser } from './tokeniser';

/** Valid IBANs (published examples) and US routing numbers that pass the 3-7-1 checksum. */
export const IBAN_DE = 'DE89370400440532013000';
export const IBAN_GB = 'GB82WEST12345698765432';
export const ROUTING_CHASE = '021000021';
export const ROUTING_BOFA = '121000358';
export const ACCOUNT_1 = '4455667788';
export const ACCOUNT_2 = '9988776655';
export const EIN_ACME = '12-3456789';
export const EIN_ACME_DIGITS = '123456789';
export const EIN_OTHER = '98-7654321';

/** Every clear sensitive value the fixtures use, for "never appears in output" assertions. */
export const CLEAR_VALUES = [IBAN_DE, IBAN_GB, ACCOUNT_1, ACCOUNT_2, EIN_ACME, EIN_ACME_DIGITS, EIN_OTHER, '987654321'];

function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(36);
}

/** Deterministic and pure; the real one (HMAC-SHA256) lives in infra/. */
export const testTokeniser: Tokeniser = {
  tokenise: (clear: string, kind: SensitiveKind) => `tok-${kind}-${fnv1a64(`${kind}:${clear}`)}`,
};

export function erpVendor(overrides: Partial<Record<keyof ErpVendorRecord, unknown>> = {}): Record<string, unknown> {
  const record: ErpVendorRecord = {
    VENDOR_ID: 'V100234',
    NAME1: 'Acme Medical Supply, Inc.',
    NAME2: 'Acme Surgical',
    TAX_NUMBER: EIN_ACME,
    DUNS: '15-048-3782',
    STREET: '100 Main Street',
    STREET2: 'Suite 200',
    CITY: 'Springfield',
    REGION: 'IL',
    POSTAL_CODE: '62704',
    COUNTRY: 'US',
    REMIT_TO: { STREET: 'PO Box 9000', CITY: 'Chicago', REGION: 'IL', POSTAL_CODE: '60601-1234', COUNTRY: 'US' },
    PAYMENT_TERMS: '2/10 NET 30',
    BANK: { ACCOUNT_NUMBER: ACCOUNT_1, ROUTING_NUMBER: ROUTING_CHASE },
    EMAIL: 'AR@acme-medical.example',
    PHONE: '+1 217 555 0100',
    STATUS: 'A',
    LAST_CHANGED: '2025-03-01T10:00:00Z',
  };
  return { ...record, ...overrides };
}

export function purchasingSupplier(overrides: Partial<Record<keyof PurchasingSupplierRecord, unknown>> = {}): Record<string, unknown> {
  const record: PurchasingSupplierRecord = {
    supplierId: 'SUP-77',
    legalName: 'ACME MEDICAL SUPPLY INC',
    dbaName: 'Acme Surgical',
    taxId: EIN_ACME_DIGITS,
    duns: '150483782',
    addresses: [
      { type: 'ORDERING', line1: '100 Main St.', line2: 'Ste 200', city: 'Springfield', region: 'IL', postalCode: '62704', country: 'US' },
      { type: 'REMIT_TO', line1: 'P.O. Box 9000', city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US' },
    ],
    paymentTerms: 'NET30',
    bankAccount: { accountNumber: ACCOUNT_1, routingNumber: ROUTING_CHASE },
    contact: { name: 'Dana Reyes', email: 'dana.reyes@acme-medical.example', phone: '+1 217 555 0101' },
    active: true,
    updatedAt: '2025-03-01T09:00:00Z',
  };
  return { ...record, ...overrides };
}
