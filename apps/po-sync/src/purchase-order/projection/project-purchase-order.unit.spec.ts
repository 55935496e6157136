import { Decimal, type Envelope, type GoodsReceived, type Item, type PurchaseOrderApproved, type PurchaseOrderCancelled, type PurchaseOrderLine } from '@procurelink/canonical-schemas';
import { decideGoodsReceipt, decidePurchaseOrderCancellation, decidePurchaseOrderRevision, referenceDataFrom, UNTRACKED, type PurchaseOrderState } from '../domain';
import { projectPurchaseOrder } from './project-purchase-order';
import { stateFromJson, stateToJson } from './state-json';

const d = (text: string) => Decimal.parse(text);
const envelope = { eventId: 'e', eventType: 'x', occurredAt: new Date(0), sourceSystem: 's', sourceRecordId: 'r', correlationId: 'c', causationId: null, facilityId: 'F1', tenant: 't' } satisfies Envelope;
const item: Item = { itemId: 'I1', description: 'Item', gtin: null, unspsc: null, manufacturerName: null, manufacturerPartNumber: null, supplierPartNumber: null, unitOfMeasure: 'EA' };
const reference = referenceDataFrom({
  facilities: [{ facilityId: 'F1', active: true }],
  departments: [{ departmentId: 'D1', facilityId: 'F1', active: true }],
  costCentres: [{ code: 'C1', active: true }],
  glAccounts: [{ accountNumber: '6100', active: true }],
});

function line(lineNumber: number, quantity: string, amount: string): PurchaseOrderLine {
  return {
    lineNumber,
    item: { ...item, itemId: `I${lineNumber}` },
    quantity: d(quantity),
    unitPrice: { amount: d(amount).divide(d(quantity), 4), currency: 'USD' },
    lineAmount: { amount: d(amount), currency: 'USD' },
    department: { departmentId: 'D1', name: 'D', facilityId: 'F1' },
    costCentre: { code: 'C1', name: 'C' },
    glAccount: { accountNumber: '6100', name: 'G' },
    requestedDeliveryDate: null,
  };
}

function approved(revision: number, lines: PurchaseOrderLine[]): PurchaseOrderApproved {
  const total = lines.reduce((sum, l) => sum.add(l.lineAmount.amount), Decimal.zero());
  return {
    envelope,
    poNumber: 'PO-1',
    revision,
    supplierId: 'S1',
    orderDate: '2026-03-01',
    approvedAt: new Date(0),
    shipTo: { facilityId: 'F1', name: 'F', legalEntity: 'E', address: { line1: 'l', line2: null, city: 'c', region: null, postalCode: 'p', country: 'US' } },
    lines,
    totalAmount: { amount: total, currency: 'USD' },
  };
}

const receipt = (receiptId: string, poLineNumber: number, quantity: string): GoodsReceived => ({
  envelope,
  poNumber: 'PO-1',
  receiptId,
  receivedAt: new Date('2026-03-02T00:00:00Z'),
  receivingLocation: null,
  lines: [{ receiptLineNumber: 1, poLineNumber, item: { ...item, itemId: `I${poLineNumber}` }, quantity: d(quantity), lotNumber: null, expiryDate: null, serialNumber: null, udi: null }],
});
const cancelled = (revision: number): PurchaseOrderCancelled => ({ envelope, poNumber: 'PO-1', revision, reason: 'r', cancelledAt: new Date(0) });
const rules = { overReceiptTolerancePercent: Decimal.zero(), minRemainingShelfLifeDays: 0 };

/** Decimals compared by value: the canonical topic carries them at scale 4. */
const plain = (state: PurchaseOrderState | null) => {
  if (state === null) return null;
  const scaled = (value: Decimal) => value.withScale(4).toString();
  return {
    ...stateToJson(state),
    lines: state.lines.map((l) => ({ ...l, orderedQuantity: scaled(l.orderedQuantity), receivedQuantity: scaled(l.receivedQuantity), encumbered: scaled(l.encumbered) })),
  };
};

describe('projectPurchaseOrder', () => {
  it('over a PO lifecycle › gives exactly the state the live decisions store', () => {
    const v0 = approved(0, [line(1, '10', '100.00'), line(2, '5', '50.00')]);
    const first = decidePurchaseOrderRevision(null, { eventType: 'PurchaseOrderApproved', value: v0 }, reference);
    if (first.kind !== 'posted') throw new Error(first.kind);
    const projected0 = projectPurchaseOrder(null, { eventType: 'PurchaseOrderApproved', value: v0 });
    expect(plain(projected0)).toEqual(plain(first.next));

    const r1 = receipt('GR-1', 1, '4');
    const accepted = decideGoodsReceipt(first.next, r1, { trackingOf: () => UNTRACKED, rules });
    if (accepted.kind !== 'accepted') throw new Error(accepted.kind);
    const projected1 = projectPurchaseOrder(projected0, { eventType: 'GoodsReceived', value: r1 });
    expect(plain(projected1)).toEqual(plain(accepted.next));

    const v1 = { ...approved(1, [line(1, '12', '120.00')]) };
    const changed = decidePurchaseOrderRevision(accepted.next, { eventType: 'PurchaseOrderChanged', value: { ...v1, changeReason: null } }, reference);
    if (changed.kind !== 'posted') throw new Error(changed.kind);
    const projected2 = projectPurchaseOrder(projected1, { eventType: 'PurchaseOrderChanged', value: { ...v1, changeReason: null } });
    expect(plain(projected2)).toEqual(plain(changed.next));
    expect(projected2?.lines[0]?.receivedQuantity.toString()).toBe('4');
    expect([projected0?.lastRevisionEvent, projected2?.lastRevisionEvent]).toEqual(['APPROVED', 'CHANGED']);

    const cancel = decidePurchaseOrderCancellation(changed.next, cancelled(1), new Map());
    if (cancel.kind !== 'posted') throw new Error(cancel.kind);
    expect(plain(projectPurchaseOrder(projected2, { eventType: 'PurchaseOrderCancelled', value: cancelled(1) }))).toEqual(plain(cancel.next));
  });

  it('when an event is older, repeated or after a cancel › leaves the state as it is', () => {
    const state = projectPurchaseOrder(null, { eventType: 'PurchaseOrderApproved', value: approved(2, [line(1, '1', '1.00')]) });
    expect(projectPurchaseOrder(state, { eventType: 'PurchaseOrderApproved', value: approved(1, [line(1, '9', '9.00')]) })).toBe(state);
    const received = projectPurchaseOrder(state, { eventType: 'GoodsReceived', value: receipt('GR-1', 1, '1') });
    expect(projectPurchaseOrder(received, { eventType: 'GoodsReceived', value: receipt('GR-1', 1, '1') })).toBe(received);
    const gone = projectPurchaseOrder(received, { eventType: 'PurchaseOrderCancelled', value: cancelled(2) });
    expect(projectPurchaseOrder(gone, { eventType: 'PurchaseOrderApproved', value: approved(3, [line(1, '2', '2.00')]) })).toBe(gone);
    expect(gone?.status).toBe('CANCELLED');
  });

  it('when a cancel comes for an unknown PO › leaves a tombstone; a receipt for an unknown PO changes nothing', () => {
    expect(projectPurchaseOrder(null, { eventType: 'PurchaseOrderCancelled', value: cancelled(0) })).toMatchObject({ status: 'CANCELLED', lines: [], supplierId: null });
    expect(projectPurchaseOrder(null, { eventType: 'GoodsReceived', value: receipt('GR-9', 1, '1') })).toBeNull();
  });

  it('stored as JSON › keeps decimals exact, as strings', () => {
    const state = projectPurchaseOrder(null, { eventType: 'PurchaseOrderApproved', value: approved(0, [line(1, '3', '0.30')]) }) as PurchaseOrderState;
    const json = stateToJson(state);
    expect(json.lines[0]?.encumbered).toBe('0.30');
    expect(stateFromJson(JSON.parse(JSON.stringify(json)))).toEqual(state);
  });
});
