import { masterKeys, snapshotKeys } from './lookup-keys';
import type { SupplierMaster } from './supplier-master';
import type { SupplierSnapshot } from './supplier-snapshot';

/** The rules that link a record to a supplier, strongest first. */
export const MATCH_RULES = ['SOURCE_RECORD_ID', 'TAX_ID', 'DUNS', 'NAME_AND_ADDRESS'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** How sure each rule is that two records are the same legal entity (0–1). */
export const MATCH_CONFIDENCE: Readonly<Record<MatchRule, number>> = {
  SOURCE_RECORD_ID: 1,
  TAX_ID: 0.99,
  DUNS: 0.95,
  NAME_AND_ADDRESS: 0.85,
};

/** Why an operator must decide instead of the service. */
export type AmbiguityReason =
  /** One rule links the record to two or more suppliers. */
  | 'MULTIPLE_CANDIDATES'
  /** The record's own id links it to one supplier, its tax id to another. */
  | 'CONFLICTING_RULES'
  /** The record matches a supplier that the same system already holds under another record id. */
  | 'DUPLICATE_SOURCE_RECORD';

export interface MatchCandidate {
  readonly supplierId: string;
  readonly rule: MatchRule;
}

export type MatchOutcome =
  | { readonly kind: 'matched'; readonly rule: MatchRule; readonly confidence: number; readonly master: SupplierMaster }
  | { readonly kind: 'new' }
  | { readonly kind: 'ambiguous'; readonly reason: AmbiguityReason; readonly candidates: readonly MatchCandidate[] };

function distinct(masters: readonly SupplierMaster[]): SupplierMaster[] {
  const seen = new Map<string, SupplierMaster>();
  for (const master of masters) if (!seen.has(master.supplierId)) seen.set(master.supplierId, master);
  return [...seen.values()];
}

function ambiguous(reason: AmbiguityReason, entries: readonly (readonly [SupplierMaster, MatchRule])[]): MatchOutcome {
  return { kind: 'ambiguous', reason, candidates: entries.map(([master, rule]) => ({ supplierId: master.supplierId, rule })) };
}

/**
 * Links an incoming record to one canonical supplier among the candidates the repository found.
 * Rules run strongest first and the first rule that finds anyone decides: exactly one supplier is
 * a match, more is ambiguous. DUNS and name + address never link records whose tax ids (or, for
 * name + address, DUNS numbers) are both present and differ.
 */
export function matchSupplier(snapshot: SupplierSnapshot, candidates: readonly SupplierMaster[]): MatchOutcome {
  const incoming = snapshotKeys(snapshot);
  const masters = distinct(candidates);
  const taxConflict = (master: SupplierMaster): boolean =>
    incoming.taxIdToken !== null && master.supplier.taxId.token !== incoming.taxIdToken;
  const dunsConflict = (master: SupplierMaster): boolean =>
    incoming.dunsNumber !== null && master.supplier.dunsNumber !== null && master.supplier.dunsNumber !== incoming.dunsNumber;

  const byRule: Record<MatchRule, SupplierMaster[]> = {
    SOURCE_RECORD_ID: masters.filter((master) => masterKeys(master).sourceRecords.some((key) => incoming.sourceRecords.includes(key))),
    TAX_ID: masters.filter((master) => incoming.taxIdToken !== null && master.supplier.taxId.token === incoming.taxIdToken),
    DUNS: masters.filter((master) => incoming.dunsNumber !== null && master.supplier.dunsNumber === incoming.dunsNumber && !taxConflict(master)),
    NAME_AND_ADDRESS: masters.filter(
      (master) =>
        !taxConflict(master) &&
        !dunsConflict(master) &&
        masterKeys(master).nameAndAddress.some((key) => incoming.nameAndAddress.includes(key)),
    ),
  };

  const [own] = byRule.SOURCE_RECORD_ID;
  const otherByTax = byRule.TAX_ID.find((master) => master.supplierId !== own?.supplierId);
  if (own !== undefined && byRule.SOURCE_RECORD_ID.length === 1 && otherByTax !== undefined) {
    return ambiguous('CONFLICTING_RULES', [
      [own, 'SOURCE_RECORD_ID'],
      [otherByTax, 'TAX_ID'],
    ]);
  }
  for (const rule of MATCH_RULES) {
    const found = byRule[rule];
    const [master] = found;
    if (master === undefined) continue;
    if (found.length > 1) return ambiguous('MULTIPLE_CANDIDATES', found.map((each) => [each, rule] as const));
    const held = master.systems[snapshot.source].lastRecord;
    if (rule !== 'SOURCE_RECORD_ID' && held !== null && held.sourceRecordId !== snapshot.sourceRecordId) {
      return ambiguous('DUPLICATE_SOURCE_RECORD', [[master, rule]]);
    }
    return { kind: 'matched', rule, confidence: MATCH_CONFIDENCE[rule], master };
  }
  return { kind: 'new' };
}

