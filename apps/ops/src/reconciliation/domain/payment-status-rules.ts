import { Decimal } from '@procurelink/canonical-schemas';
import { ledgerAmount, moneyText } from './money-text';
import type { Finding, KindRules } from './reconcile-kind';
import type { LedgerPosting } from './reconciliation-types';

/** The statuses a payment has in the ERP; ops' other stages (a hold, an exception) expect no acknowledgement. */
export const ERP_PAYMENT_STATUSES: ReadonlySet<string> = new Set(['SCHEDULED', 'COMPLETED', 'FAILED', 'VOIDED']);

/**
 * ERP ↔ purchasing payment statuses, per payment: the status ops last saw on the canonical topic
 * must be the status the ERP last acknowledged (latest by statusAt, then by sequence), with the
 * same amount when both carry one.
 */
export const paymentStatusRules: KindRules = {
  kind: 'PAYMENT_STATUS',
  docType: 'PAYMENT',
  sourceAmount: (source) => source.amount ?? Decimal.zero(),
  targetShares(postings) {
    const latest = latestAcknowledgement(postings);
    return [{ currency: latest.currency, count: 1, amount: ledgerAmount(latest.amount) ?? Decimal.zero() }];
  },
  compare(source, postings) {
    const expectsStatus = ERP_PAYMENT_STATUSES.has(source.stage);
    if (postings.length === 0) {
      if (!expectsStatus) return [];
      return [{ difference: 'MISSING_IN_TARGET', sourceValue: source.stage, targetValue: null, detail: `payment ${source.docId} is ${source.stage} per ops, but the ERP acknowledged no status for it` }];
    }
    const latest = latestAcknowledgement(postings);
    const status = statusOf(latest);
    const findings: Finding[] = [];
    if (expectsStatus && status !== source.stage) {
      findings.push({ difference: 'STATUS', sourceValue: source.stage, targetValue: status, detail: `payment ${source.docId} is ${source.stage} per ops; the ERP's latest acknowledged status is ${status ?? 'unknown'} (${latest.documentNumber})` });
    }
    const amount = ledgerAmount(latest.amount);
    if (source.amount !== null && amount !== null) {
      if (source.currency !== null && latest.currency !== null && source.currency !== latest.currency) {
        findings.push({ difference: 'CURRENCY', sourceValue: source.currency, targetValue: latest.currency, detail: `payment ${source.docId} is in ${latest.currency} in the ERP, ${source.currency} per ops` });
      } else if (!amount.equals(source.amount)) {
        findings.push({
          difference: 'AMOUNT',
          sourceValue: moneyText(source.amount, source.currency),
          targetValue: moneyText(amount, latest.currency),
          detail: `payment ${source.docId} is acknowledged in the ERP (${latest.documentNumber}) at ${moneyText(amount, latest.currency)}, ops has ${moneyText(source.amount, source.currency)}`,
        });
      }
    }
    return findings;
  },
  compareElsewhere: () => null,
};

/** The acknowledgement with the latest statusAt (ties and unreadable times: the later sequence). */
export function latestAcknowledgement(postings: readonly LedgerPosting[]): LedgerPosting {
  const [first, ...rest] = postings;
  if (first === undefined) throw new Error('latestAcknowledgement needs at least one posting');
  return rest.reduce((latest, posting) => {
    const a = statusTime(latest);
    const b = statusTime(posting);
    if (b > a || (b === a && posting.sequence > latest.sequence)) return posting;
    return latest;
  }, first);
}

function statusOf(posting: LedgerPosting): string | null {
  const status = posting.record['status'];
  return typeof status === 'string' ? status : null;
}

function statusTime(posting: LedgerPosting): number {
  const at = posting.record['statusAt'];
  const time = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
