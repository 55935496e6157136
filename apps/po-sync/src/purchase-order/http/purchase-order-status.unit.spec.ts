import { Decimal, type Item } from '@procurelink/canonical-schemas';
import type { PurchaseOrderLineState, PurchaseOrderState } from '../domain';
import { purchaseOrderStatus } from './purchase-order-status';

const d = (text: string) => Decimal.parse(text);
const item: Item = { itemId: 'ITM-1', description: 'Gloves', gtin: '00812345678905', unspsc: null, manufacturerName: null, manufacturerPartNumber: null, supplierPartNumber: null, unitOfMeasure: 'BX' };
const line = (lineNumber: number, ordered: string, received: string, encumbered: string): PurchaseOrderLineState => ({
  lineNumber,
  item,
  orderedQuantity: d(ordered),
  receivedQuantity: d(received),
  encumbered: d(encumbered),
  coding: { facilityId: 'FAC-NORTH', departmentId: 'DEP-NORTH-ICU', costCentre: 'CC-4100', glAccount: '6100', currency: 'USD' },
});
const state = (overrides: Partial<PurchaseOrderState>): PurchaseOrderState => ({
  poNumber: 'PO-1',
  supplierId: 'SUP-1',
  revision: 0,
  status: 'OPEN',
  lastRevisionEvent: 'APPROVED',
  lines: [line(1, '10', '4', '125.00'), line(2, '2', '0', '2900.00')],
  receiptIds: ['GR-1'],
  ...overrides,
});

describe('purchaseOrderStatus', () => {
  it('for an approved PO › shows the revision, each line ordered / received / encumbered as decimal strings, and the receipts', () => {
    expect(purchaseOrderStatus(state({}))).toEqual({
      poNumber: 'PO-1',
      supplierId: 'SUP-1',
      revision: 0,
      status: 'approved',
      lines: [
        { lineNumber: 1, itemId: 'ITM-1', gtin: '00812345678905', unitOfMeasure: 'BX', orderedQuantity: '10', receivedQuantity: '4', encumberedAmount: '125.00', currency: 'USD' },
        { lineNumber: 2, itemId: 'ITM-1', gtin: '00812345678905', unitOfMeasure: 'BX', orderedQuantity: '2', receivedQuantity: '0', encumberedAmount: '2900.00', currency: 'USD' },
      ],
      receipts: ['GR-1'],
    });
  });

  it('after a change › is changed; after a cancel › is cancelled whatever came before', () => {
    expect(purchaseOrderStatus(state({ revision: 1, lastRevisionEvent: 'CHANGED' })).status).toBe('changed');
    expect(purchaseOrderStatus(state({ revision: 2, status: 'CANCELLED', lastRevisionEvent: 'CHANGED' })).status).toBe('cancelled');
  });

  it('for a PO known only from its cancellation › is cancelled with no supplier and no lines', () => {
    const view = purchaseOrderStatus({ poNumber: 'PO-9', supplierId: null, revision: 3, status: 'CANCELLED', lines: [], receiptIds: [] });
    expect(view).toMatchObject({ poNumber: 'PO-9', supplierId: null, revision: 3, status: 'cancelled', lines: [], receipts: [] });
  });

  it('for a state stored before the last revision event was kept › approved at revision 0, changed after', () => {
    const { lastRevisionEvent: _omitted, ...legacy } = state({});
    expect(purchaseOrderStatus(legacy).status).toBe('approved');
    expect(purchaseOrderStatus({ ...legacy, revision: 4 }).status).toBe('changed');
  });
});
