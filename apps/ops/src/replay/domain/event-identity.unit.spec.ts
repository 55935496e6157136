import { stableEventId } from '@procurelink/canonical-schemas';
import { HEADERS } from '@procurelink/messaging';
import { deadLetter } from './dead-letter.fixture.spec';
import { documentEffectOf } from './document-effect';
import { eventIdSourceOf } from './event-identity';

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe('reading the event id a service claimed a dead letter under', () => {
  it('when the record carries a procurelink.event-id header › takes it', () => {
    const row = deadLetter();
    expect(eventIdSourceOf({ ...row, headers: { ...row.headers, [HEADERS.eventId]: 'api-ev-1' } })).toEqual({ kind: 'known', eventId: 'api-ev-1', from: 'header' });
  });

  it('when the value is Confluent Avro › asks for the envelope', () => {
    expect(eventIdSourceOf(deadLetter({ value: Buffer.from([0, 0, 0, 0, 7, 2, 4, 6]) }))).toEqual({ kind: 'envelope' });
  });

  it('when a purchasing PO record › derives it from PO number, revision and action as po-sync does', () => {
    const row = deadLetter({ originalTopic: 'acme.source.purchasing.purchase-order.v1', value: json({ poNumber: ' PO-1 ', revision: 2, action: 'APPROVED' }) });
    expect(eventIdSourceOf(row)).toEqual({ kind: 'known', eventId: stableEventId('purchasing', 'purchase-order', 'PO-1', 2, 'APPROVED'), from: 'source-rule' });
  });

  it('when an AP invoice record › derives it from invoice id and the whole record as invoice-sync does', () => {
    const value = { invoiceId: 'INV-1', total: '10.00' };
    expect(eventIdSourceOf(deadLetter({ value: json(value) }))).toMatchObject({ eventId: stableEventId('ap-automation', 'INV-1', JSON.stringify(value)) });
  });

  it('when an ERP payment record › derives it from payment id, status and the normalised time', () => {
    const row = deadLetter({ originalTopic: 'source.erp.payment.v1', value: json({ paymentId: 'PAY-1', status: 'COMPLETED', statusAt: '2026-01-05T10:00:00+01:00' }) });
    expect(eventIdSourceOf(row)).toMatchObject({ eventId: stableEventId('erp', 'payment', 'PAY-1', 'COMPLETED', '2026-01-05T09:00:00.000Z') });
  });

  it.each([
    ['not JSON', deadLetter({ value: Buffer.from('not json at all') }), /not a JSON object/],
    ['missing its identifying fields', deadLetter({ value: json({ supplierId: 'S' }) }), /lacks the fields/],
    ['from a topic without a rule', deadLetter({ originalTopic: 'some.other.v1' }), /no event-id rule/],
  ])('when the record is %s › has none, and says why', (_, row, why) => {
    const source = eventIdSourceOf(row);
    expect(source.kind).toBe('none');
    expect(source.kind === 'none' && source.why).toMatch(why);
  });
});

describe('the document effect a source record carries', () => {
  it('an AP invoice › the invoice POSTED', () => {
    expect(documentEffectOf(deadLetter())).toMatchObject({ docType: 'INVOICE', docId: 'INV-1', reachedAt: ['POSTED'] });
  });

  it('a PO cancellation › the PO CANCELLED; an approval › none (revisions are not in the document table)', () => {
    const topic = 'source.purchasing.purchase-order.v1';
    expect(documentEffectOf(deadLetter({ originalTopic: topic, value: json({ poNumber: 'PO-1', revision: 3, action: 'CANCELLED' }) }))).toMatchObject({ docType: 'PURCHASE_ORDER', reachedAt: ['CANCELLED'] });
    expect(documentEffectOf(deadLetter({ originalTopic: topic, value: json({ poNumber: 'PO-1', revision: 3, action: 'APPROVED' }) }))).toBeUndefined();
  });

  it('a payment schedule › overtaken by any outcome; an outcome › only by itself', () => {
    const topic = 'source.erp.payment.v1';
    expect(documentEffectOf(deadLetter({ originalTopic: topic, value: json({ paymentId: 'P', status: 'SCHEDULED' }) }))?.reachedAt).toEqual(['SCHEDULED', 'COMPLETED', 'FAILED', 'VOIDED']);
    expect(documentEffectOf(deadLetter({ originalTopic: topic, value: json({ paymentId: 'P', status: 'failed' }) }))?.reachedAt).toEqual(['FAILED']);
  });

  it('a goods receipt › the receipt RECEIVED; a supplier record › none', () => {
    expect(documentEffectOf(deadLetter({ originalTopic: 'source.inventory.goods-receipt.v1', value: json({ receiptId: 'GR-1' }) }))).toMatchObject({ docType: 'RECEIPT', docId: 'GR-1' });
    expect(documentEffectOf(deadLetter({ originalTopic: 'source.erp.vendor.v1', value: json({ VENDOR_ID: 'V1' }) }))).toBeUndefined();
  });
});
