import { reconcileEncumbrances } from './reconcile';
import { DAY, doc, input, posting } from './reconciliation.fixture.spec';

const encumber = (po: string, amount: string, fields = {}) => posting(po, { direction: 'ENCUMBER', amount, ...fields });
const relieve = (po: string, amount: string) => posting(po, { direction: 'RELIEVE', amount });
const release = (po: string, amount: string) => posting(po, { direction: 'RELEASE', amount });

describe('reconciling purchasing with ERP encumbrances', () => {
  describe('when the ERP net encumbrance equals the PO total', () => {
    it('finds no mismatch and totals both sides exactly', () => {
      const result = reconcileEncumbrances(
        input({
          sources: [doc('PO-1', { amount: '1250.50' }), doc('PO-2', { amount: '0.10', stage: 'CHANGED' })],
          postings: [encumber('PO-1', '1000.25'), encumber('PO-1', '250.25'), encumber('PO-2', '0.30'), relieve('PO-2', '0.20')],
        }),
      );
      expect(result.mismatches).toEqual([]);
      expect(result.totals).toHaveLength(1);
      const [totals] = result.totals;
      expect(totals).toMatchObject({ kind: 'ENCUMBRANCE', facilityId: 'FAC-NORTH', day: DAY, currency: 'USD', sourceCount: 2, targetCount: 2, mismatchCount: 0 });
      expect(totals?.sourceAmount.toString()).toBe('1250.60');
      expect(totals?.targetAmount.toString()).toBe('1250.60');
    });

    it('compares numerically (1250.5 equals 1250.5000)', () => {
      const result = reconcileEncumbrances(input({ sources: [doc('PO-1', { amount: '1250.5' })], postings: [encumber('PO-1', '1250.5000')] }));
      expect(result.mismatches).toEqual([]);
    });
  });

  describe('when a PO is cancelled', () => {
    it('expects the ERP to have released everything', () => {
      const result = reconcileEncumbrances(input({ sources: [doc('PO-1', { stage: 'CANCELLED', amount: '300.00' })], postings: [encumber('PO-1', '300.00'), release('PO-1', '300.00')] }));
      expect(result.mismatches).toEqual([]);
      expect(result.totals[0]?.sourceAmount.toString()).toBe('0');
    });

    it('names the PO whose encumbrance was not released', () => {
      const result = reconcileEncumbrances(input({ sources: [doc('PO-1', { stage: 'CANCELLED', amount: '300.00' })], postings: [encumber('PO-1', '300.00')] }));
      expect(result.mismatches).toEqual([expect.objectContaining({ docType: 'PURCHASE_ORDER', docId: 'PO-1', difference: 'AMOUNT', sourceValue: '0 USD', targetValue: '300.00 USD' })]);
      expect(result.mismatches[0]?.detail).toContain('over by 300.00 USD');
    });

    it('expects nothing in the ERP when it was cancelled before anything was posted', () => {
      expect(reconcileEncumbrances(input({ sources: [doc('PO-1', { stage: 'CANCELLED' })] })).mismatches).toEqual([]);
    });
  });

  describe('when the ERP differs', () => {
    it('names a PO the ERP holds no encumbrance for', () => {
      const result = reconcileEncumbrances(input({ sources: [doc('PO-9', { amount: '75.00' })] }));
      expect(result.mismatches).toEqual([
        expect.objectContaining({ kind: 'ENCUMBRANCE', facilityId: 'FAC-NORTH', day: DAY, docId: 'PO-9', difference: 'MISSING_IN_TARGET', sourceValue: '75.00 USD', targetValue: null }),
      ]);
      expect(result.totals[0]).toMatchObject({ sourceCount: 1, targetCount: 0, mismatchCount: 1 });
    });

    it('names a PO whose change was not relieved (short or over, by how much)', () => {
      const result = reconcileEncumbrances(input({ sources: [doc('PO-1', { amount: '80.00', stage: 'CHANGED' })], postings: [encumber('PO-1', '100.00')] }));
      expect(result.mismatches).toEqual([expect.objectContaining({ difference: 'AMOUNT', sourceValue: '80.00 USD', targetValue: '100.00 USD' })]);
      expect(result.mismatches[0]?.detail).toContain('over by 20.00 USD');
    });

    it('names a PO encumbered in another currency', () => {
      const result = reconcileEncumbrances(input({ sources: [doc('PO-1')], postings: [encumber('PO-1', '100.00', { currency: 'EUR' })] }));
      expect(result.mismatches).toEqual([expect.objectContaining({ difference: 'CURRENCY', sourceValue: '100.00 USD', targetValue: '100.00 EUR' })]);
    });

    it('names ERP encumbrances of a PO ops never saw, placed at the posting facility', () => {
      const result = reconcileEncumbrances(input({ postings: [encumber('PO-GHOST', '10.00', { facilityId: 'FAC-SOUTH' })] }));
      expect(result.mismatches).toEqual([expect.objectContaining({ docId: 'PO-GHOST', facilityId: 'FAC-SOUTH', difference: 'MISSING_IN_SOURCE', sourceValue: null })]);
      expect(result.totals).toEqual([expect.objectContaining({ facilityId: 'FAC-SOUTH', sourceCount: 0, targetCount: 1, mismatchCount: 1 })]);
    });

    it('leaves to their own day the postings of a PO ops knows from another day', () => {
      const known = doc('PO-OLD', { day: '2026-03-01' });
      const result = reconcileEncumbrances(input({ postings: [encumber('PO-OLD', '100.00')], elsewhere: new Map([['PO-OLD', known]]) }));
      expect(result).toEqual({ totals: [], mismatches: [] });
    });

    it('ignores unknown postings accepted on another day or at another facility than the scope', () => {
      const otherDay = encumber('PO-X', '1.00', { acceptedAt: '2026-03-01T23:59:59.999Z' });
      const otherFacility = encumber('PO-Y', '1.00', { facilityId: 'FAC-SOUTH' });
      const result = reconcileEncumbrances(input({ scope: { day: DAY, facilityId: 'FAC-NORTH' }, postings: [otherDay, otherFacility] }));
      expect(result.mismatches).toEqual([]);
    });
  });

  it('keeps totals apart per facility and currency', () => {
    const result = reconcileEncumbrances(
      input({
        sources: [doc('PO-1'), doc('PO-2', { facilityId: 'FAC-SOUTH' }), doc('PO-3', { currency: 'EUR' })],
        postings: [encumber('PO-1', '100.00'), encumber('PO-2', '100.00'), encumber('PO-3', '100.00', { currency: 'EUR' })],
      }),
    );
    expect(result.totals.map((t) => [t.facilityId, t.currency, t.sourceCount, t.targetCount])).toEqual([
      ['FAC-NORTH', 'EUR', 1, 1],
      ['FAC-NORTH', 'USD', 1, 1],
      ['FAC-SOUTH', 'USD', 1, 1],
    ]);
  });
});
