import { IdempotencyInvalidArgumentError } from '../errors';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const MAX_DECIMAL_LENGTH = 64;

/** At most 40 characters of what was given, for error messages. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * A document number as suppliers and capture tools write it, folded to one form so the same
 * document always gives the same key: Unicode NFKC, upper case, everything that is not a letter
 * or digit dropped (spaces, - _ / . # …), then leading zeros of every digit run stripped.
 * "inv-00123", "INV 123" and "Inv#0123" all become "INV123". Idempotent: normalising twice
 * changes nothing.
 */
export function normaliseDocumentNumber(raw: string, label = 'document number'): string {
  if (typeof raw !== 'string') {
    throw new IdempotencyInvalidArgumentError(`${label} must be a string (got ${typeof raw})`);
  }
  const folded = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/\d+/g, (run) => run.replace(/^0+(?=\d)/, ''));
  if (folded.length === 0) {
    throw new IdempotencyInvalidArgumentError(`${label} ${shown(raw)} has no letters or digits`);
  }
  return folded;
}

/**
 * A decimal amount in canonical form, from its exact decimal STRING (never a JS number, which
 * would already have lost digits): no "+", no leading zeros, no trailing fractional zeros, no
 * negative zero. "100.50" → "100.5", "007" → "7", "-0.00" → "0". Refuses anything else:
 * exponents, thousands separators, spaces, "NaN", ".5", "5.".
 */
export function normaliseDecimal(raw: string, label = 'amount'): string {
  const match = typeof raw === 'string' && raw.length <= MAX_DECIMAL_LENGTH ? DECIMAL.exec(raw) : null;
  if (!match) {
    throw new IdempotencyInvalidArgumentError(
      `${label} must be a decimal string such as "100.50" (digits, one optional point, optional sign); got ${
        typeof raw === 'string' ? shown(raw) : typeof raw
      }`,
    );
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  const integer = whole.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  if (integer === '0' && decimals === '') return '0';
  return `${sign === '-' ? '-' : ''}${integer}${decimals ? `.${decimals}` : ''}`;
}

/** An ISO 4217 alphabetic currency code, upper case. */
export function normaliseCurrency(raw: string): string {
  if (typeof raw !== 'string' || !/^[A-Za-z]{3}$/.test(raw.trim())) {
    throw new IdempotencyInvalidArgumentError(`currency must be a three-letter ISO 4217 code such as "EUR" (got ${shown(raw)})`);
  }
  return raw.trim().toUpperCase();
}

/** A revision number: a whole number from 0, given as a number or as a string of digits. */
export function normaliseRevision(raw: number | string): string {
  const text = typeof raw === 'number' ? (Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : '') : raw;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text.trim())) {
    throw new IdempotencyInvalidArgumentError(`revision must be a whole number from 0 (got ${shown(raw)})`);
  }
  return text.trim().replace(/^0+(?=\d)/, '');
}
