import type { PaymentTerms } from '@procurelink/canonical-schemas';
import { checked } from './checked-value';
import { checkDuns, checkTaxId } from './identifiers';
import { readText, type JsonObject } from './json-fields';
import { parsePaymentTermsCode } from './payment-terms';
import { problem, type Problem } from './problem';

/** A source's own record id: letters, digits, `-`, `_`, `.` and `:`; at most 64 characters. */
export function readRecordId(object: JsonObject, key: string, problems: Problem[]): string | null {
  const id = readText(object, key, key, { required: true, maxLength: 64 }, problems);
  if (id !== null && !/^[A-Za-z0-9._:-]+$/.test(id)) {
    problems.push(problem(key, 'MALFORMED', 'must contain letters, digits and . _ : - only'));
    return null;
  }
  return id;
}

export function readDuns(object: JsonObject, key: string, problems: Problem[]): string | null {
  const raw = readText(object, key, key, { required: false, maxLength: 15 }, problems);
  return raw === null ? null : checked(checkDuns(raw), key, problems);
}

export function readTaxId(
  object: JsonObject,
  key: string,
  required: boolean,
  issuingCountry: string | null,
  problems: Problem[],
): { value: string; issuingCountry: string } | null {
  const raw = readText(object, key, key, { required, maxLength: 30 }, problems);
  if (raw === null || issuingCountry === null) return null;
  const value = checked(checkTaxId(raw, issuingCountry), key, problems);
  return value === null ? null : { value, issuingCountry };
}

export function readPaymentTerms(object: JsonObject, key: string, problems: Problem[]): PaymentTerms | null {
  const raw = readText(object, key, key, { required: false, maxLength: 30 }, problems);
  return raw === null ? null : checked(parsePaymentTermsCode(raw), key, problems);
}

export function readEmail(object: JsonObject, key: string, path: string, problems: Problem[]): string | null {
  const email = readText(object, key, path, { required: false, maxLength: 254 }, problems);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.push(problem(path, 'MALFORMED', 'must be an e-mail address such as ap@supplier.example'));
    return null;
  }
  return email === null ? null : email.toLowerCase();
}

export function readPhone(object: JsonObject, key: string, path: string, problems: Problem[]): string | null {
  const phone = readText(object, key, path, { required: false, maxLength: 30 }, problems);
  if (phone !== null && !/^\+?[0-9][0-9 ().-]{3,29}$/.test(phone)) {
    problems.push(problem(path, 'MALFORMED', 'must be a phone number of digits, spaces, ( ) . - and an optional leading +'));
    return null;
  }
  return phone;
}
