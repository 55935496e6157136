import { sourceStatus, STATUS_EVENT_TYPES } from './source-status';

describe('the status ops holds for a document', () => {
  it('follows the latest settling event when there is one', () => {
    expect(sourceStatus('EXCEPTION', 'PaymentFailed')).toBe('FAILED');
    expect(sourceStatus('ON_HOLD', 'PaymentScheduled')).toBe('SCHEDULED');
    expect(sourceStatus('APPROVED', 'PurchaseOrderCancelled')).toBe('CANCELLED');
    expect(sourceStatus('PAID', 'InvoicePosted')).toBe('POSTED');
  });

  it('is the stage otherwise', () => {
    expect(sourceStatus('MATCHED', null)).toBe('MATCHED');
    expect(sourceStatus('CHANGED', 'SomethingElse')).toBe('CHANGED');
  });

  it('names settling events for the three reconciled document types', () => {
    expect(Object.keys(STATUS_EVENT_TYPES).sort()).toEqual(['INVOICE', 'PAYMENT', 'PURCHASE_ORDER']);
  });
});
