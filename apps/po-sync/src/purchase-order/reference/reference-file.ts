import type { Address, Item } from '@procurelink/canonical-schemas';
import { referenceDataFrom, UNTRACKED, type ItemTracking, type ItemTrackingLookup, type ReferenceData, type ReferenceTables } from '../domain';

export interface FacilityRow {
  readonly facilityId: string;
  readonly name: string;
  readonly legalEntity: string;
  readonly active: boolean;
  readonly address: Address;
}

/**
 * The reference data po-sync validates against and names things with, loaded from a JSON file
 * (apps/po-sync/reference-data/demo-network.json): the domain's lookups plus display names and
 * the item master's tracking flags.
 */
export interface ReferenceDirectory {
  readonly reference: ReferenceData;
  readonly trackingOf: ItemTrackingLookup;
  readonly facility: (facilityId: string) => FacilityRow | undefined;
  readonly departmentName: (departmentId: string) => string | undefined;
  readonly costCentreName: (code: string) => string | undefined;
  readonly glAccountName: (accountNumber: string) => string | undefined;
  readonly counts: { readonly facilities: number; readonly departments: number; readonly costCentres: number; readonly glAccounts: number; readonly items: number };
}

export type ReferenceFileResult = { readonly ok: true; readonly directory: ReferenceDirectory } | { readonly ok: false; readonly problems: readonly string[] };

type Row = Readonly<Record<string, unknown>>;

/** Checks the parsed JSON of a reference-data file; every problem names its path. */
export function parseReferenceFile(json: unknown): ReferenceFileResult {
  const problems: string[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problems: ['the file must hold a JSON object'] };
  const root = json as Row;
  const rows = (table: string): Row[] => {
    const value = root[table];
    if (!Array.isArray(value)) {
      problems.push(`${table} must be an array`);
      return [];
    }
    return value.filter((row, index) => {
      const ok = typeof row === 'object' && row !== null && !Array.isArray(row);
      if (!ok) problems.push(`${table}[${index}] must be an object`);
      return ok;
    }) as Row[];
  };
  const text = (row: Row, at: string, field: string, optional = false): string => {
    const value = row[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (!optional || value !== undefined) problems.push(`${at}.${field} must be a non-blank string`);
    return '';
  };
  const flag = (row: Row, at: string, field: string): boolean => {
    if (typeof row[field] !== 'boolean') problems.push(`${at}.${field} must be true or false`);
    return row[field] === true;
  };
  const unique = <T>(table: string, list: T[], id: (row: T) => string): T[] => {
    const seen = new Set<string>();
    list.forEach((row, index) => {
      const key = id(row);
      if (seen.has(key)) problems.push(`${table}[${index}] repeats id ${key}`);
      seen.add(key);
    });
    return list;
  };

  const facilities = unique('facilities', rows('facilities').map((row, i): FacilityRow => {
    const at = `facilities[${i}]`;
    const address = (typeof row['address'] === 'object' && row['address'] !== null ? row['address'] : {}) as Row;
    if (address !== row['address']) problems.push(`${at}.address must be an object`);
    return {
      facilityId: text(row, at, 'facilityId'),
      name: text(row, at, 'name'),
      legalEntity: text(row, at, 'legalEntity'),
      active: flag(row, at, 'active'),
      address: {
        line1: text(address, `${at}.address`, 'line1'),
        line2: text(address, `${at}.address`, 'line2', true) || null,
        city: text(address, `${at}.address`, 'city'),
        region: text(address, `${at}.address`, 'region', true) || null,
        postalCode: text(address, `${at}.address`, 'postalCode'),
        country: text(address, `${at}.address`, 'country'),
      },
    };
  }), (row) => row.facilityId);
  const facilityIds = new Set(facilities.map((row) => row.facilityId));
  const departments = unique('departments', rows('departments').map((row, i) => {
    const at = `departments[${i}]`;
    const department = { departmentId: text(row, at, 'departmentId'), name: text(row, at, 'name'), facilityId: text(row, at, 'facilityId'), active: flag(row, at, 'active') };
    if (department.facilityId !== '' && !facilityIds.has(department.facilityId)) problems.push(`${at}.facilityId names a facility not in facilities`);
    return department;
  }), (row) => row.departmentId);
  const costCentres = unique('costCentres', rows('costCentres').map((row, i) => ({ code: text(row, `costCentres[${i}]`, 'code'), name: text(row, `costCentres[${i}]`, 'name'), active: flag(row, `costCentres[${i}]`, 'active') })), (row) => row.code);
  const glAccounts = unique('glAccounts', rows('glAccounts').map((row, i) => ({ accountNumber: text(row, `glAccounts[${i}]`, 'accountNumber'), name: text(row, `glAccounts[${i}]`, 'name'), active: flag(row, `glAccounts[${i}]`, 'active') })), (row) => row.accountNumber);
  const items = root['items'] === undefined ? [] : rows('items').map((row, i) => parseItemRow(row, `items[${i}]`, problems));
  if (problems.length > 0) return { ok: false, problems };

  const tables: ReferenceTables = { facilities, departments, costCentres, glAccounts };
  const byId = <T>(list: readonly T[], id: (row: T) => string) => new Map(list.map((row) => [id(row), row]));
  const facilityById = byId(facilities, (row) => row.facilityId);
  const departmentById = byId(departments, (row) => row.departmentId);
  const costCentreById = byId(costCentres, (row) => row.code);
  const glById = byId(glAccounts, (row) => row.accountNumber);
  const trackingByItemId = new Map(items.filter((row) => row.itemId !== null).map((row) => [row.itemId as string, row.tracking]));
  const trackingByGtin = new Map(items.filter((row) => row.gtin !== null).map((row) => [normalGtin(row.gtin as string), row.tracking]));
  return {
    ok: true,
    directory: {
      reference: referenceDataFrom(tables),
      trackingOf: (item: Item) =>
        (item.itemId !== null ? trackingByItemId.get(item.itemId) : undefined) ?? (item.gtin !== null ? trackingByGtin.get(normalGtin(item.gtin)) : undefined) ?? UNTRACKED,
      facility: (id) => facilityById.get(id),
      departmentName: (id) => departmentById.get(id)?.name,
      costCentreName: (code) => costCentreById.get(code)?.name,
      glAccountName: (accountNumber) => glById.get(accountNumber)?.name,
      counts: { facilities: facilities.length, departments: departments.length, costCentres: costCentres.length, glAccounts: glAccounts.length, items: items.length },
    },
  };
}

interface ItemRow {
  readonly itemId: string | null;
  readonly gtin: string | null;
  readonly tracking: ItemTracking;
}

function parseItemRow(row: Row, at: string, problems: string[]): ItemRow {
  const optional = (field: string): string | null => {
    const value = row[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${at}.${field} must be a non-blank string`);
    return typeof value === 'string' ? value.trim() : null;
  };
  const itemId = optional('itemId');
  const gtin = optional('gtin');
  if (itemId === null && gtin === null) problems.push(`${at} needs an itemId or a gtin`);
  const tracking = (typeof row['tracking'] === 'object' && row['tracking'] !== null ? row['tracking'] : {}) as Row;
  const flag = (field: string): boolean => {
    const value = tracking[field];
    if (value !== undefined && typeof value !== 'boolean') problems.push(`${at}.tracking.${field} must be true or false`);
    return value === true;
  };
  return { itemId, gtin, tracking: { lotRequired: flag('lot'), expiryRequired: flag('expiry'), serialRequired: flag('serial'), udiRequired: flag('udi') } };
}

function normalGtin(gtin: string): string {
  return gtin.trim().padStart(14, '0');
}
