import { Decimal } from '@procurelink/canonical-schemas';
import type { KindInput, LedgerPosting, SourceDocument } from './reconciliation-types';

// Builders for the domain specs (imported by *.unit.spec.ts only).
export const DAY = '2026-03-02';
let sequence = 0;

export function doc(docId: string, fields: Partial<Omit<SourceDocument, 'amount'>> & { amount?: string | null } = {}): SourceDocument {
  const { amount = '100.00', ...rest } = fields;
  return { docId, facilityId: 'FAC-NORTH', day: DAY, stage: 'APPROVED', currency: 'USD', erpDocument: null, ...rest, amount: amount === null ? null : Decimal.parse(amount) };
}

export function posting(subjectId: string, fields: Partial<LedgerPosting> = {}): LedgerPosting {
  sequence += 1;
  return {
    sequence,
    documentNumber: `DOC-${String(sequence).padStart(8, '0')}`,
    subjectId,
    acceptedAt: `${DAY}T10:00:00.000Z`,
    facilityId: 'FAC-NORTH',
    currency: 'USD',
    amount: '100.00',
    direction: null,
    record: {},
    ...fields,
  };
}

export function input(fields: Partial<KindInput> = {}): KindInput {
  return { scope: { day: DAY, facilityId: null }, sources: [], postings: [], elsewhere: new Map(), ...fields };
}
