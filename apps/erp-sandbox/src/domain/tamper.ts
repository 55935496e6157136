import { JsonReader } from './json-reader';
import { parsed, refused, type Parsed } from './problem';
import { CURRENCY, CURRENCY_HINT, type LedgerEntry } from './posting';

/**
 * A deliberate mismatch for reconciliation to find: change an accepted posting's money, or make
 * the ERP forget it (its idempotency key goes with it, as if the ERP had lost the document).
 */
export type Tamper =
  | { readonly action: 'alter'; readonly documentNumber: string; readonly amount: string | null; readonly currency: string | null }
  | { readonly action: 'delete'; readonly documentNumber: string };

const DOCUMENT_NUMBER = /^[A-Z]{3}-\d{8,}$/;

export function parseTamper(body: unknown): Parsed<Tamper> {
  const read = new JsonReader();
  const object = read.object(body, '', ['action', 'documentNumber', 'amount', 'currency']);
  if (object === null) return refused(read.problems);
  const action = read.code(object, 'action', '', ['alter', 'delete'] as const, true);
  const documentNumber = read.text(object, 'documentNumber', '', { required: true, maxLength: 40, pattern: DOCUMENT_NUMBER, hint: 'a document number such as ENC-00000042' });
  const amount = read.amount(object, 'amount', '', { required: false, sign: 'any' });
  const currency = read.text(object, 'currency', '', { required: false, maxLength: 3, pattern: CURRENCY, hint: CURRENCY_HINT });
  if (action === 'alter' && amount === null && currency === null && !read.problems.some((p) => p.path === 'amount' || p.path === 'currency')) {
    read.fail('amount', 'MISSING', 'alter needs an amount, a currency or both');
  }
  if (action === 'delete' && (amount !== null || currency !== null)) read.fail('action', 'INCONSISTENT', 'delete takes a documentNumber only');
  if (read.problems.length > 0 || action === null || documentNumber === null) return refused(read.problems);
  return parsed(action === 'delete' ? { action, documentNumber } : { action, documentNumber, amount, currency }, []);
}

/** The entry after an alteration: the money fields and the kept record change together. */
export function alterEntry(entry: LedgerEntry, amount: string | null, currency: string | null): LedgerEntry {
  const nextAmount = entry.amount === null ? null : (amount ?? entry.amount);
  const nextCurrency = entry.currency === null ? null : (currency ?? entry.currency);
  return {
    ...entry,
    amount: nextAmount,
    currency: nextCurrency,
    record: { ...entry.record, ...(nextAmount === null ? {} : { amount: nextAmount }), ...(nextCurrency === null ? {} : { currency: nextCurrency }) },
  };
}
