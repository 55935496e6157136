import type { CheckedValue } from './checked-value';

/**
 * IBAN length by country (ISO 13616 registry) for the countries the network pays into.
 * A country outside this list is refused as UNSUPPORTED rather than guessed at.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AT: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CY: 28, CZ: 24,
  DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GI: 23, GL: 18,
  GR: 27, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, KW: 30, KZ: 20, LB: 28,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25,
  QA: 29, RO: 24, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26, UA: 29,
};

export interface Iban {
  /** Electronic form: uppercase, no spaces. Clear: never leaves the domain. */
  readonly iban: string;
  readonly country: string;
}

/** Checks an IBAN (print or electronic form): shape, country length, mod-97. Messages never repeat it. */
export function checkIban(raw: string): CheckedValue<Iban> {
  const iban = raw.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) {
    return { ok: false, code: 'MALFORMED', message: 'must be a country code, two check digits and up to 30 letters or digits' };
  }
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTHS[country];
  if (length === undefined) {
    return { ok: false, code: 'UNSUPPORTED', message: `has a country (${country}) outside the supported IBAN countries` };
  }
  if (iban.length !== length) {
    return { ok: false, code: 'WRONG_LENGTH', message: `must have ${length} characters for ${country}` };
  }
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) {
    return { ok: false, code: 'CHECKSUM_FAILED', message: 'fails the mod-97 check' };
  }
  return { ok: true, value: { iban, country } };
}

function mod97(rearranged: string): number {
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}
