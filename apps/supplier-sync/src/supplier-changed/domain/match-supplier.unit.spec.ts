import { decide, stored } from './decide-test-helpers.fixture.spec';
import { parsePurchasingSupplierRecord } from './purchasing-supplier-record';
import { parseErpVendorRecord } from './erp-vendor-record';
import { matchSupplier, type MatchOutcome } from './match-supplier';
import type { SupplierMaster } from './supplier-master';
import { EIN_OTHER, erpVendor, purchasingSupplier, testTokeniser } from './supplier-records.fixture.spec';
import { toSnapshot } from './supplier-snapshot';

const acme = stored(decide('erp', erpVendor()));
const withId = (master: SupplierMaster, supplierId: string): SupplierMaster => ({ ...master, supplierId });

function matchPurchasing(overrides: Record<string, unknown>, candidates: readonly SupplierMaster[]): MatchOutcome {
  const parsed = parsePurchasingSupplierRecord(purchasingSupplier(overrides));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return matchSupplier(toSnapshot(parsed.value, testTokeniser), candidates);
}

function matchErp(overrides: Record<string, unknown>, candidates: readonly SupplierMaster[]): MatchOutcome {
  const parsed = parseErpVendorRecord(erpVendor(overrides));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return matchSupplier(toSnapshot(parsed.value, testTokeniser), candidates);
}

const ruleOf = (outcome: MatchOutcome) => (outcome.kind === 'matched' ? [outcome.rule, outcome.confidence, outcome.master.supplierId] : outcome.kind);

describe('matchSupplier', () => {
  it('is new when there are no candidates', () => {
    expect(matchPurchasing({}, [])).toEqual({ kind: 'new' });
  });

  it('matches the supplier that already holds the record’s own id first', () => {
    expect(ruleOf(matchErp({ NAME1: 'Renamed Ltd', TAX_NUMBER: '11-1111111', DUNS: null }, [acme]))).toEqual(['SOURCE_RECORD_ID', 1, acme.supplierId]);
  });

  it('matches by tax id, the strongest business key', () => {
    expect(ruleOf(matchPurchasing({ legalName: 'Totally Different LLC', duns: null }, [acme]))).toEqual(['TAX_ID', 0.99, acme.supplierId]);
  });

  it('matches by DUNS when the record carries no tax id', () => {
    expect(ruleOf(matchPurchasing({ taxId: null, legalName: 'Different Name' }, [acme]))).toEqual(['DUNS', 0.95, acme.supplierId]);
  });

  it('matches by normalised name and address when there is neither tax id nor DUNS', () => {
    const outcome = matchPurchasing(
      {
        taxId: null,
        duns: null,
        legalName: 'ACME Medical Supply LLC',
        addresses: [{ type: 'ORDERING', line1: '100 Main St., Suite 9', city: 'Springfield', postalCode: '62704-0001', country: 'US' }],
      },
      [acme],
    );
    expect(ruleOf(outcome)).toEqual(['NAME_AND_ADDRESS', 0.85, acme.supplierId]);
  });

  it('matches name and address against the remit-to address too', () => {
    const outcome = matchPurchasing(
      { taxId: null, duns: null, addresses: [{ type: 'ORDERING', line1: 'PO Box 9000', city: 'Chicago', postalCode: '60601', country: 'US' }] },
      [acme],
    );
    expect(ruleOf(outcome)).toEqual(['NAME_AND_ADDRESS', 0.85, acme.supplierId]);
  });

  describe('when identifiers contradict a weaker rule', () => {
    it('does not match by DUNS when both tax ids are present and differ', () => {
      expect(matchPurchasing({ taxId: EIN_OTHER }, [acme])).toEqual({ kind: 'new' });
    });

    it('does not match by name and address when both DUNS numbers are present and differ', () => {
      expect(matchPurchasing({ taxId: null, duns: '999999999' }, [acme])).toEqual({ kind: 'new' });
    });

    it('does not match by name alone when the address differs', () => {
      const other = [{ type: 'ORDERING', line1: '1 Other Rd', city: 'Springfield', postalCode: '62704', country: 'US' }];
      expect(matchPurchasing({ taxId: null, duns: null, addresses: other }, [acme])).toEqual({ kind: 'new' });
    });
  });

  describe('when an operator must decide', () => {
    it('is ambiguous when one rule finds two suppliers', () => {
      const outcome = matchPurchasing({ taxId: null }, [withId(acme, 'SUP-A'), withId(acme, 'SUP-B')]);
      expect(outcome).toEqual({
        kind: 'ambiguous',
        reason: 'MULTIPLE_CANDIDATES',
        candidates: [
          { supplierId: 'SUP-A', rule: 'DUNS' },
          { supplierId: 'SUP-B', rule: 'DUNS' },
        ],
      });
    });

    it('counts the same supplier returned twice by the lookup once', () => {
      expect(ruleOf(matchPurchasing({}, [acme, acme]))).toEqual(['TAX_ID', 0.99, acme.supplierId]);
    });

    it('is ambiguous when the system already holds the matched supplier under another record id', () => {
      expect(matchErp({ VENDOR_ID: 'V999' }, [acme])).toEqual({
        kind: 'ambiguous',
        reason: 'DUPLICATE_SOURCE_RECORD',
        candidates: [{ supplierId: acme.supplierId, rule: 'TAX_ID' }],
      });
    });
  });
});
