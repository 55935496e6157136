import { HEADERS } from '../headers/header-names';
import type { InboundRecord } from '../ports/records';

/**
 * Records on a retry topic wait until they are due. Delays are equal within a retry level, so
 * due times rise along a partition: everything before the first record not yet due can run now.
 */
export function splitDue(records: readonly InboundRecord[], now: number): { due: InboundRecord[]; waitUntil?: number } {
  const index = records.findIndex((record) => Number(record.headers[HEADERS.dueAt] ?? 0) > now);
  if (index < 0) return { due: [...records] };
  return { due: records.slice(0, index), waitUntil: Number(records[index]?.headers[HEADERS.dueAt]) };
}
