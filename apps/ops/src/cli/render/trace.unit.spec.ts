import { renderTrace } from './trace';

const doc = (over: Record<string, unknown>) => ({
  chainId: 'PO-1001',
  poNumber: 'PO-1001',
  facilityId: null,
  supplierId: null,
  amount: null,
  currency: null,
  exception: null,
  erpDocument: null,
  traceId: null,
  events: [],
  ...over,
});

describe('document chains for people', () => {
  it('prints the chain ids, each document by type with stage, amount, trace id, exception and events', () => {
    const text = renderTrace({
      businessKey: 'PO-1001',
      chainIds: ['PO-1001'],
      traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'],
      purchaseOrders: [
        doc({
          docType: 'PURCHASE_ORDER',
          docId: 'PO-1001',
          stage: 'APPROVED',
          facilityId: 'F-01',
          supplierId: 'SUP-1',
          amount: '1200.5000',
          currency: 'USD',
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
          events: [{ eventId: 'e-1', eventType: 'PurchaseOrderApproved', occurredAt: '2025-03-01T08:00:00.000Z', recordedAt: 'x', sourceSystem: 'purchasing', traceId: '4bf92f35', topic: 'p2p.purchase-order.v1', partition: 0, offset: '7', summary: { lines: 2 } }],
        }),
      ],
      receipts: [],
      invoices: [doc({ docType: 'INVOICE', docId: 'INV-9', stage: 'EXCEPTION', exception: { reason: 'PRICE_VARIANCE', detail: 'line 1 +12%' } })],
      payments: [],
      suppliers: [],
      exceptions: [{ docType: 'INVOICE', docId: 'INV-9', reason: 'PRICE_VARIANCE', detail: 'line 1 +12%', stage: 'EXCEPTION' }],
      deadLetters: [{ id: '42', service: 'invoice-sync', errorCode: 'INVALID_INPUT', businessKey: 'INV-9', status: 'OPEN', lastFailureAt: null }],
    });
    expect(text).toMatch(/^Chain PO-1001\n\n {2}chain ids\s+PO-1001\n {2}trace ids\s+4bf92f3577b34da6a3ce929d0e0e4736/);
    expect(text).toContain('Purchase orders (1)\nPURCHASE_ORDER PO-1001  stage APPROVED  amount 1200.5000 USD  facility F-01  supplier SUP-1  trace 4bf92f3577b34da6a3ce929d0e0e4736');
    expect(text).toMatch(/ {2}OCCURRED AT\s+EVENT TYPE\s+SOURCE SYSTEM\s+TRACE ID\s+EVENT ID\n {2}2025-03-01 08:00:00Z\s+PurchaseOrderApproved\s+purchasing\s+4bf92f35\s+e-1\n/);
    expect(text).not.toMatch(/lines|p2p\.purchase-order\.v1/);
    expect(text).toContain('Invoices (1)\nINVOICE INV-9  stage EXCEPTION\n  exception: PRICE_VARIANCE — line 1 +12%\n  (no events)');
    expect(text).not.toContain('Receipts');
    expect(text).toMatch(/Exceptions \(1\)\n {2}DOC TYPE\s+DOC ID\s+REASON\s+DETAIL\s+STAGE\n {2}INVOICE\s+INV-9\s+PRICE_VARIANCE/);
    expect(text).toMatch(/Dead letters \(1\)\n {2}ID\s+SERVICE\s+ERROR CODE\s+BUSINESS KEY\s+STATUS\s+LAST FAILURE AT\n {2}42\s+invoice-sync\s+INVALID_INPUT\s+INV-9\s+OPEN\s+-/);
  });

  it('says when the chain has no documents yet', () => {
    expect(renderTrace({ businessKey: 'X', chainIds: [], traceIds: [], purchaseOrders: [] })).toBe('Chain X\n\n  chain ids  -\n  trace ids  -\n\nNo documents in this chain yet.');
  });
});
