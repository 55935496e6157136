import { earlier, usd } from './decision-fixtures.fixture.spec';
import { detectDuplicate, type DuplicateCandidate } from './duplicates';
import type { EarlierInvoice } from './lookups';

const candidate: DuplicateCandidate = {
  invoiceId: 'INV-5001',
  supplierId: 'SUP-1',
  invoiceNumber: 'inv-00123',
  invoiceDate: '2025-06-30',
  total: usd('185.0000'),
};
const WINDOW = { nearDuplicateWindowDays: 30 };
const check = (earlierInvoices: readonly EarlierInvoice[], options = WINDOW, of = candidate) => detectDuplicate(of, earlierInvoices, options);

describe('detectDuplicate', () => {
  it('with no earlier invoices › finds none', () => {
    expect(check([])).toEqual({ kind: 'none' });
  });

  describe('exact duplicates', () => {
    it('the same number in another spelling, the same amount and currency › exact, naming the earlier invoice', () => {
      expect(check([earlier('INV-4000', 'INV 123', '185.00')])).toEqual({ kind: 'exact', of: 'INV-4000' });
    });

    it('however far apart the invoice dates are › still exact', () => {
      expect(check([earlier('INV-4000', 'INV123', '185', { invoiceDate: '2023-01-01' })])).toEqual({ kind: 'exact', of: 'INV-4000' });
    });

    it('the same number but another amount › not a duplicate', () => {
      expect(check([earlier('INV-4000', 'INV123', '185.01')])).toEqual({ kind: 'none' });
    });

    it('the same number and amount in another currency › not a duplicate', () => {
      expect(check([{ ...earlier('INV-4000', 'INV123', '185'), total: usd('185', 'EUR') }])).toEqual({ kind: 'none' });
    });

    it('the same number and amount from another supplier › not a duplicate', () => {
      expect(check([earlier('INV-4000', 'INV123', '185', { supplierId: 'SUP-2' })])).toEqual({ kind: 'none' });
    });

    it('an earlier record of this same invoice id (a redelivery) › not a duplicate', () => {
      expect(check([earlier('INV-5001', 'INV123', '185')])).toEqual({ kind: 'none' });
    });

    it('several exact matches › names the one with the earliest invoice date', () => {
      const found = check([earlier('INV-4002', 'INV123', '185', { invoiceDate: '2025-06-10' }), earlier('INV-4001', 'INV0123', '185', { invoiceDate: '2025-05-10' })]);
      expect(found).toEqual({ kind: 'exact', of: 'INV-4001' });
    });

    it('an exact and an earlier near match › the exact one wins', () => {
      const found = check([earlier('INV-3000', 'INV132', '185', { invoiceDate: '2025-06-20' }), earlier('INV-4000', 'INV123', '185', { invoiceDate: '2025-06-25' })]);
      expect(found).toEqual({ kind: 'exact', of: 'INV-4000' });
    });
  });

  describe('near duplicates (same supplier and amount, dates within the window, similar numbers)', () => {
    it.each([
      ['digits transposed', 'INV-132', { rule: 'transposed-digits' }],
      ['a suffix added', 'INV-123-A', { rule: 'prefix' }],
      ['a prefix dropped', '123', { rule: 'suffix' }],
      ['one character mistyped', 'INV-124', { rule: 'edit-distance', distance: 1 }],
      ['one character missing', 'IN123', { rule: 'edit-distance', distance: 1 }],
    ])('a number with %s › near, saying why', (_, number, similarity) => {
      const found = check([earlier('INV-4000', number, '185.00', { invoiceDate: '2025-06-20' })]);
      expect(found).toMatchObject({ kind: 'near', of: 'INV-4000', why: { similarity, daysApart: 10 } });
    });

    it('reports the normalised numbers compared', () => {
      const found = check([earlier('INV-4000', 'inv 0132', '185', { invoiceDate: '2025-06-20' })]);
      expect(found.kind === 'near' && found.why.numbers).toEqual(['INV123', 'INV132']);
    });

    it('dated exactly the window apart › near', () => {
      expect(check([earlier('INV-4000', 'INV132', '185', { invoiceDate: '2025-05-31' })]).kind).toBe('near');
    });

    it('dated one day more than the window apart › none', () => {
      expect(check([earlier('INV-4000', 'INV132', '185', { invoiceDate: '2025-05-30' })]).kind).toBe('none');
    });

    it('dated after the candidate, within the window › near', () => {
      expect(check([earlier('INV-4000', 'INV132', '185', { invoiceDate: '2025-07-15' })]).kind).toBe('near');
    });

    it('with a configured window of 10 days › 11 days apart is none', () => {
      expect(check([earlier('INV-4000', 'INV132', '185', { invoiceDate: '2025-06-19' })], { nearDuplicateWindowDays: 10 }).kind).toBe('none');
      expect(check([earlier('INV-4000', 'INV132', '185', { invoiceDate: '2025-06-20' })], { nearDuplicateWindowDays: 10 }).kind).toBe('near');
    });

    it('a similar number with another amount › none', () => {
      expect(check([earlier('INV-4000', 'INV132', '185.01', { invoiceDate: '2025-06-20' })]).kind).toBe('none');
    });

    it('a similar number from another supplier › none', () => {
      expect(check([earlier('INV-4000', 'INV132', '185', { invoiceDate: '2025-06-20', supplierId: 'SUP-2' })]).kind).toBe('none');
    });

    it('a different number with the same amount › none', () => {
      expect(check([earlier('INV-4000', 'INV987', '185', { invoiceDate: '2025-06-20' })]).kind).toBe('none');
    });

    it('short numbers sharing too little › none', () => {
      const short = { ...candidate, invoiceNumber: '17' };
      expect(check([earlier('INV-4000', '42', '185', { invoiceDate: '2025-06-20' })], WINDOW, short).kind).toBe('none');
    });

    it('an earlier invoice with an unreadable date › is not a near duplicate', () => {
      expect(check([earlier('INV-4000', 'INV132', '185', { invoiceDate: '30/06/2025' })]).kind).toBe('none');
    });
  });
});
