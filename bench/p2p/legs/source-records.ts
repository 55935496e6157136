/**
 * Source records for leg (d), built from a JSON template so the load generator spends little CPU
 * per record: only the business identifiers change from one record to the next.
 */

const PO_TEMPLATE = {
  action: 'APPROVED',
  poNumber: '\u0000',
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
      item: { itemId: 'ITM-GLOVE-NITRILE-M', description: 'Nitrile exam gloves, M', gtin: '00812345678905', unitOfMeasure: 'BX' },
      quantity: '10',
      unitPrice: '12.50',
      lineAmount: '125.00',
      departmentId: 'DEP-NORTH-ICU',
      costCentre: 'CC-4100',
      glAccount: '6100',
      requestedDeliveryDate: '2026-03-10',
    },
  ],
};

const [poHead, poTail] = JSON.stringify(PO_TEMPLATE).split('\\u0000') as [string, string];

/** An APPROVED purchasing PO (one line: one ERP encumbrance) with this PO number. */
export function poRecordJson(poNumber: string, _seq: number): Buffer {
  return Buffer.from(`${poHead}${poNumber}${poTail}`);
}
