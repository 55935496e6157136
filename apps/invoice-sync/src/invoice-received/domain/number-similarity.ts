/** Why two different normalised invoice numbers look like the same number keyed twice. */
export type NumberSimilarity =
  | { readonly rule: 'transposed-digits' }
  | { readonly rule: 'prefix' | 'suffix' }
  | { readonly rule: 'edit-distance'; readonly distance: number };

/** Numbers shorter than this are never similar by transposition, prefix or suffix ("12" / "21"). */
export const MIN_LENGTH = 3;
/** Edit distances up to this count as similar (subject to the length guard below). */
export const MAX_EDIT_DISTANCE = 2;

/**
 * The similarity rule for near duplicates, applied to normalised numbers that differ. The first
 * rule that holds is reported:
 *
 * 1. transposed digits: same length (at least MIN_LENGTH), differing in exactly two positions
 *    that hold two digits swapped, adjacent or not ("12345" / "12543");
 * 2. prefix or suffix: one number starts or ends with the whole other one, and the shorter has at
 *    least MIN_LENGTH characters ("INV123" / "123", "4711" / "4711A");
 * 3. edit distance: the optimal-string-alignment Damerau-Levenshtein distance is at most
 *    MAX_EDIT_DISTANCE and the shorter number has at least 2 × distance + 1 characters, so most of
 *    it is shared ("A1234" / "A1243X" is similar; "17" / "42" is not, though their distance is 2).
 *
 * Equal numbers are not "similar": they are the same number (an exact duplicate when the amounts
 * agree). Null when no rule holds.
 */
export function similarity(a: string, b: string): NumberSimilarity | null {
  if (a === b) return null;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= MIN_LENGTH && isDigitTransposition(a, b)) return { rule: 'transposed-digits' };
  if (shorter.length >= MIN_LENGTH) {
    if (longer.startsWith(shorter)) return { rule: 'prefix' };
    if (longer.endsWith(shorter)) return { rule: 'suffix' };
  }
  const distance = editDistance(a, b);
  if (distance <= MAX_EDIT_DISTANCE && shorter.length >= 2 * distance + 1) return { rule: 'edit-distance', distance };
  return null;
}

/** Same length, exactly two differing positions, holding the same two digits swapped. */
export function isDigitTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differing: number[] = [];
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) differing.push(i);
    if (differing.length > 2) return false;
  }
  if (differing.length !== 2) return false;
  const [i, j] = differing as [number, number];
  return a[i] === b[j] && a[j] === b[i] && isDigit(a[i]) && isDigit(a[j]);
}

/** Damerau-Levenshtein distance, optimal string alignment variant (an adjacent swap costs 1). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i += 1) rows.push(Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= x.length; i += 1) {
    const row = rows[i] as number[];
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(x.length, y.length);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
