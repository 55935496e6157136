import type { CheckedValue } from './checked-value';

/**
 * Normalises a tax id to uppercase letters and digits (separators `space - . /` dropped).
 * A US TIN (EIN/SSN/ITIN) has nine digits; elsewhere 4 to 20 letters or digits (VAT numbers keep
 * their country prefix). The clear result is for the tokeniser only.
 */
export function checkTaxId(raw: string, issuingCountry: string): CheckedValue<string> {
  if (!/^[A-Za-z0-9 ./-]+$/.test(raw)) {
    return { ok: false, code: 'MALFORMED', message: 'must contain letters, digits and the separators space - . / only' };
  }
  const taxId = raw.replace(/[ ./-]/g, '').toUpperCase();
  if (issuingCountry === 'US') {
    if (!/^\d+$/.test(taxId)) return { ok: false, code: 'MALFORMED', message: 'must be digits only for a US tax id' };
    if (taxId.length !== 9) return { ok: false, code: 'WRONG_LENGTH', message: 'must have 9 digits for a US tax id' };
    return { ok: true, value: taxId };
  }
  if (taxId.length < 4 || taxId.length > 20) return { ok: false, code: 'WRONG_LENGTH', message: 'must have 4 to 20 letters or digits' };
  return { ok: true, value: taxId };
}

/** A D-U-N-S number: nine digits, written with or without hyphens and spaces. */
export function checkDuns(raw: string): CheckedValue<string> {
  const duns = raw.replace(/[ -]/g, '');
  if (!/^\d+$/.test(duns)) return { ok: false, code: 'MALFORMED', message: 'must contain digits only' };
  if (duns.length !== 9) return { ok: false, code: 'WRONG_LENGTH', message: 'must have 9 digits' };
  return { ok: true, value: duns };
}
