import type { Address } from '@procurelink/canonical-schemas';
import { childPath, readText, type JsonObject } from './json-fields';
import { problem, type Problem } from './problem';

/** The source's spelling of the address fields. */
export interface AddressFieldNames {
  readonly line1: string;
  readonly line2: string;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
}

export const ERP_ADDRESS_FIELDS: AddressFieldNames = {
  line1: 'STREET',
  line2: 'STREET2',
  city: 'CITY',
  region: 'REGION',
  postalCode: 'POSTAL_CODE',
  country: 'COUNTRY',
};

export const PURCHASING_ADDRESS_FIELDS: AddressFieldNames = {
  line1: 'line1',
  line2: 'line2',
  city: 'city',
  region: 'region',
  postalCode: 'postalCode',
  country: 'country',
};

/** Reads an ISO 3166-1 alpha-2 country code, accepting any letter case. */
export function readCountry(block: JsonObject, key: string, path: string, required: boolean, problems: Problem[]): string | null {
  const text = readText(block, key, path, { required, maxLength: 2 }, problems);
  if (text === null) return null;
  if (!/^[A-Za-z]{2}$/.test(text)) {
    problems.push(problem(path, 'MALFORMED', 'must be an ISO 3166-1 alpha-2 country code such as US'));
    return null;
  }
  return text.toUpperCase();
}

/** Reads a postal address as the source wrote it (trimmed); normalisation comes later. */
export function readAddress(block: JsonObject, path: string, names: AddressFieldNames, problems: Problem[]): Address | null {
  const before = problems.length;
  const line1 = readText(block, names.line1, childPath(path, names.line1), { required: true, maxLength: 100 }, problems);
  const line2 = readText(block, names.line2, childPath(path, names.line2), { required: false, maxLength: 100 }, problems);
  const city = readText(block, names.city, childPath(path, names.city), { required: true, maxLength: 60 }, problems);
  const region = readText(block, names.region, childPath(path, names.region), { required: false, maxLength: 60 }, problems);
  const postalPath = childPath(path, names.postalCode);
  const postalCode = readText(block, names.postalCode, postalPath, { required: true, maxLength: 12 }, problems);
  const country = readCountry(block, names.country, childPath(path, names.country), true, problems);
  if (postalCode !== null && !/^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(postalCode)) {
    problems.push(problem(postalPath, 'MALFORMED', 'must contain letters, digits, spaces or hyphens only'));
  } else if (postalCode !== null && country === 'US' && !/^\d{5}(-?\d{4})?$/.test(postalCode)) {
    problems.push(problem(postalPath, 'MALFORMED', 'must be a US ZIP code: 5 digits or ZIP+4'));
  }
  if (problems.length > before || line1 === null || city === null || postalCode === null || country === null) return null;
  return { line1, line2, city, region, postalCode, country };
}
