import type { CalendarDate, Money } from '@procurelink/canonical-schemas';
import { daysApart } from './calendar-date';
import { normaliseInvoiceNumber } from './invoice-number';
import type { EarlierInvoice } from './lookups';
import { similarity, type NumberSimilarity } from './number-similarity';

/** The invoice being checked, in the terms the duplicate check compares. */
export interface DuplicateCandidate {
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly invoiceNumber: string;
  readonly invoiceDate: CalendarDate;
  readonly total: Money;
}

/** Why an earlier invoice looks like this one keyed again. */
export interface NearDuplicateWhy {
  readonly similarity: NumberSimilarity;
  /** Normalised numbers compared: this invoice's, then the earlier one's. */
  readonly numbers: readonly [string, string];
  readonly daysApart: number;
}

export type DuplicateFinding =
  | { readonly kind: 'none' }
  | { readonly kind: 'exact'; readonly of: string }
  | { readonly kind: 'near'; readonly of: string; readonly why: NearDuplicateWhy };

export interface DuplicateOptions {
  /** Invoice dates at most this many days apart (either way) can be near duplicates. */
  readonly nearDuplicateWindowDays: number;
}

/**
 * Looks for this invoice among the supplier's earlier invoices, before anything posts.
 *
 * - exact: same supplier, same normalised invoice number, same total and currency (any date);
 * - near: same supplier, same total and currency, invoice dates within the window, and numbers
 *   that differ but are similar (see `similarity`).
 *
 * An earlier record with the same invoice id is this invoice seen again (a redelivery or a
 * re-match), never its duplicate; records of other suppliers are ignored. An exact finding wins
 * over a near one; among several, the earliest invoice date (then the smallest invoice id) is
 * the one referenced.
 */
export function detectDuplicate(
  candidate: DuplicateCandidate,
  earlier: readonly EarlierInvoice[],
  options: DuplicateOptions,
): DuplicateFinding {
  const number = normaliseInvoiceNumber(candidate.invoiceNumber);
  const sameAmount = earlier
    .filter((other) => other.invoiceId !== candidate.invoiceId && other.supplierId === candidate.supplierId)
    .filter((other) => sameMoney(other.total, candidate.total))
    .sort(byDateThenId);

  const exact = sameAmount.find((other) => normaliseInvoiceNumber(other.invoiceNumber) === number);
  if (exact !== undefined) return { kind: 'exact', of: exact.invoiceId };

  for (const other of sameAmount) {
    const days = daysApart(candidate.invoiceDate, other.invoiceDate);
    if (days === null || days > options.nearDuplicateWindowDays) continue;
    const otherNumber = normaliseInvoiceNumber(other.invoiceNumber);
    const similar = similarity(number, otherNumber);
    if (similar === null) continue;
    return { kind: 'near', of: other.invoiceId, why: { similarity: similar, numbers: [number, otherNumber], daysApart: days } };
  }
  return { kind: 'none' };
}

function sameMoney(a: Money, b: Money): boolean {
  return a.currency.trim().toUpperCase() === b.currency.trim().toUpperCase() && a.amount.equals(b.amount);
}

function byDateThenId(a: EarlierInvoice, b: EarlierInvoice): number {
  if (a.invoiceDate !== b.invoiceDate) return a.invoiceDate < b.invoiceDate ? -1 : 1;
  return a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0;
}
