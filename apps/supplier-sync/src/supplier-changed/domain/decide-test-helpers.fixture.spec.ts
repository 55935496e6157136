// Helpers for the decision specs: run a record through decideSupplierChange with a fixed clock
// and ids, and keep the stored state the way the repository would.
import { decideSupplierChange, type SupplierChangeDecision } from './decide-supplier-change';
import type { SourceSystem } from './source-system';
import type { SupplierMaster } from './supplier-master';
import { testTokeniser } from './supplier-records.fixture.spec';

export const NOW = new Date('2025-03-02T08:00:00Z');

export function decide(source: SourceSystem, record: unknown, candidates: readonly SupplierMaster[] = [], now = NOW): SupplierChangeDecision {
  let next = 0;
  return decideSupplierChange({ source, record }, { tokeniser: testTokeniser, candidates, now, newSupplierId: () => `SUP-NEW-${++next}` });
}

export function synced(decision: SupplierChangeDecision): Extract<SupplierChangeDecision, { kind: 'synced' }> {
  if (decision.kind !== 'synced') throw new Error(`expected a synced decision, got ${JSON.stringify(decision)}`);
  return decision;
}

/** The state after a decision, as the repository would store it. */
export function stored(decision: SupplierChangeDecision): SupplierMaster {
  if ((decision.kind === 'synced' || decision.kind === 'unchanged') && decision.master !== null) return decision.master;
  throw new Error(`the decision left no state to store: ${JSON.stringify(decision)}`);
}
