import { envelopeFor, stableEventId } from './envelope';

describe('stableEventId', () => {
  it('gives the same id for the same parts and a different one when any part differs', () => {
    expect(stableEventId('erp', 'PMT-1', 'COMPLETED')).toBe(stableEventId('erp', 'PMT-1', 'COMPLETED'));
    expect(stableEventId('erp', 'PMT-1', 'COMPLETED')).not.toBe(stableEventId('erp', 'PMT-1', 'FAILED'));
  });

  it('does not confuse parts that concatenate to the same text', () => {
    expect(stableEventId('ab', 'c')).not.toBe(stableEventId('a', 'bc'));
  });

  it('never changes for the same parts: ids published earlier stay the ids of their events', () => {
    expect(stableEventId('PurchaseOrderApproved', 'purchasing', 'PO-1001', 3, 'approved')).toBe('06759c48-7bee-879b-86c9-938c96b565f4');
    expect(stableEventId('erp', 'PMT-1', 'COMPLETED')).toBe('18ce1b64-c32f-8fbe-b757-1faa6fdfbc7d');
  });

  it('has the shape of a version 8 UUID', () => {
    expect(stableEventId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('envelopeFor', () => {
  it('fills every envelope field and derives the event id from the event type and id parts', () => {
    const envelope = envelopeFor({
      eventType: 'PaymentCompleted',
      idParts: ['erp', 'PMT-1'],
      occurredAt: new Date('2026-01-02T03:04:05Z'),
      sourceSystem: 'erp',
      sourceRecordId: 'PMT-1',
      correlationId: 'PO-1',
      facilityId: 'FAC-1',
      tenant: 'north-health',
    });
    expect(envelope).toEqual({
      eventId: stableEventId('PaymentCompleted', 'erp', 'PMT-1'),
      eventType: 'PaymentCompleted',
      occurredAt: new Date('2026-01-02T03:04:05Z'),
      sourceSystem: 'erp',
      sourceRecordId: 'PMT-1',
      correlationId: 'PO-1',
      causationId: null,
      facilityId: 'FAC-1',
      tenant: 'north-health',
    });
  });
});
