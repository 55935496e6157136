import { latestAcknowledgement } from './payment-status-rules';
import { reconcilePaymentStatuses } from './reconcile';
import { doc, input, posting } from './reconciliation.fixture.spec';

const ack = (paymentId: string, status: string, statusAt: string, fields = {}) => posting(paymentId, { amount: '500.00', record: { status, statusAt }, ...fields });
const payment = (paymentId: string, stage: string, fields = {}) => doc(paymentId, { stage, amount: '500.00', ...fields });

describe('reconciling ERP and purchasing payment statuses', () => {
  it('finds no mismatch when the ERP last acknowledged the status ops last saw', () => {
    const result = reconcilePaymentStatuses(
      input({ sources: [payment('PMT-1', 'COMPLETED')], postings: [ack('PMT-1', 'SCHEDULED', '2026-03-02T09:00:00Z'), ack('PMT-1', 'COMPLETED', '2026-03-02T14:00:00Z')] }),
    );
    expect(result.mismatches).toEqual([]);
    expect(result.totals).toEqual([expect.objectContaining({ kind: 'PAYMENT_STATUS', sourceCount: 1, targetCount: 1 })]);
  });

  it('names a payment whose latest acknowledged status differs', () => {
    const result = reconcilePaymentStatuses(input({ sources: [payment('PMT-1', 'FAILED')], postings: [ack('PMT-1', 'SCHEDULED', '2026-03-02T09:00:00Z')] }));
    expect(result.mismatches).toEqual([expect.objectContaining({ docType: 'PAYMENT', docId: 'PMT-1', difference: 'STATUS', sourceValue: 'FAILED', targetValue: 'SCHEDULED' })]);
  });

  it('takes the latest by status time, not by arrival', () => {
    const late = ack('PMT-1', 'SCHEDULED', '2026-03-02T09:00:00Z');
    const early = ack('PMT-1', 'COMPLETED', '2026-03-02T14:00:00Z', { sequence: 1 });
    expect(latestAcknowledgement([early, late]).record['status']).toBe('COMPLETED');
  });

  it('names a payment the ERP acknowledged nothing for', () => {
    const result = reconcilePaymentStatuses(input({ sources: [payment('PMT-2', 'SCHEDULED')] }));
    expect(result.mismatches).toEqual([expect.objectContaining({ docId: 'PMT-2', difference: 'MISSING_IN_TARGET', sourceValue: 'SCHEDULED', targetValue: null })]);
  });

  it('expects no acknowledgement for a payment ops holds in another stage (a hold, an exception)', () => {
    expect(reconcilePaymentStatuses(input({ sources: [payment('PMT-3', 'ON_HOLD')] })).mismatches).toEqual([]);
  });

  it('names a payment acknowledged at another amount', () => {
    const result = reconcilePaymentStatuses(input({ sources: [payment('PMT-1', 'SCHEDULED')], postings: [ack('PMT-1', 'SCHEDULED', '2026-03-02T09:00:00Z', { amount: '499.99' })] }));
    expect(result.mismatches).toEqual([expect.objectContaining({ difference: 'AMOUNT', sourceValue: '500.00 USD', targetValue: '499.99 USD' })]);
  });

  it('does not compare amounts when the acknowledgement carries none', () => {
    const result = reconcilePaymentStatuses(input({ sources: [payment('PMT-1', 'VOIDED')], postings: [ack('PMT-1', 'VOIDED', '2026-03-02T09:00:00Z', { amount: null, currency: null })] }));
    expect(result.mismatches).toEqual([]);
  });

  it('names acknowledgements of a payment ops never saw', () => {
    const result = reconcilePaymentStatuses(input({ postings: [ack('PMT-GHOST', 'SCHEDULED', '2026-03-02T09:00:00Z')] }));
    expect(result.mismatches).toEqual([expect.objectContaining({ docId: 'PMT-GHOST', difference: 'MISSING_IN_SOURCE' })]);
  });
});
