import type { DeadLetterRecord } from './dead-letter-views';
import { deadLetterDetail } from './dead-letter-detail';

const record: DeadLetterRecord = {
  id: '7', service: 'supplier-sync', errorCode: 'INVALID_INPUT', errorMessage: 'bank account 12345678 rejected', businessKey: 'SUP-1', supplierId: 'SUP-1', facilityId: null, status: 'OPEN',
  attempts: 1, firstFailureAt: '2026-03-09T10:00:00.000Z', lastFailureAt: '2026-03-09T10:00:00.000Z', originalTopic: 'source.erp.supplier.v1', dltTopic: 'procurelink.supplier-sync.dlt', dltPartition: 0,
  dltOffset: '4', traceId: null, recordedAt: '2026-03-09T10:00:01.000Z', consumerGroup: 'procurelink.supplier-sync', originalPartition: 2, originalOffset: '40', originalTimestamp: null, recordKey: 'SUP-1',
  value: Buffer.from('{"supplierId":"SUP-1","bankAccount":{"accountNumber":"12345678","iban":"DE89370400440532013000"},"TAX_NUMBER":"98-7654321"}'),
  headers: { 'procurelink.error.code': 'INVALID_INPUT', 'procurelink.replay.by': 'alice', 'procurelink.replay.count': '2', 'x-source-secret': 'abc' },
};

describe('showing a dead letter', () => {
  it('decodes JSON with bank account, IBAN and tax number masked, and never shows them in clear anywhere', () => {
    const detail = deadLetterDetail(record, { format: 'json', value: JSON.parse(String(record.value)) });
    expect(detail.value.decoded).toEqual({ supplierId: 'SUP-1', bankAccount: { accountNumber: '****5678', iban: '****3000' }, TAX_NUMBER: '****4321' });
    const text = JSON.stringify(detail);
    for (const clear of ['12345678', 'DE89370400440532013000', '98-7654321']) expect(text).not.toContain(clear);
  });

  it('gives the failure history: origin, code, attempts, times and replays', () => {
    const detail = deadLetterDetail(record, { format: 'json', value: {} });
    expect(detail.failure).toMatchObject({ consumerGroup: 'procurelink.supplier-sync', originalTopic: 'source.erp.supplier.v1', originalOffset: '40', errorCode: 'INVALID_INPUT', attempts: 1, replays: { by: 'alice', count: 2 } });
    expect(detail.headers['x-source-secret']).toBe('****');
  });

  it('an unreadable value › base64 and the note', () => {
    const detail = deadLetterDetail({ ...record, value: Buffer.from([1, 2, 3]) }, { format: 'bytes', note: 'not JSON or Avro (3 bytes)' });
    expect(detail.value).toEqual({ format: 'bytes', note: 'not JSON or Avro (3 bytes)', base64: 'AQID' });
  });
});
