import type { SupplierMaster } from '../domain';

const DATE_FIELDS = new Set(['changedAt', 'placedAt', 'updatedAt', 'confirmedAt']);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The stored form of a supplier master: JSON, dates as ISO strings, references only (no clear value exists in it). */
export function masterToJson(master: SupplierMaster): string {
  return JSON.stringify(master);
}

export function masterFromJson(text: string): SupplierMaster {
  return JSON.parse(text, (key, value: unknown) => (DATE_FIELDS.has(key) && typeof value === 'string' && ISO.test(value) ? new Date(value) : value)) as SupplierMaster;
}
