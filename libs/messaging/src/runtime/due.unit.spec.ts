import { HEADERS } from '../headers/header-names';
import type { InboundRecord } from '../ports/records';
import { splitDue } from './due';

const record = (offset: string, dueAt?: number): InboundRecord => ({
  topic: 'g.retry.1',
  partition: 0,
  offset,
  timestamp: '0',
  key: null,
  value: null,
  headers: dueAt === undefined ? {} : ({ [HEADERS.dueAt]: String(dueAt) } as Record<string, string>),
});

describe('records waiting on a retry topic', () => {
  it('when some are due › runs those and waits for the first that is not', () => {
    const split = splitDue([record('1', 100), record('2', 200), record('3', 300)], 250);
    expect(split.due.map((r) => r.offset)).toEqual(['1', '2']);
    expect(split.waitUntil).toBe(300);
  });

  it('when all are due › runs them all', () => {
    expect(splitDue([record('1', 100), record('2')], 250)).toEqual({ due: [record('1', 100), record('2')] });
  });
});
