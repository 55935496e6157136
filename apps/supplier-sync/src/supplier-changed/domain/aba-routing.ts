import type { CheckedValue } from './checked-value';

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

/** The first two digits of a routing number name a Federal Reserve district (or a thrift, electronic or traveller's-cheque range). */
function hasValidPrefix(routing: string): boolean {
  const prefix = Number(routing.slice(0, 2));
  return prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
}

/** Checks a US ABA routing transit number: nine digits, a valid prefix, and the 3-7-1 checksum. */
export function checkAbaRouting(raw: string): CheckedValue<string> {
  const routing = raw.replace(/[ -]/g, '');
  if (!/^\d+$/.test(routing)) return { ok: false, code: 'MALFORMED', message: 'must contain digits only' };
  if (routing.length !== 9) return { ok: false, code: 'WRONG_LENGTH', message: 'must have 9 digits' };
  if (!hasValidPrefix(routing)) {
    return { ok: false, code: 'MALFORMED', message: 'does not start with a valid Federal Reserve routing prefix' };
  }
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(routing[index]);
  });
  if (sum % 10 !== 0) return { ok: false, code: 'CHECKSUM_FAILED', message: 'fails the ABA 3-7-1 checksum' };
  return { ok: true, value: routing };
}

/** Checks a US deposit account number: 4 to 17 digits once spaces and hyphens are removed. */
export function checkUsAccountNumber(raw: string): CheckedValue<string> {
  const account = raw.replace(/[ -]/g, '');
  if (!/^\d+$/.test(account)) return { ok: false, code: 'MALFORMED', message: 'must contain digits only' };
  if (account.length < 4 || account.length > 17) return { ok: false, code: 'WRONG_LENGTH', message: 'must have 4 to 17 digits' };
  return { ok: true, value: account };
}
