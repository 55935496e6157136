const MAX_LENGTH = 500;

/**
 * Error text bound for logs and dead-letter headers: masks long digit runs (bank accounts,
 * tax ids, card numbers — 6 or more digits, spaces and dashes allowed between) and
 * IBAN-like strings, keeping the last 4 characters, then bounds the length.
 */
export function sanitizeMessage(text: string): string {
  const masked = text
    .replace(/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}\b/g, (iban) => `****${iban.replace(/ /g, '').slice(-4)}`)
    .replace(/\d(?:[ -]?\d){5,}/g, (digits) => `****${digits.replace(/[ -]/g, '').slice(-4)}`);
  return masked.length > MAX_LENGTH ? `${masked.slice(0, MAX_LENGTH - 1)}…` : masked;
}
