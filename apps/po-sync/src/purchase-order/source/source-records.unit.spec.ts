import { parseInventoryReceiptRecord, parsePurchasingPoRecord } from '.';

const approved = {
  action: 'APPROVED',
  poNumber: 'PO-1001',
  revision: 0,
  occurredAt: '2026-03-01T10:00:00Z',
  supplierId: 'SUP-MEDLINE',
  orderDate: '2026-03-01',
  currency: 'USD',
  totalAmount: '125.00',
  shipTo: { facilityId: 'FAC-NORTH' },
  lines: [
    {
      lineNumber: 1,
      item: { itemId: 'ITM-GLOVE-NITRILE-M', description: 'Gloves', gtin: '00812345678905', unitOfMeasure: 'BX' },
      quantity: '10',
      unitPrice: '12.50',
      lineAmount: '125.00',
      departmentId: 'DEP-NORTH-ICU',
      costCentre: 'CC-4100',
      glAccount: '6100',
    },
  ],
};

const receipt = {
  receiptId: 'GR-1',
  poNumber: 'PO-1001',
  facilityId: 'FAC-NORTH',
  receivedAt: '2026-03-02T08:00:00Z',
  lines: [{ poLineNumber: 1, item: { gtin: '00812345678905', unitOfMeasure: 'BX' }, quantityReceived: '10', lotNumber: 'L-1', expiryDate: '2028-01-31' }],
};

describe('parsePurchasingPoRecord', () => {
  it('when an approval is complete › reads decimals exactly and defaults the line facility to the ship-to facility', () => {
    const result = parsePurchasingPoRecord(approved);
    if (!result.ok || result.record.action === 'CANCELLED') throw new Error(JSON.stringify(result));
    expect(result.record.totalAmount.toString()).toBe('125.00');
    expect(result.record.lines[0]).toMatchObject({ facilityId: 'FAC-NORTH', departmentId: 'DEP-NORTH-ICU' });
    expect(result.record.lines[0]?.unitPrice.toString()).toBe('12.50');
  });

  it('when money is a JSON number › refuses it at its path without echoing it', () => {
    const result = parsePurchasingPoRecord({ ...approved, totalAmount: 125.5, lines: [{ ...approved.lines[0], unitPrice: 12.5 }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(['totalAmount', 'lines[0].unitPrice']);
    expect(JSON.stringify(result.problems)).not.toContain('125.5');
  });

  it('when fields are missing or malformed › reports every one with its path', () => {
    const result = parsePurchasingPoRecord({ ...approved, poNumber: 'PO 1/2', revision: -1, currency: 'usd', lines: [{ lineNumber: 1, item: { unitOfMeasure: 'EA' } }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['poNumber', 'revision', 'currency', 'lines[0].item.itemId', 'lines[0].item.description', 'lines[0].quantity', 'lines[0].departmentId']),
    );
  });

  it('when the action is unknown › refuses the record', () => {
    const result = parsePurchasingPoRecord({ ...approved, action: 'CLOSED' });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['action']);
  });

  it('when a cancellation names only the PO and its revision › is enough', () => {
    const result = parsePurchasingPoRecord({ action: 'CANCELLED', poNumber: 'PO-1001', revision: 2, occurredAt: '2026-03-05T10:00:00Z' });
    expect(result).toMatchObject({ ok: true, record: { action: 'CANCELLED', revision: 2, reason: 'cancelled in purchasing' } });
  });

  it('when the record is not an object › says so', () => {
    expect(parsePurchasingPoRecord([1])).toEqual({ ok: false, problems: [{ path: '', message: 'the record must be a JSON object' }] });
  });
});

describe('parseInventoryReceiptRecord', () => {
  it('when a receipt is complete › numbers its lines and keeps lot, expiry, serial and UDI', () => {
    const result = parseInventoryReceiptRecord({ ...receipt, lines: [{ ...receipt.lines[0], serialNumber: 'SN-1', udi: '(01)00812345678905' }] });
    expect(result).toMatchObject({ ok: true, record: { lines: [{ receiptLineNumber: 1, poLineNumber: 1, lotNumber: 'L-1', expiryDate: '2028-01-31', serialNumber: 'SN-1' }] } });
  });

  it('when a return is received › keeps the negative quantity', () => {
    const result = parseInventoryReceiptRecord({ ...receipt, lines: [{ ...receipt.lines[0], quantityReceived: '-2' }] });
    expect(result.ok && result.record.lines[0]?.quantityReceived.toString()).toBe('-2');
  });

  it('when a quantity is a number, a date is malformed and the item has no identity › reports each path', () => {
    const result = parseInventoryReceiptRecord({ ...receipt, receivedAt: 'yesterday', lines: [{ poLineNumber: 1, item: { unitOfMeasure: 'BX' }, quantityReceived: 10, expiryDate: '31/01/2028' }] });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['receivedAt', 'lines[0].item.itemId', 'lines[0].quantityReceived', 'lines[0].expiryDate']);
  });
});
