import { failureHeaders, type ErrorCode } from '@procurelink/messaging';
import type { DeadLetterRow } from './dead-letter';

/** A dead letter as the runtime writes it: the original value and the failure headers of libs/messaging. */
export function deadLetter(overrides: Partial<DeadLetterRow> & { originalTopic?: string | null; value?: Buffer | null; errorMessage?: string } = {}): DeadLetterRow {
  const { originalTopic = 'source.ap.invoice.v1', errorMessage = 'lines[0].quantity: must be a decimal', ...row } = overrides;
  const errorCode = row.errorCode ?? 'INVALID_INPUT';
  const headers = failureHeaders({
    headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    origin: { topic: originalTopic ?? 'x', partition: 0, offset: '41', timestamp: '1700000000000' },
    group: 'procurelink.invoice-sync',
    failure: { code: errorCode as ErrorCode, retriable: false, message: errorMessage },
    attempts: 1,
    now: Date.parse('2026-01-05T10:00:00Z'),
  });
  if (originalTopic === null) delete headers['procurelink.original.topic'];
  return {
    id: 7,
    dltTopic: 'procurelink.invoice-sync.dlt',
    dltPartition: 0,
    dltOffset: '3',
    service: 'invoice-sync',
    consumerGroup: 'procurelink.invoice-sync',
    errorCode,
    recordKey: 'INV-1',
    value: Buffer.from(JSON.stringify({ invoiceId: 'INV-1', supplierId: 'SUP-1', total: '100.00' })),
    headers,
    status: 'OPEN',
    ...row,
  };
}
