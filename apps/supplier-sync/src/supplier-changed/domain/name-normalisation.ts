/** Legal-form words dropped from the end of a name before matching ("ACME SUPPLY CO INC" → "ACME SUPPLY"). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'INC', 'INCORPORATED', 'LLC', 'LLP', 'LP', 'LTD', 'LIMITED', 'CORP', 'CORPORATION', 'CO', 'COMPANY',
  'GMBH', 'AG', 'KG', 'SA', 'SAS', 'SARL', 'SRL', 'SPA', 'BV', 'NV', 'PLC', 'PC', 'PLLC', 'PTY', 'AB', 'OY', 'AS',
]);

/**
 * Folds text for comparison: accents removed, uppercase, `&` read as AND, dots and apostrophes
 * dropped (L.L.C. → LLC, O'Neil → ONEIL), any other punctuation a space, spaces collapsed.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[.'’`]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * The matching key of a legal name: folded, a leading THE dropped, and legal-form suffixes dropped
 * from the end (repeatedly) as long as a word remains. `Acme Medical Supply, Inc.` → `ACME MEDICAL SUPPLY`.
 */
export function legalNameKey(name: string): string {
  const words = foldText(name).split(' ').filter((word) => word !== '');
  if (words.length > 1 && words[0] === 'THE') words.shift();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

/** A name as published: inner whitespace collapsed, otherwise as the system of record wrote it. */
export function displayName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
