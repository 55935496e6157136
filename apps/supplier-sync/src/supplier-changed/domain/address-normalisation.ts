import type { Address } from '@procurelink/canonical-schemas';
import { foldText } from './name-normalisation';

/** Street-line words and their standard (USPS Publication 28 style) abbreviations. */
export const STREET_ABBREVIATIONS: Readonly<Record<string, string>> = {
  STREET: 'ST', AVENUE: 'AVE', AV: 'AVE', ROAD: 'RD', BOULEVARD: 'BLVD', DRIVE: 'DR', LANE: 'LN',
  COURT: 'CT', PLACE: 'PL', SQUARE: 'SQ', TERRACE: 'TER', HIGHWAY: 'HWY', PARKWAY: 'PKWY',
  CIRCLE: 'CIR', EXPRESSWAY: 'EXPY', FREEWAY: 'FWY', TRAIL: 'TRL', PLAZA: 'PLZ', CENTER: 'CTR', CENTRE: 'CTR',
  SUITE: 'STE', APARTMENT: 'APT', BUILDING: 'BLDG', FLOOR: 'FL', ROOM: 'RM', UNIT: 'UNIT', DEPARTMENT: 'DEPT',
  NORTH: 'N', SOUTH: 'S', EAST: 'E', WEST: 'W', NORTHEAST: 'NE', NORTHWEST: 'NW', SOUTHEAST: 'SE', SOUTHWEST: 'SW',
};

/** Words that start the secondary unit of a street line (suite, floor…): left out of the matching key. */
const UNIT_DESIGNATORS: ReadonlySet<string> = new Set(['STE', 'APT', 'BLDG', 'FL', 'RM', 'UNIT', 'DEPT', '#']);

/** A street line folded and abbreviated: `100 Main Street, Suite 200` → `100 MAIN ST STE 200`; `#` is kept. */
export function normaliseStreet(line: string): string {
  const folded = foldText(line.replace(/#/g, ' NUMBERSIGN '))
    .replace(/\bP O BOX\b/g, 'PO BOX')
    .replace(/\bPOST OFFICE BOX\b/g, 'PO BOX');
  return folded
    .split(' ')
    .map((word) => (word === 'NUMBERSIGN' ? '#' : (STREET_ABBREVIATIONS[word] ?? word)))
    .join(' ');
}

/** The street part of line 1 without its secondary unit: `100 MAIN ST STE 200` → `100 MAIN ST`. */
export function streetKey(line: string): string {
  const words = normaliseStreet(line).split(' ');
  const unitAt = words.findIndex((word, index) => index > 0 && UNIT_DESIGNATORS.has(word));
  return (unitAt === -1 ? words : words.slice(0, unitAt)).join(' ');
}

/** A postal code uppercased with single spaces; a US ZIP+4 written as 12345-6789. */
export function normalisePostalCode(postalCode: string, country: string): string {
  const compact = postalCode.toUpperCase().replace(/\s+/g, ' ').trim();
  if (country === 'US') {
    const digits = compact.replace(/\D/g, '');
    return digits.length === 9 ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits;
  }
  return compact;
}

/** The address in its standard published form: uppercase, street words abbreviated. */
export function normaliseAddress(address: Address): Address {
  return {
    line1: normaliseStreet(address.line1),
    line2: address.line2 === null ? null : normaliseStreet(address.line2),
    city: foldText(address.city),
    region: address.region === null ? null : foldText(address.region),
    postalCode: normalisePostalCode(address.postalCode, address.country),
    country: address.country.toUpperCase(),
  };
}

/**
 * The matching key of an address: country, postal code (US: the five-digit ZIP) and the street of
 * line 1 without its suite or floor, all normalised. `US|62704|100 MAIN ST`.
 */
export function addressKey(address: Address): string {
  const normalised = normaliseAddress(address);
  const postal = normalised.country === 'US' ? normalised.postalCode.slice(0, 5) : normalised.postalCode.replace(/ /g, '');
  return `${normalised.country}|${postal}|${streetKey(address.line1)}`;
}
