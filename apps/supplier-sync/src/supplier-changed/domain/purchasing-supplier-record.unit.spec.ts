import { formatProblem, type Parsed } from './problem';
import type { ParsedSupplierRecord } from './parsed-supplier-record';
import { parsePurchasingSupplierRecord } from './purchasing-supplier-record';
import { ACCOUNT_1, EIN_ACME_DIGITS, IBAN_GB, purchasingSupplier, ROUTING_CHASE } from './supplier-records.fixture.spec';

function problemsOf(result: Parsed<ParsedSupplierRecord>): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

const ordering = { type: 'ORDERING', line1: '1 A St', city: 'Springfield', postalCode: '62704', country: 'US' };

describe('parsePurchasingSupplierRecord', () => {
  describe('when the record is valid', () => {
    it('gives the record in the common parsed form', () => {
      const result = parsePurchasingSupplierRecord(purchasingSupplier());
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value).toMatchObject({
        source: 'purchasing',
        sourceRecordId: 'SUP-77',
        legalName: 'ACME MEDICAL SUPPLY INC',
        tradingName: 'Acme Surgical',
        taxId: { value: EIN_ACME_DIGITS, issuingCountry: 'US' },
        dunsNumber: '150483782',
        status: 'ACTIVE',
        orderingAddresses: [{ line1: '100 Main St.', line2: 'Ste 200', postalCode: '62704' }],
        remitTo: { line1: 'P.O. Box 9000', postalCode: '60601' },
        bank: { kind: 'US_ACCOUNT', routingNumber: ROUTING_CHASE, accountNumber: ACCOUNT_1 },
        contact: { name: 'Dana Reyes', email: 'dana.reyes@acme-medical.example', phone: '+1 217 555 0101' },
        changedAt: new Date('2025-03-01T09:00:00Z'),
      });
      expect(result.value.paymentTerms?.netDays).toBe(30);
    });

    it('maps active false to INACTIVE', () => {
      const result = parsePurchasingSupplierRecord(purchasingSupplier({ active: false }));
      expect(result.ok && result.value.status).toBe('INACTIVE');
    });

    it('accepts a supplier without tax id, remit-to, bank or contact (the merge decides if that is enough)', () => {
      const result = parsePurchasingSupplierRecord(
        purchasingSupplier({ taxId: null, bankAccount: null, contact: null, duns: null, addresses: [ordering] }),
      );
      expect(result.ok).toBe(true);
      expect(result.ok && [result.value.taxId, result.value.remitTo, result.value.bank]).toEqual([null, null, null]);
    });

    it('reads an IBAN bank account', () => {
      const result = parsePurchasingSupplierRecord(purchasingSupplier({ bankAccount: { iban: IBAN_GB } }));
      expect(result.ok && result.value.bank).toEqual({ kind: 'IBAN', iban: IBAN_GB, country: 'GB' });
    });

    it('takes the tax id country from the first ordering address unless taxIdCountry says otherwise', () => {
      const gb = { ...ordering, postalCode: 'SW1A 1AA', country: 'GB' };
      const fromAddress = parsePurchasingSupplierRecord(purchasingSupplier({ addresses: [gb], taxId: 'GB123456789' }));
      expect(fromAddress.ok && fromAddress.value.taxId).toEqual({ value: 'GB123456789', issuingCountry: 'GB' });
      const explicit = parsePurchasingSupplierRecord(purchasingSupplier({ addresses: [gb], taxId: '12-3456789', taxIdCountry: 'US' }));
      expect(explicit.ok && explicit.value.taxId).toEqual({ value: EIN_ACME_DIGITS, issuingCountry: 'US' });
    });
  });

  describe('when the record is invalid', () => {
    it('says the IBAN fails the mod-97 check, at bankAccount.iban', () => {
      expect(problemsOf(parsePurchasingSupplierRecord(purchasingSupplier({ bankAccount: { iban: 'GB82WEST12345698765433' } })))).toEqual([
        'bankAccount.iban: fails the mod-97 check',
      ]);
    });

    it('points at the bad address by index', () => {
      const result = parsePurchasingSupplierRecord(purchasingSupplier({ addresses: [ordering, { ...ordering, type: 'BILLING', postalCode: 7 }] }));
      expect(problemsOf(result)).toEqual([
        "addresses[1].type: must be 'ORDERING' or 'REMIT_TO'",
        'addresses[1].postalCode: must be text, not a number',
      ]);
    });

    it('requires at least one ordering address', () => {
      expect(problemsOf(parsePurchasingSupplierRecord(purchasingSupplier({ addresses: [] })))).toEqual(['addresses: needs at least one ORDERING address']);
      expect(problemsOf(parsePurchasingSupplierRecord(purchasingSupplier({ addresses: undefined })))).toEqual([
        'addresses: needs at least one ORDERING address',
      ]);
    });

    it('refuses two remit-to addresses', () => {
      const remit = { ...ordering, type: 'REMIT_TO' };
      expect(problemsOf(parsePurchasingSupplierRecord(purchasingSupplier({ addresses: [ordering, remit, remit] })))).toEqual([
        'addresses: must hold at most one REMIT_TO address',
      ]);
    });

    it('refuses more than 20 addresses', () => {
      const result = parsePurchasingSupplierRecord(purchasingSupplier({ addresses: Array.from({ length: 21 }, () => ordering) }));
      expect(result.ok ? [] : result.problems).toEqual([expect.objectContaining({ path: 'addresses', code: 'TOO_LONG' })]);
    });

    it('requires active to be a boolean, not the text "true"', () => {
      expect(problemsOf(parsePurchasingSupplierRecord(purchasingSupplier({ active: 'true' })))).toEqual(['active: must be true or false, not a string']);
    });

    it('checks contact details', () => {
      expect(problemsOf(parsePurchasingSupplierRecord(purchasingSupplier({ contact: { email: 'not-an-email', phone: 'call me' } })))).toEqual([
        'contact.email: must be an e-mail address such as ap@supplier.example',
        'contact.phone: must be a phone number of digits, spaces, ( ) . - and an optional leading +',
      ]);
    });

    it('refuses an oversize legal name without repeating it', () => {
      const result = parsePurchasingSupplierRecord(purchasingSupplier({ legalName: 'X'.repeat(100_000) }));
      expect(problemsOf(result)).toEqual(['legalName: must be at most 140 characters']);
    });
  });
});
