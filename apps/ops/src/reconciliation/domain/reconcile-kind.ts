import { Decimal } from '@procurelink/canonical-schemas';
import type {
  Difference,
  KindInput,
  KindResult,
  LedgerPosting,
  Mismatch,
  ReconciliationKind,
  ReconciliationScope,
  ReconciliationTotals,
  SourceDocument,
} from './reconciliation-types';
import { utcDay } from './utc-day';

/** One difference found for a document, before it is placed in a facility and day. */
export interface Finding {
  readonly difference: Difference;
  readonly sourceValue: string | null;
  readonly targetValue: string | null;
  readonly detail: string;
}

/** What the ERP holds for one subject, as totals count it: per currency, a count and an amount. */
export interface TargetShare {
  readonly currency: string | null;
  readonly count: number;
  readonly amount: Decimal;
}

/** The rules of one kind of comparison; `reconcileKind` applies them to every document and posting. */
export interface KindRules {
  readonly kind: ReconciliationKind;
  readonly docType: string;
  /** What ops says the ERP should hold for the document: counted once, this amount. */
  sourceAmount(source: SourceDocument): Decimal;
  /** What the ERP's postings for one subject (oldest first, never empty) add to the totals. */
  targetShares(postings: readonly LedgerPosting[]): readonly TargetShare[];
  /** Differences between a document in scope and its postings (possibly none). */
  compare(source: SourceDocument, postings: readonly LedgerPosting[]): readonly Finding[];
  /**
   * Differences for postings of a document ops knows outside the source set; null when the
   * document simply belongs to another day or facility and is reconciled there.
   */
  compareElsewhere(known: SourceDocument, postings: readonly LedgerPosting[]): readonly Finding[] | null;
}

/**
 * Compares the documents in scope with their ERP postings, and reports postings in scope (accepted
 * on the day, for the facility) of documents ops does not know. Totals are per facility and
 * currency; every finding names the document.
 */
export function reconcileKind(rules: KindRules, input: KindInput): KindResult {
  const { scope } = input;
  const bySubject = groupBySubject(input.postings);
  const totals = new TotalsBuilder(rules.kind, scope.day);
  const mismatches: Mismatch[] = [];
  const place = (facilityId: string | null, docId: string, findings: readonly Finding[]): void => {
    for (const finding of findings) mismatches.push({ kind: rules.kind, facilityId, day: scope.day, docType: rules.docType, docId, ...finding });
    totals.mismatches(facilityId, findings.length);
  };

  const inScope = new Set<string>();
  for (const source of [...input.sources].sort(byDocId)) {
    inScope.add(source.docId);
    const postings = bySubject.get(source.docId) ?? [];
    totals.source(source.facilityId, source.currency, rules.sourceAmount(source));
    if (postings.length > 0) totals.target(source.facilityId, rules.targetShares(postings));
    place(source.facilityId, source.docId, rules.compare(source, postings));
  }

  for (const [subjectId, postings] of [...bySubject].sort(([a], [b]) => compareText(a, b))) {
    if (inScope.has(subjectId)) continue;
    const known = input.elsewhere.get(subjectId);
    const facilityId = known?.facilityId ?? postings.at(-1)?.facilityId ?? null;
    const postedInScope = postings.some((posting) => utcDay(posting.acceptedAt) === scope.day) && facilityMatches(scope, facilityId);
    const knownInScope = known !== undefined && known.day === scope.day && facilityMatches(scope, known.facilityId);
    if (!postedInScope && !knownInScope) continue;
    const findings = known === undefined ? [unknownToOps(rules, postings)] : rules.compareElsewhere(known, postings);
    if (findings === null || findings.length === 0) continue;
    totals.target(facilityId, rules.targetShares(postings));
    place(facilityId, subjectId, findings);
  }
  return { totals: totals.build(), mismatches };
}

function unknownToOps(rules: KindRules, postings: readonly LedgerPosting[]): Finding {
  const documents = postings.map((posting) => posting.documentNumber).join(', ');
  return {
    difference: 'MISSING_IN_SOURCE',
    sourceValue: null,
    targetValue: `${postings.length} posting${postings.length === 1 ? '' : 's'}: ${documents}`,
    detail: `the ERP holds ${rules.kind} postings (${documents}) for a ${rules.docType} ops never saw on the canonical topics`,
  };
}

function groupBySubject(postings: readonly LedgerPosting[]): Map<string, LedgerPosting[]> {
  const groups = new Map<string, LedgerPosting[]>();
  for (const posting of [...postings].sort((a, b) => a.sequence - b.sequence)) {
    const group = groups.get(posting.subjectId);
    if (group) group.push(posting);
    else groups.set(posting.subjectId, [posting]);
  }
  return groups;
}

function facilityMatches(scope: ReconciliationScope, facilityId: string | null): boolean {
  return scope.facilityId === null || scope.facilityId === facilityId;
}

const byDocId = (a: SourceDocument, b: SourceDocument): number => compareText(a.docId, b.docId);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Bucket {
  facilityId: string | null;
  currency: string | null;
  sourceCount: number;
  sourceAmount: Decimal;
  targetCount: number;
  targetAmount: Decimal;
  mismatchCount: number;
}

/** Totals per facility and currency; mismatches count against the facility's first bucket. */
class TotalsBuilder {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly kind: ReconciliationKind,
    private readonly day: string,
  ) {}

  source(facilityId: string | null, currency: string | null, amount: Decimal): void {
    const bucket = this.bucket(facilityId, currency);
    bucket.sourceCount += 1;
    bucket.sourceAmount = bucket.sourceAmount.add(amount);
  }

  target(facilityId: string | null, shares: readonly TargetShare[]): void {
    for (const share of shares) {
      const bucket = this.bucket(facilityId, share.currency);
      bucket.targetCount += share.count;
      bucket.targetAmount = bucket.targetAmount.add(share.amount);
    }
  }

  mismatches(facilityId: string | null, count: number): void {
    if (count === 0) return;
    const existing = [...this.buckets.values()].find((bucket) => bucket.facilityId === facilityId);
    (existing ?? this.bucket(facilityId, null)).mismatchCount += count;
  }

  build(): ReconciliationTotals[] {
    return [...this.buckets.values()]
      .sort((a, b) => compareText(a.facilityId ?? '', b.facilityId ?? '') || compareText(a.currency ?? '', b.currency ?? ''))
      .map((bucket) => ({ kind: this.kind, day: this.day, ...bucket }));
  }

  private bucket(facilityId: string | null, currency: string | null): Bucket {
    const key = JSON.stringify([facilityId, currency]);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { facilityId, currency, sourceCount: 0, sourceAmount: Decimal.zero(), targetCount: 0, targetAmount: Decimal.zero(), mismatchCount: 0 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
