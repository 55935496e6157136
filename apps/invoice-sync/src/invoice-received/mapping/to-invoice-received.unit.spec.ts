import { Decimal } from '@procurelink/canonical-schemas';
import { parseApInvoiceRecord, type ApInvoiceRecord } from '../source';
import { apInvoiceJson } from './ap-invoice-fixture.fixture.spec';
import { correlationIdOf, rawApInvoiceEventId } from './source-identity';
import { toInvoiceReceived } from './to-invoice-received';

function record(overrides: Record<string, unknown> = {}): ApInvoiceRecord {
  const result = parseApInvoiceRecord(apInvoiceJson(overrides));
  if (!result.ok) throw new Error('fixture does not parse');
  return result.record;
}

describe('toInvoiceReceived', () => {
  it('maps the AP automation invoice to the canonical InvoiceReceived', () => {
    const event = toInvoiceReceived(record(), { tenant: 'demo-health' });
    expect(event).toMatchObject({
      invoiceId: 'APX-2026-000123',
      supplierId: 'SUP-MEDLINE',
      supplierInvoiceNumber: 'INV-55821',
      poNumber: 'PO-1001',
      invoiceDate: '2026-03-05',
      dueDate: '2026-04-04',
    });
    expect(event.envelope).toMatchObject({
      eventType: 'InvoiceReceived',
      occurredAt: new Date('2026-03-05T09:30:00Z'),
      sourceSystem: 'ap-automation',
      sourceRecordId: 'APX-2026-000123',
      facilityId: 'FAC-NORTH',
      tenant: 'demo-health',
      correlationId: correlationIdOf('PO-1001', 'APX-2026-000123'),
    });
    expect(event.totalAmount).toEqual({ amount: Decimal.parse('150.00'), currency: 'USD' });
    expect(event.taxAmount.amount.toString()).toBe('10.00');
    expect(event.subtotal.amount.toString()).toBe('140.00');
  });

  it('maps lines › PO line, money in the invoice currency, the GTIN as an item, freight without one', () => {
    const [gloves, freight] = toInvoiceReceived(record(), { tenant: 't' }).lines;
    expect(gloves).toMatchObject({ lineNumber: 1, poLineNumber: 1, description: 'Nitrile gloves, M' });
    expect(gloves?.item).toMatchObject({ gtin: '00812345678905', unitOfMeasure: 'BX' });
    expect(gloves?.unitPrice).toEqual({ amount: Decimal.parse('12.50'), currency: 'USD' });
    expect(gloves?.taxAmount?.amount.toString()).toBe('10.00');
    expect(freight).toMatchObject({ poLineNumber: null, item: null, taxAmount: null });
  });

  it('the same record twice › the same event id; another invoice › another', () => {
    const a = toInvoiceReceived(record(), { tenant: 't' }).envelope.eventId;
    expect(toInvoiceReceived(record(), { tenant: 't' }).envelope.eventId).toBe(a);
    expect(toInvoiceReceived(record({ invoiceId: 'APX-2' }), { tenant: 't' }).envelope.eventId).not.toBe(a);
  });

  it('a non-PO invoice › a correlation id of its own', () => {
    const event = toInvoiceReceived(record({ poNumber: null }), { tenant: 't' });
    expect(event.envelope.correlationId).toBe(correlationIdOf(null, 'APX-2026-000123'));
    expect(event.envelope.correlationId).not.toBe(correlationIdOf('PO-1001', 'APX-2026-000123'));
  });
});

describe('rawApInvoiceEventId', () => {
  it('is stable for a redelivered record and changes with its content', () => {
    const json = apInvoiceJson();
    expect(rawApInvoiceEventId(json)).toBe(rawApInvoiceEventId(apInvoiceJson()));
    expect(rawApInvoiceEventId(apInvoiceJson({ total: '151.00' }))).not.toBe(rawApInvoiceEventId(json));
  });

  it('is undefined without an invoice id', () => {
    expect(rawApInvoiceEventId({})).toBeUndefined();
    expect(rawApInvoiceEventId(null)).toBeUndefined();
  });
});
