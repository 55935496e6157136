import { failureHeaders } from './failure-headers';
import { HEADERS } from './header-names';

const origin = { topic: 'purchasing.po', partition: 2, offset: '41', timestamp: '1700000000000' };
const failure = { code: 'TARGET_UNAVAILABLE', retriable: true, message: 'ERP 503' } as const;

describe('headers of a failed record', () => {
  it('when a record fails the first time › records where it came from, why, when and which attempt comes next', () => {
    const headers = failureHeaders({
      headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      origin,
      group: 'po-sync',
      failure,
      attempts: 1,
      now: Date.UTC(2026, 10, 24),
      traceId: '0af7651916cd43dd8448eb211c80319c',
      dueAt: Date.UTC(2026, 10, 24) + 1000,
    });
    expect(headers).toMatchObject({
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      [HEADERS.originalTopic]: 'purchasing.po',
      [HEADERS.originalPartition]: '2',
      [HEADERS.originalOffset]: '41',
      [HEADERS.originalTimestamp]: '1700000000000',
      [HEADERS.consumerGroup]: 'po-sync',
      [HEADERS.errorCode]: 'TARGET_UNAVAILABLE',
      [HEADERS.errorMessage]: 'ERP 503',
      [HEADERS.attempts]: '1',
      [HEADERS.attempt]: '2',
      [HEADERS.firstFailureAt]: '2026-11-24T00:00:00.000Z',
      [HEADERS.traceId]: '0af7651916cd43dd8448eb211c80319c',
      [HEADERS.dueAt]: String(Date.UTC(2026, 10, 24) + 1000),
    });
  });

  it('when a retried record fails again › keeps its first origin and first-failure time', () => {
    const first = failureHeaders({ headers: {}, origin, group: 'po-sync', failure, attempts: 1, now: 1000, dueAt: 2000 });
    const again = failureHeaders({
      headers: first,
      origin: { topic: 'po-sync.retry.1', partition: 0, offset: '7', timestamp: '2000' },
      group: 'po-sync',
      failure,
      attempts: 2,
      now: 5000,
    });
    expect(again[HEADERS.originalTopic]).toBe('purchasing.po');
    expect(again[HEADERS.originalOffset]).toBe('41');
    expect(again[HEADERS.firstFailureAt]).toBe(new Date(1000).toISOString());
    expect(again[HEADERS.lastFailureAt]).toBe(new Date(5000).toISOString());
    expect(again[HEADERS.attempts]).toBe('2');
    expect(again[HEADERS.dueAt]).toBeUndefined();
  });
});
