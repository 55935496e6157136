import { parseErpVendorRecord } from './erp-vendor-record';
import { formatProblem, type Parsed } from './problem';
import type { ParsedSupplierRecord } from './parsed-supplier-record';
import { ACCOUNT_1, EIN_ACME_DIGITS, erpVendor, IBAN_DE, ROUTING_CHASE } from './supplier-records.fixture.spec';

function problemsOf(result: Parsed<ParsedSupplierRecord>): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('parseErpVendorRecord', () => {
  describe('when the record is valid', () => {
    it('gives the record in the common parsed form', () => {
      const result = parseErpVendorRecord(erpVendor());
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value).toMatchObject({
        source: 'erp',
        sourceRecordId: 'V100234',
        legalName: 'Acme Medical Supply, Inc.',
        tradingName: 'Acme Surgical',
        taxId: { value: EIN_ACME_DIGITS, issuingCountry: 'US' },
        dunsNumber: '150483782',
        status: 'ACTIVE',
        orderingAddresses: [{ line1: '100 Main Street', line2: 'Suite 200', city: 'Springfield', region: 'IL', postalCode: '62704', country: 'US' }],
        remitTo: { line1: 'PO Box 9000', city: 'Chicago', postalCode: '60601-1234', country: 'US' },
        bank: { kind: 'US_ACCOUNT', routingNumber: ROUTING_CHASE, accountNumber: ACCOUNT_1, country: 'US' },
        contact: { name: null, email: 'ar@acme-medical.example', phone: '+1 217 555 0100' },
        changedAt: new Date('2025-03-01T10:00:00Z'),
      });
      expect(result.value.paymentTerms?.code).toBe('2/10NET30');
    });

    it.each([
      ['A', 'ACTIVE'],
      ['I', 'INACTIVE'],
      ['B', 'BLOCKED'],
      ['b', 'BLOCKED'],
    ])("maps STATUS '%s' to %s", (code, status) => {
      const result = parseErpVendorRecord(erpVendor({ STATUS: code }));
      expect(result.ok && result.value.status).toBe(status);
    });

    it('accepts an IBAN instead of a US account', () => {
      const result = parseErpVendorRecord(erpVendor({ BANK: { IBAN: 'DE89 3704 0044 0532 0130 00' } }));
      expect(result.ok && result.value.bank).toEqual({ kind: 'IBAN', iban: IBAN_DE, country: 'DE' });
    });

    it('accepts a record without optional blocks', () => {
      const result = parseErpVendorRecord(erpVendor({ NAME2: null, DUNS: undefined, REMIT_TO: null, BANK: null, PAYMENT_TERMS: '  ', EMAIL: null }));
      expect(result.ok).toBe(true);
      expect(result.ok && [result.value.remitTo, result.value.bank, result.value.paymentTerms, result.value.dunsNumber]).toEqual([null, null, null, null]);
    });

    it('takes the tax country from TAX_COUNTRY when given', () => {
      const result = parseErpVendorRecord(erpVendor({ TAX_NUMBER: 'DE 123 456 789', TAX_COUNTRY: 'de' }));
      expect(result.ok && result.value.taxId).toEqual({ value: 'DE123456789', issuingCountry: 'DE' });
    });

    it('ignores unknown extra fields', () => {
      const result = parseErpVendorRecord(erpVendor({ ...({ ZZ_CUSTOM: { deep: [1, 2] } } as object) }));
      expect(result.ok).toBe(true);
      expect(JSON.stringify(result)).not.toContain('ZZ_CUSTOM');
    });
  });

  describe('when the record is invalid', () => {
    it('says the IBAN fails the mod-97 check, at BANK.IBAN', () => {
      expect(problemsOf(parseErpVendorRecord(erpVendor({ BANK: { IBAN: 'DE89370400440532013001' } })))).toEqual([
        'BANK.IBAN: fails the mod-97 check',
      ]);
    });

    it('says the routing number fails the ABA checksum, at BANK.ROUTING_NUMBER', () => {
      expect(problemsOf(parseErpVendorRecord(erpVendor({ BANK: { ACCOUNT_NUMBER: ACCOUNT_1, ROUTING_NUMBER: '021000022' } })))).toEqual([
        'BANK.ROUTING_NUMBER: fails the ABA 3-7-1 checksum',
      ]);
    });

    it('requires the routing number with an account number', () => {
      expect(problemsOf(parseErpVendorRecord(erpVendor({ BANK: { ACCOUNT_NUMBER: ACCOUNT_1 } })))).toEqual([
        'BANK.ROUTING_NUMBER: is required with ACCOUNT_NUMBER',
      ]);
    });

    it('refuses an IBAN together with an account number', () => {
      const result = parseErpVendorRecord(erpVendor({ BANK: { IBAN: IBAN_DE, ACCOUNT_NUMBER: ACCOUNT_1, ROUTING_NUMBER: ROUTING_CHASE } }));
      expect(result.ok ? [] : result.problems).toEqual([expect.objectContaining({ path: 'BANK', code: 'CONFLICT' })]);
    });

    it('refuses an empty BANK block', () => {
      expect(problemsOf(parseErpVendorRecord(erpVendor({ BANK: {} })))).toEqual([
        'BANK: needs IBAN, or ACCOUNT_NUMBER with ROUTING_NUMBER',
      ]);
    });

    it('reports every problem at once, each at its field path', () => {
      const result = parseErpVendorRecord(
        erpVendor({ VENDOR_ID: null, NAME1: 42, STATUS: 'X', LAST_CHANGED: '2025-02-30T10:00:00Z', DUNS: '123', REMIT_TO: 'PO Box 1', POSTAL_CODE: '6270' }),
      );
      expect(result.ok ? [] : result.problems.map((p) => [p.path, p.code])).toEqual([
        ['VENDOR_ID', 'MISSING'],
        ['NAME1', 'WRONG_TYPE'],
        ['POSTAL_CODE', 'MALFORMED'],
        ['DUNS', 'WRONG_LENGTH'],
        ['REMIT_TO', 'NOT_AN_OBJECT'],
        ['STATUS', 'UNKNOWN_CODE'],
        ['LAST_CHANGED', 'MALFORMED'],
      ]);
    });

    it('checks the remit-to block field by field', () => {
      expect(problemsOf(parseErpVendorRecord(erpVendor({ REMIT_TO: { STREET: 'PO Box 1', CITY: 'Chicago', COUNTRY: 'USA' } })))).toEqual([
        'REMIT_TO.POSTAL_CODE: is required',
        'REMIT_TO.COUNTRY: must be at most 2 characters',
      ]);
    });

    it('refuses a timestamp without a zone', () => {
      expect(problemsOf(parseErpVendorRecord(erpVendor({ LAST_CHANGED: '2025-03-01T10:00:00' })))).toEqual([
        'LAST_CHANGED: must be an ISO 8601 timestamp with a zone, e.g. 2025-03-01T10:15:00Z',
      ]);
    });

    it('refuses a US tax number that is not nine digits, without repeating it', () => {
      const result = parseErpVendorRecord(erpVendor({ TAX_NUMBER: '12-34567' }));
      expect(problemsOf(result)).toEqual(['TAX_NUMBER: must have 9 digits for a US tax id']);
    });

    it('refuses a record that is not an object', () => {
      expect(problemsOf(parseErpVendorRecord([erpVendor()]))).toEqual(['an ERP vendor record must be a JSON object, not a list']);
    });
  });
});
