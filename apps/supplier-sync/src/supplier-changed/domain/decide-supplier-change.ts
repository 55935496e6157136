import type { Supplier } from '@procurelink/canonical-schemas';
import { toCanonicalSupplier } from './canonical-supplier';
import { snapshotKeys, type SupplierKeys } from './lookup-keys';
import { matchSupplier, type AmbiguityReason, type MatchCandidate, type MatchRule } from './match-supplier';
import { parseSupplierRecord, type SupplierChangeInput } from './parse-supplier-record';
import { detectBankChange, placeHold } from './payment-hold';
import type { Problem } from './problem';
import { projectFor, systemHolds } from './projection';
import { SOURCE_SYSTEMS, type SourceSystem } from './source-system';
import { sameValue } from './stable-json';
import { SUPPLIER_BANK_DETAILS_CHANGED, SUPPLIER_SYNCED, type SupplierEventDraft } from './supplier-events';
import { NO_SYSTEM_STATE, type PaymentHold, type SupplierMaster, type SystemState } from './supplier-master';
import { toSnapshot, type SupplierSnapshot } from './supplier-snapshot';
import { mergeSupplier } from './survivorship';
import type { Tokeniser } from './tokeniser';
import { validateMergedSupplier } from './validate-supplier';

/** What the decision needs from outside: all passed in, nothing looked up here. */
export interface SupplierChangeDeps {
  readonly tokeniser: Tokeniser;
  /** The suppliers the repository found for the record's keys (see supplierLookupKeys). */
  readonly candidates: readonly SupplierMaster[];
  readonly now: Date;
  /** A new canonical supplier id, called only when the record matches no one. */
  readonly newSupplierId: () => string;
}

export type UnchangedReason =
  /** The same record was seen before (redelivery, replay, Idempotency-Key retry). */
  | 'REPLAY'
  /** The system already sent a newer version of this record; this one arrived late. */
  | 'STALE'
  /** The record is new but changes nothing to publish or push (e.g. an echo of our own push). */
  | 'NO_EFFECT';

export type SupplierChangeDecision =
  | {
      readonly kind: 'synced';
      readonly supplierId: string;
      /** How the record was linked; null for a new supplier. */
      readonly match: { readonly rule: MatchRule; readonly confidence: number } | null;
      readonly supplier: Supplier;
      /** The state to store (it replaces the previous one). */
      readonly master: SupplierMaster;
      /** The systems that lack the merged values and must receive them. */
      readonly pushTo: readonly SourceSystem[];
      /** SupplierSynced when the published supplier changed (always for a new one), then SupplierBankDetailsChanged on a bank change. */
      readonly events: readonly SupplierEventDraft[];
      /** Set when this change put (or kept) the supplier's payments on hold. */
      readonly hold: PaymentHold | null;
    }
  | { readonly kind: 'rejected'; readonly stage: 'PARSE' | 'VALIDATION'; readonly problems: readonly Problem[] }
  | { readonly kind: 'ambiguous'; readonly reason: AmbiguityReason; readonly candidates: readonly MatchCandidate[] }
  | {
      readonly kind: 'unchanged';
      readonly supplierId: string;
      readonly reason: UnchangedReason;
      /** Bookkeeping to store (the system's latest record) when there is any; nothing to publish or push. */
      readonly master: SupplierMaster | null;
    };

/** Parses and tokenises a record to give the keys the repository must look candidates up with. */
export function supplierLookupKeys(
  input: SupplierChangeInput,
  tokeniser: Tokeniser,
): { readonly kind: 'keys'; readonly keys: SupplierKeys } | { readonly kind: 'rejected'; readonly problems: readonly Problem[] } {
  const parsed = parseSupplierRecord(input);
  return parsed.ok ? { kind: 'keys', keys: snapshotKeys(toSnapshot(parsed.value, tokeniser)) } : { kind: 'rejected', problems: parsed.problems };
}

function receive(previous: SystemState, snapshot: SupplierSnapshot): SystemState {
  const echoesPush = previous.pushed !== null && previous.pushed.status === snapshot.status;
  const keepsEcho = previous.statusEchoed && previous.lastRecord?.status === snapshot.status;
  return { lastRecord: snapshot, pushed: null, statusEchoed: echoesPush || keepsEcho };
}

/**
 * Decides what one supplier record from a source system means: parse, normalise and tokenise,
 * match to a canonical supplier, merge by survivorship, validate, detect a bank-detail change
 * (payments held), and say which systems lack the result. Pure: returns data, never throws for
 * bad input.
 */
export function decideSupplierChange(input: SupplierChangeInput, deps: SupplierChangeDeps): SupplierChangeDecision {
  const parsed = parseSupplierRecord(input);
  if (!parsed.ok) return { kind: 'rejected', stage: 'PARSE', problems: parsed.problems };
  const snapshot = toSnapshot(parsed.value, deps.tokeniser);

  const match = matchSupplier(snapshot, deps.candidates);
  if (match.kind === 'ambiguous') return match;
  const previous = match.kind === 'matched' ? match.master : null;

  const before = previous?.systems[snapshot.source] ?? NO_SYSTEM_STATE;
  const last = before.lastRecord;
  if (previous !== null && last !== null && last.sourceRecordId === snapshot.sourceRecordId) {
    const supplierId = previous.supplierId;
    if (snapshot.changedAt.getTime() < last.changedAt.getTime()) return { kind: 'unchanged', supplierId, reason: 'STALE', master: null };
    if (sameValue(snapshot, last)) return { kind: 'unchanged', supplierId, reason: 'REPLAY', master: null };
  }

  const received = { ...(previous?.systems ?? { erp: NO_SYSTEM_STATE, purchasing: NO_SYSTEM_STATE }), [snapshot.source]: receive(before, snapshot) };
  const merged = mergeSupplier(received);
  const problems = validateMergedSupplier(merged);
  if (problems.length > 0) return { kind: 'rejected', stage: 'VALIDATION', problems };

  const supplierId = previous?.supplierId ?? deps.newSupplierId();
  const change = detectBankChange(previous, merged);
  const hold = change === null ? (previous?.hold ?? null) : placeHold(change, snapshot.source, deps.now);
  const supplier = toCanonicalSupplier(merged, hold);
  const pushTo = SOURCE_SYSTEMS.filter((system) => !systemHolds(system, received[system], merged));
  const systems = Object.fromEntries(
    SOURCE_SYSTEMS.map((system) => [system, pushTo.includes(system) ? { ...received[system], pushed: projectFor(system, merged) } : received[system]]),
  ) as Record<SourceSystem, SystemState>;
  const published = previous === null || !sameValue(supplier, previous.supplier);

  const master: SupplierMaster = {
    supplierId,
    revision: (previous?.revision ?? 0) + (published ? 1 : 0),
    supplier,
    contact: merged.contact,
    systems,
    hold,
    lastHoldRelease: previous?.lastHoldRelease ?? null,
    updatedAt: deps.now,
  };
  if (!published && pushTo.length === 0 && sameValue(merged.contact, previous?.contact)) {
    return { kind: 'unchanged', supplierId, reason: 'NO_EFFECT', master };
  }

  const events: SupplierEventDraft[] = published ? [{ eventType: SUPPLIER_SYNCED, supplierId, supplier }] : [];
  if (change !== null) {
    events.push({ eventType: SUPPLIER_BANK_DETAILS_CHANGED, supplierId, ...change, paymentsHeld: true });
  }
  return {
    kind: 'synced',
    supplierId,
    match: match.kind === 'matched' ? { rule: match.rule, confidence: match.confidence } : null,
    supplier,
    master,
    pushTo,
    events,
    hold,
  };
}
