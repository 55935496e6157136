import { parseDeadLetterFilter } from './dead-letter-filter';
import { parseDocType } from './doc-type-param';

describe('dead-letter filters', () => {
  it('reads every filter, the status in any case, and a default page of 50', () => {
    const parsed = parseDeadLetterFilter({ service: 'po-sync', errorCode: 'INVALID_INPUT', from: '2026-03-09T00:00:00Z', status: 'open', businessKey: 'PO-1', after: '120' });
    expect(parsed).toEqual({ ok: true, filter: { limit: 50, service: 'po-sync', errorCode: 'INVALID_INPUT', from: new Date('2026-03-09T00:00:00Z'), status: 'OPEN', businessKey: 'PO-1', after: '120' } });
  });

  it('reports every wrong parameter at once', () => {
    const parsed = parseDeadLetterFilter({ from: 'yesterday', status: 'GONE', limit: '0', after: 'x' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toEqual(['from', 'status', 'limit', 'after']);
  });
});

describe('document types in URLs', () => {
  it('accepts the column value and the API spelling', () => {
    expect(['PURCHASE_ORDER', 'purchase-orders', 'invoice', 'payments'].map(parseDocType)).toEqual(['PURCHASE_ORDER', 'PURCHASE_ORDER', 'INVOICE', 'PAYMENT']);
    expect(parseDocType('widgets')).toBeUndefined();
  });
});
