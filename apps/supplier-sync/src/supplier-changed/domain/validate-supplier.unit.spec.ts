import { parseErpVendorRecord } from './erp-vendor-record';
import { erpVendor, testTokeniser } from './supplier-records.fixture.spec';
import { toSnapshot } from './supplier-snapshot';
import { mergeSupplier, type MergedSupplier } from './survivorship';
import { validateMergedSupplier } from './validate-supplier';

function merged(): MergedSupplier {
  const parsed = parseErpVendorRecord(erpVendor());
  if (!parsed.ok) throw new Error('fixture');
  const lastRecord = toSnapshot(parsed.value, testTokeniser);
  return mergeSupplier({ erp: { lastRecord, pushed: null, statusEchoed: false }, purchasing: { lastRecord: null, pushed: null, statusEchoed: false } });
}

const codes = (supplier: MergedSupplier) => validateMergedSupplier(supplier).map((p) => `${p.path} ${p.code}`);

describe('validateMergedSupplier', () => {
  it('finds nothing wrong with a complete supplier', () => {
    expect(validateMergedSupplier(merged())).toEqual([]);
  });

  it('requires a remit-to address', () => {
    expect(codes({ ...merged(), remitTo: null })).toEqual(['remitTo MISSING']);
  });

  it('requires a tax id and payment terms', () => {
    expect(codes({ ...merged(), taxId: null, paymentTerms: null })).toEqual(['taxId MISSING', 'paymentTerms MISSING']);
  });

  it('requires a legal name with letters or digits', () => {
    expect(codes({ ...merged(), legalName: '-- . --' })).toEqual(['legalName MALFORMED']);
  });

  it('refuses a status outside the closed list', () => {
    expect(codes({ ...merged(), status: 'DELETED' as never })).toEqual(['status UNKNOWN_CODE']);
  });

  describe('bank details', () => {
    const bank = merged().bankAccount;
    if (bank === null) throw new Error('fixture has a bank account');

    it('accepts no bank account at all (paid by cheque)', () => {
      expect(codes({ ...merged(), bankAccount: null })).toEqual([]);
    });

    it('refuses a masked number that shows more than four characters', () => {
      expect(codes({ ...merged(), bankAccount: { ...bank, maskedNumber: '**567788' } })).toEqual(['bankAccount.maskedNumber MALFORMED']);
      expect(codes({ ...merged(), bankAccount: { ...bank, maskedNumber: '4455667788' } })).toEqual(['bankAccount.maskedNumber MALFORMED']);
    });

    it('refuses an empty token and an unsupported bank country', () => {
      expect(codes({ ...merged(), bankAccount: { ...bank, token: ' ', bankCountry: 'ZZ' } })).toEqual([
        'bankAccount.token MISSING',
        'bankAccount.bankCountry UNSUPPORTED',
      ]);
    });
  });
});
