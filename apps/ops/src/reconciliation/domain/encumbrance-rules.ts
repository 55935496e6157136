import { Decimal } from '@procurelink/canonical-schemas';
import { ledgerAmount, moneyText } from './money-text';
import type { Finding, KindRules, TargetShare } from './reconcile-kind';
import type { LedgerPosting, SourceDocument } from './reconciliation-types';

/**
 * Purchasing ↔ ERP encumbrances, per PO. What should stand encumbered is the PO's total as the
 * latest canonical event states it, or zero once it is cancelled (po-sync releases all that is
 * left on a cancel). The ERP's net is ENCUMBER minus RELIEVE and RELEASE over every posting of the PO.
 */
export const encumbranceRules: KindRules = {
  kind: 'ENCUMBRANCE',
  docType: 'PURCHASE_ORDER',
  sourceAmount: (source) => expectedEncumbrance(source) ?? Decimal.zero(),
  targetShares: (postings) => netByCurrency(postings).map(([currency, net]): TargetShare => ({ currency, count: 1, amount: net })),
  compare(source, postings) {
    const expected = expectedEncumbrance(source);
    const expectedText = expected === null ? null : moneyText(expected, source.currency);
    if (postings.length === 0) {
      if (expected !== null && expected.isZero()) return [];
      return [{ difference: 'MISSING_IN_TARGET', sourceValue: expectedText, targetValue: null, detail: `the ERP holds no encumbrance for PO ${source.docId} (${source.stage})` }];
    }
    const nets = netByCurrency(postings);
    const [only] = nets;
    if (nets.length > 1 || (source.currency !== null && only !== undefined && only[0] !== source.currency)) {
      const targetValue = nets.map(([currency, net]) => moneyText(net, currency)).join(' + ');
      return [{ difference: 'CURRENCY', sourceValue: expectedText, targetValue, detail: `PO ${source.docId} is encumbered in the ERP in another currency than ordered` }];
    }
    const net = only?.[1] ?? Decimal.zero();
    if (expected === null) return [];
    if (net.equals(expected)) return [];
    return [amountFinding(source, expected, net, only?.[0] ?? source.currency)];
  },
  compareElsewhere: () => null,
};

/** The PO total, zero when cancelled, null when ops does not know the amount. */
export function expectedEncumbrance(source: SourceDocument): Decimal | null {
  if (source.stage === 'CANCELLED') return Decimal.zero();
  return source.amount;
}

/** ENCUMBER adds, RELIEVE and RELEASE subtract; per currency, currencies in order of appearance. */
export function netByCurrency(postings: readonly LedgerPosting[]): Array<[string | null, Decimal]> {
  const nets = new Map<string | null, Decimal>();
  for (const posting of postings) {
    const amount = ledgerAmount(posting.amount) ?? Decimal.zero();
    const signed = posting.direction === 'ENCUMBER' ? amount : amount.negate();
    nets.set(posting.currency, (nets.get(posting.currency) ?? Decimal.zero()).add(signed));
  }
  return [...nets];
}

function amountFinding(source: SourceDocument, expected: Decimal, net: Decimal, currency: string | null): Finding {
  const gap = net.subtract(expected);
  return {
    difference: 'AMOUNT',
    sourceValue: moneyText(expected, source.currency),
    targetValue: moneyText(net, currency),
    detail: `PO ${source.docId} (${source.stage}) should stand encumbered at ${moneyText(expected, source.currency)}; the ERP's net encumbrance is ${gap.isNegative() ? 'short' : 'over'} by ${moneyText(gap.abs(), currency)}`,
  };
}
