import { Decimal } from '@procurelink/canonical-schemas';
import { ledgerAmount, moneyText } from './money-text';
import type { Finding, KindRules, TargetShare } from './reconcile-kind';
import type { LedgerPosting, SourceDocument } from './reconciliation-types';

/** The stage of an invoice ops knows as posted to the ERP (InvoicePosted seen). */
export const POSTED = 'POSTED';

/** True when ops has seen the invoice posted: the stage says so, or it carries the ERP document number. */
export const isPostedInvoice = (source: SourceDocument): boolean => source.stage === POSTED || source.erpDocument !== null;

/**
 * AP automation ↔ ERP invoices, per invoice: every invoice ops saw posted must be in the ERP once,
 * with the same amount, currency and document number; an ERP posting of an invoice ops has not
 * seen posted (or never saw at all) is a mismatch too.
 */
export const apInvoiceRules: KindRules = {
  kind: 'AP_INVOICE',
  docType: 'INVOICE',
  sourceAmount: (source) => source.amount ?? Decimal.zero(),
  targetShares: (postings) => sumByCurrency(postings),
  compare(source, postings) {
    const sourceMoney = source.amount === null ? null : moneyText(source.amount, source.currency);
    const latest = postings.at(-1);
    if (latest === undefined) {
      return [{ difference: 'MISSING_IN_TARGET', sourceValue: sourceMoney, targetValue: null, detail: `invoice ${source.docId} was posted per ops${source.erpDocument ? ` as ${source.erpDocument}` : ''}, but the ERP holds no AP invoice for it` }];
    }
    const findings: Finding[] = [];
    if (postings.length > 1) {
      findings.push({
        difference: 'DUPLICATE_IN_TARGET',
        sourceValue: '1 posting',
        targetValue: `${postings.length} postings: ${documents(postings)}`,
        detail: `the ERP posted invoice ${source.docId} ${postings.length} times`,
      });
    }
    const amount = ledgerAmount(latest.amount);
    if (source.currency !== null && latest.currency !== null && source.currency !== latest.currency) {
      findings.push({ difference: 'CURRENCY', sourceValue: source.currency, targetValue: latest.currency, detail: `invoice ${source.docId} is in ${latest.currency} in the ERP (${latest.documentNumber}), ${source.currency} per ops` });
    } else if (source.amount !== null && amount !== null && !amount.equals(source.amount)) {
      findings.push({
        difference: 'AMOUNT',
        sourceValue: sourceMoney,
        targetValue: moneyText(amount, latest.currency),
        detail: `invoice ${source.docId} is posted in the ERP (${latest.documentNumber}) at ${moneyText(amount, latest.currency)}, ops has ${sourceMoney}`,
      });
    }
    if (source.erpDocument !== null && !postings.some((posting) => posting.documentNumber === source.erpDocument)) {
      findings.push({ difference: 'DOCUMENT_NUMBER', sourceValue: source.erpDocument, targetValue: documents(postings), detail: `invoice ${source.docId} was posted as ${source.erpDocument} per ops; the ERP has it as ${documents(postings)}` });
    }
    return findings;
  },
  compareElsewhere(known, postings) {
    if (isPostedInvoice(known)) return null;
    return [{ difference: 'STATUS', sourceValue: known.stage, targetValue: `${POSTED} (${documents(postings)})`, detail: `the ERP posted invoice ${known.docId}, but ops has not seen it posted (stage ${known.stage})` }];
  },
};

function documents(postings: readonly LedgerPosting[]): string {
  return postings.map((posting) => posting.documentNumber).join(', ');
}

function sumByCurrency(postings: readonly LedgerPosting[]): TargetShare[] {
  const shares = new Map<string | null, { count: number; amount: Decimal }>();
  for (const posting of postings) {
    const share = shares.get(posting.currency) ?? { count: 0, amount: Decimal.zero() };
    shares.set(posting.currency, { count: share.count + 1, amount: share.amount.add(ledgerAmount(posting.amount) ?? Decimal.zero()) });
  }
  return [...shares].map(([currency, share]) => ({ currency, ...share }));
}
