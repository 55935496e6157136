// Builders for purchase orders, receipts and reference data, shared by this folder's unit tests.
import { Decimal, type Envelope, type GoodsReceived, type Item, type Money, type PurchaseOrderLine, type ReceiptLine } from '@procurelink/canonical-schemas';
import type { PurchaseOrderRevisionEvent } from './purchase-order-event';
import { referenceDataFrom } from './reference-data';

export const PO_NUMBER = 'PO-4500012';

export const dec = (text: string): Decimal => Decimal.parse(text);
export const money = (amount: string, currency = 'USD'): Money => ({ amount: dec(amount), currency });

const envelope = (eventType: string): Envelope => ({
  eventId: `evt-${eventType}`,
  eventType,
  occurredAt: new Date('2025-06-02T09:00:00.000Z'),
  sourceSystem: 'purchasing',
  sourceRecordId: PO_NUMBER,
  correlationId: 'chain-1',
  causationId: null,
  facilityId: 'FAC-01',
  tenant: 'northwind-health',
});

/** Reference data as rows, as the caller would load them from a file. */
export const REFERENCE = referenceDataFrom({
  facilities: [
    { facilityId: 'FAC-01', active: true },
    { facilityId: 'FAC-02', active: true },
    { facilityId: 'FAC-OLD', active: false },
  ],
  departments: [
    { departmentId: 'D-ICU', facilityId: 'FAC-01', active: true },
    { departmentId: 'D-OR', facilityId: 'FAC-01', active: true },
    { departmentId: 'D-PHARM', facilityId: 'FAC-02', active: true },
    { departmentId: 'D-CLOSED', facilityId: 'FAC-01', active: false },
    { departmentId: 'D-OLDSITE', facilityId: 'FAC-OLD', active: true },
  ],
  costCentres: [
    { code: 'CC-410', active: true },
    { code: 'CC-420', active: true },
    { code: 'CC-999', active: false },
  ],
  glAccounts: [
    { accountNumber: '6000', active: true },
    { accountNumber: '6200', active: true },
    { accountNumber: '6100', active: false },
  ],
});

export const GLOVES: Item = {
  itemId: 'ITM-GLOVE-M',
  description: 'Nitrile exam gloves, medium',
  gtin: '00812345678905',
  unspsc: '42132203',
  manufacturerName: 'Acme Medical',
  manufacturerPartNumber: 'NG-M-100',
  supplierPartNumber: null,
  unitOfMeasure: 'BX',
};

export interface LineSpec {
  readonly quantity?: string;
  readonly unitPrice?: string;
  readonly lineAmount?: string;
  readonly currency?: string;
  readonly glAccount?: string;
  readonly costCentre?: string;
  readonly departmentId?: string;
  readonly departmentFacilityId?: string;
  readonly item?: Item;
}

/** A line whose amount is quantity × unit price unless given. */
export function line(lineNumber: number, spec: LineSpec = {}): PurchaseOrderLine {
  const quantity = dec(spec.quantity ?? '10');
  const unitPrice = dec(spec.unitPrice ?? '25.00');
  const currency = spec.currency ?? 'USD';
  const departmentId = spec.departmentId ?? 'D-ICU';
  return {
    lineNumber,
    item: spec.item ?? { ...GLOVES, itemId: `ITM-${lineNumber}`, gtin: null },
    quantity,
    unitPrice: { amount: unitPrice, currency },
    lineAmount: { amount: spec.lineAmount === undefined ? quantity.multiply(unitPrice).roundHalfEven(2) : dec(spec.lineAmount), currency },
    department: { departmentId, name: departmentId, facilityId: spec.departmentFacilityId ?? 'FAC-01' },
    costCentre: { code: spec.costCentre ?? 'CC-410', name: 'Critical care' },
    glAccount: { accountNumber: spec.glAccount ?? '6000', name: 'Medical supplies' },
    requestedDeliveryDate: null,
  };
}

function totalOf(lines: readonly PurchaseOrderLine[]): Money {
  const total = lines.reduce((sum, each) => sum.add(each.lineAmount.amount), Decimal.zero(2));
  return { amount: total, currency: lines[0]?.lineAmount.currency ?? 'USD' };
}

const shipTo = {
  facilityId: 'FAC-01',
  name: 'Springfield General',
  legalEntity: '1000',
  address: { line1: '1 Hospital Way', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
};

export function approved(revision: number, lines: readonly PurchaseOrderLine[], total = totalOf(lines)): Extract<PurchaseOrderRevisionEvent, { eventType: 'PurchaseOrderApproved' }> {
  return {
    eventType: 'PurchaseOrderApproved',
    value: {
      envelope: envelope('PurchaseOrderApproved'),
      poNumber: PO_NUMBER,
      revision,
      supplierId: 'SUP-ACME',
      orderDate: '2025-06-01',
      approvedAt: new Date('2025-06-02T08:00:00.000Z'),
      shipTo,
      lines,
      totalAmount: total,
    },
  };
}

export function changed(revision: number, lines: readonly PurchaseOrderLine[]): Extract<PurchaseOrderRevisionEvent, { eventType: 'PurchaseOrderChanged' }> {
  return {
    eventType: 'PurchaseOrderChanged',
    value: {
      envelope: envelope('PurchaseOrderChanged'),
      poNumber: PO_NUMBER,
      revision,
      supplierId: 'SUP-ACME',
      changeReason: 'quantity revised',
      shipTo,
      lines,
      totalAmount: totalOf(lines),
    },
  };
}

export function cancelled(revision: number) {
  return {
    envelope: envelope('PurchaseOrderCancelled'),
    poNumber: PO_NUMBER,
    revision,
    reason: 'no longer needed',
    cancelledAt: new Date('2025-06-10T08:00:00.000Z'),
  };
}

export function receiptLine(receiptLineNumber: number, poLineNumber: number, quantity: string, overrides: Partial<ReceiptLine> = {}): ReceiptLine {
  return {
    receiptLineNumber,
    poLineNumber,
    item: { ...GLOVES, itemId: `ITM-${poLineNumber}`, gtin: null },
    quantity: dec(quantity),
    lotNumber: null,
    expiryDate: null,
    serialNumber: null,
    udi: null,
    ...overrides,
  };
}

export function receipt(receiptId: string, lines: readonly ReceiptLine[], receivedAt = new Date('2025-06-12T15:30:00.000Z')): GoodsReceived {
  return {
    envelope: envelope('GoodsReceived'),
    poNumber: PO_NUMBER,
    receiptId,
    receivedAt,
    receivingLocation: 'Dock 2',
    lines,
  };
}
