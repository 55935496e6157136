/** A valid AP automation invoice record (SOURCE.md), for the mapping and parser specs. */
export function apInvoiceJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    invoiceId: 'APX-2026-000123',
    supplierId: 'SUP-MEDLINE',
    supplierInvoiceNumber: 'INV-55821',
    invoiceDate: '2026-03-05',
    dueDate: '2026-04-04',
    facilityId: 'FAC-NORTH',
    poNumber: 'PO-1001',
    currency: 'USD',
    capturedAt: '2026-03-05T09:30:00Z',
    lines: [
      { lineNumber: 1, poLineNumber: 1, description: 'Nitrile gloves, M', gtin: '00812345678905', unitOfMeasure: 'BX', quantity: '10', unitPrice: '12.50', lineAmount: '125.00', taxAmount: '10.00' },
      { lineNumber: 2, poLineNumber: null, description: 'Freight', quantity: '1', unitPrice: '15.00', lineAmount: '15.00' },
    ],
    subtotal: '140.00',
    taxAmount: '10.00',
    total: '150.00',
    ...overrides,
  };
}
