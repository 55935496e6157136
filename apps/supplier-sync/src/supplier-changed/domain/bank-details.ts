import { checkAbaRouting, checkUsAccountNumber } from './aba-routing';
import { checked } from './checked-value';
import { checkIban } from './iban';
import { childPath, readText, type JsonObject } from './json-fields';
import { problem, type Problem } from './problem';

/**
 * Bank details in clear, as parsed from a source record. They exist only between the parser and
 * the tokeniser: nothing that leaves the domain (events, errors, state) holds this type.
 */
export type BankDetails =
  | { readonly kind: 'IBAN'; readonly iban: string; readonly country: string }
  | { readonly kind: 'US_ACCOUNT'; readonly routingNumber: string; readonly accountNumber: string; readonly country: 'US' };

/** The source's spelling of the three bank fields, e.g. IBAN / ACCOUNT_NUMBER / ROUTING_NUMBER. */
export interface BankFieldNames {
  readonly iban: string;
  readonly accountNumber: string;
  readonly routingNumber: string;
}

/** Reads an IBAN, or a US account number with its ABA routing number, from a bank block. */
export function readBankDetails(block: JsonObject, path: string, names: BankFieldNames, problems: Problem[]): BankDetails | null {
  const ibanPath = childPath(path, names.iban);
  const accountPath = childPath(path, names.accountNumber);
  const routingPath = childPath(path, names.routingNumber);
  const before = problems.length;
  const iban = readText(block, names.iban, ibanPath, { required: false, maxLength: 42 }, problems);
  const account = readText(block, names.accountNumber, accountPath, { required: false, maxLength: 34 }, problems);
  const routing = readText(block, names.routingNumber, routingPath, { required: false, maxLength: 11 }, problems);
  if (problems.length > before) return null;

  if (iban !== null && (account !== null || routing !== null)) {
    problems.push(problem(path, 'CONFLICT', `must hold either ${names.iban} or ${names.accountNumber} with ${names.routingNumber}, not both`));
    return null;
  }
  if (iban !== null) {
    const value = checked(checkIban(iban), ibanPath, problems);
    return value === null ? null : { kind: 'IBAN', iban: value.iban, country: value.country };
  }
  if (account === null && routing === null) {
    problems.push(problem(path, 'MISSING', `needs ${names.iban}, or ${names.accountNumber} with ${names.routingNumber}`));
    return null;
  }
  if (account === null) problems.push(problem(accountPath, 'MISSING', `is required with ${names.routingNumber}`));
  if (routing === null) problems.push(problem(routingPath, 'MISSING', `is required with ${names.accountNumber}`));
  const routingNumber = routing === null ? null : checked(checkAbaRouting(routing), routingPath, problems);
  const accountNumber = account === null ? null : checked(checkUsAccountNumber(account), accountPath, problems);
  if (routingNumber === null || accountNumber === null) return null;
  return { kind: 'US_ACCOUNT', routingNumber, accountNumber, country: 'US' };
}
