/** One row of reference data: it exists, and may be inactive. */
export interface ReferenceEntry {
  readonly active: boolean;
}

export interface DepartmentReference extends ReferenceEntry {
  /** The facility the department belongs to. */
  readonly facilityId: string;
}

/**
 * The financial dimensions a purchase order is checked against, as lookups. The caller loads
 * them from data (files or tables); nothing here is hard-coded. `undefined` means unknown.
 */
export interface ReferenceData {
  readonly facility: (facilityId: string) => ReferenceEntry | undefined;
  readonly department: (departmentId: string) => DepartmentReference | undefined;
  readonly costCentre: (code: string) => ReferenceEntry | undefined;
  readonly glAccount: (accountNumber: string) => ReferenceEntry | undefined;
}

/** Reference data as rows, the way a data file or table holds it. */
export interface ReferenceTables {
  readonly facilities: readonly { readonly facilityId: string; readonly active: boolean }[];
  readonly departments: readonly { readonly departmentId: string; readonly facilityId: string; readonly active: boolean }[];
  readonly costCentres: readonly { readonly code: string; readonly active: boolean }[];
  readonly glAccounts: readonly { readonly accountNumber: string; readonly active: boolean }[];
}

/** Lookups over rows loaded by the caller; a later row for the same id wins. */
export function referenceDataFrom(tables: ReferenceTables): ReferenceData {
  const facilities = new Map(tables.facilities.map((row) => [row.facilityId, { active: row.active }]));
  const departments = new Map(tables.departments.map((row) => [row.departmentId, { active: row.active, facilityId: row.facilityId }]));
  const costCentres = new Map(tables.costCentres.map((row) => [row.code, { active: row.active }]));
  const glAccounts = new Map(tables.glAccounts.map((row) => [row.accountNumber, { active: row.active }]));
  return {
    facility: (id) => facilities.get(id),
    department: (id) => departments.get(id),
    costCentre: (code) => costCentres.get(code),
    glAccount: (accountNumber) => glAccounts.get(accountNumber),
  };
}
