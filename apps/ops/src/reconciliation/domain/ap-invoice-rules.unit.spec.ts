import { reconcileApInvoices } from './reconcile';
import { DAY, doc, input, posting } from './reconciliation.fixture.spec';

const posted = (invoiceId: string, fields = {}) => doc(invoiceId, { stage: 'POSTED', amount: '110.00', ...fields });
const apv = (invoiceId: string, fields = {}) => posting(invoiceId, { amount: '110.00', ...fields });

describe('reconciling AP automation with ERP invoices', () => {
  it('finds no mismatch when every posted invoice is in the ERP once with the same amount and document', () => {
    const erp = apv('INV-1');
    const result = reconcileApInvoices(input({ sources: [posted('INV-1', { erpDocument: erp.documentNumber })], postings: [erp] }));
    expect(result.mismatches).toEqual([]);
    expect(result.totals).toEqual([expect.objectContaining({ kind: 'AP_INVOICE', sourceCount: 1, targetCount: 1, mismatchCount: 0 })]);
    expect(result.totals[0]?.targetAmount.toString()).toBe('110.00');
  });

  it('names an invoice posted at another amount in the ERP', () => {
    const result = reconcileApInvoices(input({ sources: [posted('INV-1')], postings: [apv('INV-1', { amount: '90.00' })] }));
    expect(result.mismatches).toEqual([
      expect.objectContaining({ kind: 'AP_INVOICE', docType: 'INVOICE', docId: 'INV-1', day: DAY, difference: 'AMOUNT', sourceValue: '110.00 USD', targetValue: '90.00 USD' }),
    ]);
    expect(result.totals[0]?.targetAmount.toString()).toBe('90.00');
  });

  it('names a posted invoice the ERP lacks', () => {
    const result = reconcileApInvoices(input({ sources: [posted('INV-2', { erpDocument: 'APV-00000009' })] }));
    expect(result.mismatches).toEqual([expect.objectContaining({ docId: 'INV-2', difference: 'MISSING_IN_TARGET', sourceValue: '110.00 USD', targetValue: null })]);
    expect(result.mismatches[0]?.detail).toContain('APV-00000009');
  });

  it('names an invoice the ERP posted twice, and counts both postings in the totals', () => {
    const first = apv('INV-1');
    const second = apv('INV-1');
    const result = reconcileApInvoices(input({ sources: [posted('INV-1', { erpDocument: first.documentNumber })], postings: [first, second] }));
    expect(result.mismatches).toEqual([expect.objectContaining({ difference: 'DUPLICATE_IN_TARGET', sourceValue: '1 posting', targetValue: `2 postings: ${first.documentNumber}, ${second.documentNumber}` })]);
    expect(result.totals[0]).toMatchObject({ sourceCount: 1, targetCount: 2 });
    expect(result.totals[0]?.targetAmount.toString()).toBe('220.00');
  });

  it('names an invoice whose ERP document number is not the one ops was told', () => {
    const result = reconcileApInvoices(input({ sources: [posted('INV-1', { erpDocument: 'APV-00000001' })], postings: [apv('INV-1', { documentNumber: 'APV-00000002' })] }));
    expect(result.mismatches).toEqual([expect.objectContaining({ difference: 'DOCUMENT_NUMBER', sourceValue: 'APV-00000001', targetValue: 'APV-00000002' })]);
  });

  it('names an invoice in another currency', () => {
    const result = reconcileApInvoices(input({ sources: [posted('INV-1')], postings: [apv('INV-1', { currency: 'EUR' })] }));
    expect(result.mismatches).toEqual([expect.objectContaining({ difference: 'CURRENCY', sourceValue: 'USD', targetValue: 'EUR' })]);
  });

  it('names an ERP posting of an invoice ops never saw', () => {
    const result = reconcileApInvoices(input({ postings: [apv('INV-GHOST', { facilityId: null })] }));
    expect(result.mismatches).toEqual([expect.objectContaining({ docId: 'INV-GHOST', facilityId: null, difference: 'MISSING_IN_SOURCE', sourceValue: null })]);
  });

  it('names an ERP posting of an invoice ops knows but has not seen posted', () => {
    const matched = doc('INV-3', { stage: 'MATCHED' });
    const result = reconcileApInvoices(input({ postings: [apv('INV-3')], elsewhere: new Map([['INV-3', matched]]) }));
    expect(result.mismatches).toEqual([expect.objectContaining({ docId: 'INV-3', difference: 'STATUS', sourceValue: 'MATCHED' })]);
    expect(result.mismatches[0]?.targetValue).toMatch(/^POSTED \(DOC-/);
  });

  it('leaves to its own day an invoice ops saw posted on another day', () => {
    const earlier = posted('INV-4', { day: '2026-03-01' });
    const result = reconcileApInvoices(input({ postings: [apv('INV-4')], elsewhere: new Map([['INV-4', earlier]]) }));
    expect(result.mismatches).toEqual([]);
  });

  it('within a facility scope, ignores the other facilities', () => {
    const result = reconcileApInvoices(
      input({ scope: { day: DAY, facilityId: 'FAC-SOUTH' }, postings: [apv('INV-GHOST', { facilityId: 'FAC-NORTH' })] }),
    );
    expect(result.mismatches).toEqual([]);
  });
});
