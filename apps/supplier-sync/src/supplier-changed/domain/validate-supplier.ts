import type { BankAccountRef } from '@procurelink/canonical-schemas';
import { IBAN_LENGTHS } from './iban';
import { problem, type Problem } from './problem';
import { SOURCE_STATUSES } from './source-system';
import type { MergedSupplier } from './survivorship';

function bankAccountProblems(bank: BankAccountRef): Problem[] {
  const problems: Problem[] = [];
  if (bank.token.trim() === '') problems.push(problem('bankAccount.token', 'MISSING', 'must reference the vault'));
  if (!/^\*{4}[A-Z0-9]{0,4}$/.test(bank.maskedNumber)) {
    problems.push(problem('bankAccount.maskedNumber', 'MALFORMED', 'must show at most the last four characters, e.g. ****1234'));
  }
  if (bank.bankCountry !== 'US' && IBAN_LENGTHS[bank.bankCountry] === undefined) {
    problems.push(problem('bankAccount.bankCountry', 'UNSUPPORTED', 'must be US (ABA) or a supported IBAN country'));
  }
  return problems;
}

/**
 * Checks the merged supplier before anything is published: a tax id, a remit-to address and
 * payment terms from some system, a well-formed bank reference if any, a valid status, and a
 * legal name that matching can use.
 */
export function validateMergedSupplier(supplier: MergedSupplier): Problem[] {
  const problems: Problem[] = [];
  if (supplier.legalName.replace(/[^\p{L}\p{N}]/gu, '') === '') {
    problems.push(problem('legalName', 'MALFORMED', 'must contain letters or digits'));
  }
  if (supplier.taxId === null) problems.push(problem('taxId', 'MISSING', 'no system gave a tax id for this supplier'));
  if (supplier.remitTo === null) problems.push(problem('remitTo', 'MISSING', 'no system gave a remit-to address for this supplier'));
  if (supplier.paymentTerms === null) problems.push(problem('paymentTerms', 'MISSING', 'no system gave payment terms for this supplier'));
  if (supplier.orderingAddresses.length === 0) problems.push(problem('addresses', 'MISSING', 'needs at least one ordering address'));
  if (!SOURCE_STATUSES.includes(supplier.status)) problems.push(problem('status', 'UNKNOWN_CODE', 'must be ACTIVE, INACTIVE or BLOCKED'));
  if (supplier.bankAccount !== null) problems.push(...bankAccountProblems(supplier.bankAccount));
  return problems;
}
