import { projectDeadLetter, serviceOf, type RawDeadLetter } from './dead-letter-projection';

const now = new Date('2026-03-09T12:00:00Z');
const raw = (over: Partial<RawDeadLetter> = {}): RawDeadLetter => ({
  topic: 't1.procurelink.invoice-sync.dlt',
  partition: 1,
  offset: '17',
  timestamp: String(Date.UTC(2026, 2, 9, 11)),
  key: 'INV-9',
  value: Buffer.from('{"invoiceId":"INV-9","supplierId":"SUP-3","facilityId":"FAC-EAST"}'),
  headers: {
    'procurelink.consumer-group': 't1.procurelink.invoice-sync',
    'procurelink.original.topic': 't1.source.ap.invoice.v1',
    'procurelink.original.partition': '0',
    'procurelink.original.offset': '99',
    'procurelink.original.timestamp': String(Date.UTC(2026, 2, 9, 10)),
    'procurelink.error.code': 'INVALID_INPUT',
    'procurelink.error.message': 'bad bank account 123456789',
    'procurelink.error.attempts': '3',
    'procurelink.error.first-failure-at': '2026-03-09T10:00:01.000Z',
    'procurelink.error.last-failure-at': '2026-03-09T10:05:00.000Z',
    'procurelink.trace-id': 'abc123',
  },
  ...over,
});

describe('projecting a dead letter', () => {
  it('reads the service from the consumer group, the failure from the headers and the origin', () => {
    const row = projectDeadLetter(raw(), { format: 'json', value: { invoiceId: 'INV-9', supplierId: 'SUP-3', facilityId: 'FAC-EAST' } }, now);
    expect(row).toMatchObject({
      dltTopic: 't1.procurelink.invoice-sync.dlt', dltPartition: 1, dltOffset: '17', service: 'invoice-sync', consumerGroup: 't1.procurelink.invoice-sync',
      originalTopic: 't1.source.ap.invoice.v1', originalPartition: 0, originalOffset: '99', originalTimestamp: new Date(Date.UTC(2026, 2, 9, 10)),
      businessKey: 'INV-9', supplierId: 'SUP-3', facilityId: 'FAC-EAST', errorCode: 'INVALID_INPUT', attempts: 3,
      firstFailureAt: new Date('2026-03-09T10:00:01.000Z'), lastFailureAt: new Date('2026-03-09T10:05:00.000Z'), traceId: 'abc123', recordedAt: now,
    });
  });

  it('masks any long digit run left in the error message', () => {
    const row = projectDeadLetter(raw(), { format: 'bytes', note: 'x' }, now);
    expect(row.errorMessage).toBe('bad bank account ****6789');
    expect(JSON.stringify(row.headers)).not.toContain('123456789');
  });

  it('without a key › takes the business key from the value, nested envelope ids included', () => {
    const row = projectDeadLetter(raw({ key: null }), { format: 'avro', eventType: 'GoodsReceived', value: { receiptId: 'GR-4', poNumber: 'PO-4', envelope: { facilityId: 'FAC-W' } } }, now);
    expect(row).toMatchObject({ businessKey: 'GR-4', facilityId: 'FAC-W', supplierId: null });
  });

  it('when the value cannot be read › still stores the bytes, with no business facts', () => {
    const bytes = Buffer.from([0, 0, 0, 0, 9, 1, 2]);
    const row = projectDeadLetter(raw({ key: '', value: bytes, headers: {} }), { format: 'bytes', note: 'not JSON or Avro' }, now);
    expect(row).toMatchObject({ value: bytes, businessKey: null, service: 'invoice-sync', errorCode: 'UNKNOWN', lastFailureAt: new Date(Date.UTC(2026, 2, 9, 11)) });
  });

  it('names the service from the topic when the group header is missing', () => {
    expect(serviceOf(undefined, 'x.procurelink.po-sync.dlt')).toBe('po-sync');
    expect(serviceOf('x.procurelink.payment-status', 'whatever')).toBe('payment-status');
  });
});
