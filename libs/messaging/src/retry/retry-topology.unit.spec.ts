import { routeFailure, topologyTopics, validateTopology, type RetryTopology } from './retry-topology';

const topology: RetryTopology = { group: 'po-sync', sourceTopics: ['purchasing.po'], delaysMs: [1000, 5000] };
const retriable = { code: 'TARGET_UNAVAILABLE', retriable: true, message: 'ERP 503' } as const;
const invalid = { code: 'INVALID_INPUT', retriable: false, message: 'no PO number' } as const;

describe('the retry topology', () => {
  it('names one retry topic per delay and one dead-letter topic, after the group', () => {
    expect(topologyTopics(topology)).toEqual({ retry: ['po-sync.retry.1', 'po-sync.retry.2'], deadLetter: 'po-sync.dlt' });
  });

  it('when the first attempt fails with a retriable error › goes to retry.1, due after the first delay', () => {
    expect(routeFailure(topology, 1, retriable, 10_000)).toEqual({ kind: 'retry', topic: 'po-sync.retry.1', attempt: 2, dueAt: 11_000 });
  });

  it('when the second attempt fails › goes to retry.2 with the longer delay', () => {
    expect(routeFailure(topology, 2, retriable, 10_000)).toEqual({ kind: 'retry', topic: 'po-sync.retry.2', attempt: 3, dueAt: 15_000 });
  });

  it('when the retries are exhausted › goes to the dead-letter topic', () => {
    expect(routeFailure(topology, 3, retriable, 10_000)).toEqual({ kind: 'dead-letter', topic: 'po-sync.dlt', attempt: 3 });
  });

  it('when the input is invalid › goes to the dead-letter topic at once', () => {
    expect(routeFailure(topology, 1, invalid, 10_000)).toEqual({ kind: 'dead-letter', topic: 'po-sync.dlt', attempt: 1 });
  });

  it('when declared badly › says what is wrong', () => {
    expect(validateTopology({ group: 'po sync', sourceTopics: [], delaysMs: [5000, 1000] })).toEqual([
      'group "po sync" is not a valid topic prefix',
      'no source topics',
      'delay 2 is shorter than delay 1',
    ]);
  });
});
