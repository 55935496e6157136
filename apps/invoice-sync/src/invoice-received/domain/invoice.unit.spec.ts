import { Decimal, type InvoiceReceived, type Money } from '@procurelink/canonical-schemas';
import { decideInvoice } from './decide-invoice';
import { config, decisionInput, purchaseOrder, receipt } from './decision-fixtures.fixture.spec';
import { invoiceForDecision } from './invoice';

const money = (amount: string): Money => ({ amount: Decimal.parse(amount), currency: 'USD' });
const item = {
  itemId: 'ITM-1',
  description: 'Nitrile exam gloves, medium',
  gtin: '00812345678906',
  unspsc: '42132203',
  manufacturerName: null,
  manufacturerPartNumber: null,
  supplierPartNumber: null,
  unitOfMeasure: 'BX',
};

/** The canonical sample: gloves billed against PO line 1 and a credit for a damaged box. */
const received: InvoiceReceived = {
  envelope: {
    eventId: 'evt-1',
    eventType: 'InvoiceReceived',
    occurredAt: new Date('2025-06-06T09:30:00.000Z'),
    sourceSystem: 'ap-automation',
    sourceRecordId: 'CAP-1',
    correlationId: 'chain-7',
    causationId: null,
    facilityId: 'FAC-01',
    tenant: 'northwind-health',
  },
  invoiceId: 'INV-5001',
  supplierId: 'SUP-1',
  supplierInvoiceNumber: 'A-99812',
  poNumber: 'PO-1001',
  invoiceDate: '2025-06-06',
  dueDate: '2025-07-06',
  lines: [
    { lineNumber: 1, poLineNumber: 1, description: 'Nitrile exam gloves, medium', item, quantity: Decimal.parse('10'), unitPrice: money('8.4950'), lineAmount: money('84.95'), taxAmount: null },
    { lineNumber: 2, poLineNumber: null, description: 'Credit for damaged box', item: null, quantity: Decimal.parse('-1'), unitPrice: money('8.4950'), lineAmount: money('-8.495'), taxAmount: money('0') },
  ],
  subtotal: money('76.455'),
  taxAmount: money('0'),
  totalAmount: money('76.455'),
};

describe('invoiceForDecision', () => {
  const mapped = invoiceForDecision(received);

  it('takes the ids, number, dates and PO of the event', () => {
    expect(mapped).toMatchObject({
      invoiceId: 'INV-5001',
      supplierId: 'SUP-1',
      invoiceNumber: 'A-99812',
      invoiceDate: '2025-06-06',
      poNumber: 'PO-1001',
      total: money('76.455'),
    });
  });

  it('takes the facility and received-at time from the envelope', () => {
    expect(mapped.facilityId).toBe('FAC-01');
    expect(mapped.receivedAt).toEqual(new Date('2025-06-06T09:30:00.000Z'));
  });

  it('keeps each line with its PO line, GTIN, quantity and amounts', () => {
    expect(mapped.lines.map((l) => [l.lineNumber, l.poLineNumber, l.gtin, l.quantity.toString(), l.lineAmount.amount.toString()])).toEqual([
      [1, 1, '00812345678906', '10', '84.95'],
      [2, null, null, '-1', '-8.495'],
    ]);
  });

  it('gives an invoice the decision matches against its PO and receipt', () => {
    const po = purchaseOrder({ lines: [{ lineNumber: 1, quantity: Decimal.parse('10'), unitPrice: money('8.4950') }] });
    const { outcome } = decideInvoice(decisionInput({ invoice: mapped, purchaseOrder: po, receipts: [receipt('RCV-77', { 1: '10' })] }), {
      config: config(),
      now: new Date('2025-06-06T10:00:00.000Z'),
    });
    expect(outcome).toMatchObject({ kind: 'matched', receiptIds: ['RCV-77'], nonPoLineNumbers: [2] });
  });
});
