import type { BankAccountRef, TaxIdRef } from '@procurelink/canonical-schemas';
import type { BankDetails } from './bank-details';

/** What a clear value is; tokens of different kinds never collide. */
export type SensitiveKind = 'bank-account' | 'tax-id';

/**
 * The port to the vault that turns clear sensitive values into tokens.
 * Contract: deterministic (the same kind and value always give the same token — matching and
 * change detection compare tokens), distinct values give distinct tokens, and a token never
 * contains or reveals the clear value.
 */
export interface Tokeniser {
  tokenise(clear: string, kind: SensitiveKind): string;
}

/** A tokeniser broke its contract. A programming or configuration fault, so it is thrown; it names no value. */
export class TokeniserContractError extends Error {
  readonly retriable = false;

  constructor(kind: SensitiveKind) {
    super(`the tokeniser returned an unusable token for a ${kind}: it must be non-empty text that does not contain the clear value`);
    this.name = 'TokeniserContractError';
  }
}

function tokenOf(tokeniser: Tokeniser, clear: string, kind: SensitiveKind, secret: string): string {
  const token: unknown = tokeniser.tokenise(clear, kind);
  if (typeof token !== 'string' || token === '' || token.length > 256 || token.includes(secret)) throw new TokeniserContractError(kind);
  return token;
}

/** Masks all but the last four characters, and shows fewer when the value is too short to hide the rest. */
export function maskTail(clear: string, stars: number | null = null): string {
  const visible = Math.min(4, Math.max(0, clear.length - 5));
  return '*'.repeat(stars ?? clear.length - visible) + clear.slice(clear.length - visible);
}

/** The bank account by reference: token, `****1234`, and the bank's country. */
export function bankAccountRef(details: BankDetails, tokeniser: Tokeniser): BankAccountRef {
  const number = details.kind === 'IBAN' ? details.iban : details.accountNumber;
  const clear = details.kind === 'IBAN' ? details.iban : `${details.routingNumber}:${details.accountNumber}`;
  return { token: tokenOf(tokeniser, clear, 'bank-account', number), maskedNumber: maskTail(number, 4), bankCountry: details.country };
}

/** The tax id by reference: token, `*****6789`, and the issuing country (part of the token's input). */
export function taxIdRef(taxId: { readonly value: string; readonly issuingCountry: string }, tokeniser: Tokeniser): TaxIdRef {
  return {
    token: tokenOf(tokeniser, `${taxId.issuingCountry}:${taxId.value}`, 'tax-id', taxId.value),
    maskedValue: maskTail(taxId.value),
    issuingCountry: taxId.issuingCountry,
  };
}
