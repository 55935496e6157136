const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const LEADING_ZEROS = /(?<!\d)0+(?=\d)/g;

/**
 * The form two invoice numbers are compared in: Unicode NFKC (full-width digits become ASCII),
 * upper case, every character that is not a letter or digit dropped (spaces and - _ / . # and any
 * other punctuation), then the leading zeros of each remaining digit run stripped (a run of
 * zeros keeps one). "inv-00123", "INV 123" and "INV#0123" all become "INV123".
 *
 * Separators are dropped before zeros are stripped, so "INV-001-002" is "INV1002".
 */
export function normaliseInvoiceNumber(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(NOT_LETTER_OR_DIGIT, '').replace(LEADING_ZEROS, '');
}
