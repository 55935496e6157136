/**
 * Masking for what ops shows and stores: values of sensitive fields (bank accounts, tax ids,
 * IBANs, credentials) keep only their last 4 characters; in every other string, digit runs of 6+
 * and IBAN-like strings are masked the same way (the rule of libs/messaging's sanitizeMessage),
 * except in identifier fields (poNumber, invoiceId, …), which people need to read.
 */
const SENSITIVE_NAMES = new Set(
  ['bankAccount', 'accountNumber', 'bankAccountNumber', 'iban', 'taxId', 'taxNumber', 'vatNumber', 'routingNumber', 'sortCode', 'ssn', 'tin', 'password', 'secret', 'apiKey', 'TAX_NUMBER', 'ACCOUNT_NUMBER', 'IBAN'].map(normalise),
);
const IDENTIFIER_NAME = /(?:id|ids|number|numbers|reference|key|code|date|at|time|timestamp)$/i;
const IBAN_LIKE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}\b/g;
const DIGIT_RUN = /\d(?:[ -]?\d){5,}/g;

function normalise(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

export const isSensitiveField = (name: string): boolean => SENSITIVE_NAMES.has(normalise(name));

/** `****` and the last 4 characters (without separators); `****` alone for short values. */
export function maskValue(value: string | number | bigint): string {
  const compact = String(value).replace(/[\s-]/g, '');
  return compact.length > 4 ? `****${compact.slice(-4)}` : '****';
}

/** Masks digit runs of 6+ and IBAN-like strings in free text. */
export function maskText(text: string): string {
  return text.replace(IBAN_LIKE, (iban) => maskValue(iban)).replace(DIGIT_RUN, (digits) => maskValue(digits));
}

/** A deep copy of a JSON-like value with sensitive fields masked (see the module comment). */
export function maskSensitive(value: unknown, fieldName = ''): unknown {
  if (isSensitiveField(fieldName)) return maskEverything(value);
  if (typeof value === 'string') return IDENTIFIER_NAME.test(fieldName) && !/\s/.test(value) ? value : maskText(value);
  if (Array.isArray(value)) return value.map((item) => maskSensitive(item, fieldName));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskSensitive(inner, key)]));
  return value;
}

function maskEverything(value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return maskValue(value);
  if (Array.isArray(value)) return value.map(maskEverything);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskEverything(inner)]));
  return '****';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
