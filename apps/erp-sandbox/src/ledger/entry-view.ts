import type { LedgerEntry } from '../domain/posting';

/** How an entry appears over HTTP: everything but the request fingerprint. */
export type EntryView = Omit<LedgerEntry, 'fingerprint'>;

export function entryView(entry: LedgerEntry): EntryView {
  return {
    sequence: entry.sequence,
    documentNumber: entry.documentNumber,
    kind: entry.kind,
    businessKey: entry.businessKey,
    subjectId: entry.subjectId,
    idempotencyKey: entry.idempotencyKey,
    acceptedAt: entry.acceptedAt,
    facilityId: entry.facilityId,
    currency: entry.currency,
    amount: entry.amount,
    direction: entry.direction,
    record: entry.record,
  };
}
