import type { JsonObject } from '../api/ops-api';
import { isObject } from '../api/response-shapes';
import { renderKeyValues, renderTable, type Column } from './table';

/** A value as one table cell: absent → "-", text as is (amounts stay the exact decimal strings), objects as compact JSON. */
export function cell(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** An ISO instant as "2025-03-01 08:00:00Z" or "… 08:00:00.250Z" (the same instant, easier to scan); anything else as a cell. */
export function instant(value: unknown): string {
  if (typeof value !== 'string') return cell(value);
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!match) return value;
  const fraction = match[3] !== undefined && !/^\.0+$/.test(match[3]) ? match[3] : '';
  return `${match[1]} ${match[2]}${fraction}${match[4]}`;
}

/** camelCase / snake_case key → "UPPER CASE" header. */
export const headerOf = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .toUpperCase();

/** camelCase key → "lower case" label. */
export const labelOf = (key: string): string => headerOf(key).toLowerCase();

const isScalar = (value: unknown): boolean => value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value);

const asCell = (key: string, value: unknown): string => (/At$/.test(key) ? instant(value) : cell(value));

/** Nested objects of scalars one level down become `outer.inner` fields (`source: {count}` → `source.count`). */
function flattened(row: JsonObject): JsonObject {
  const flat: JsonObject = {};
  for (const [key, value] of Object.entries(row)) {
    if (isObject(value) && Object.values(value).every(isScalar)) for (const [inner, scalar] of Object.entries(value)) flat[`${key}.${inner}`] = scalar;
    else flat[key] = value;
  }
  return flat;
}

/** Objects as a table: the preferred keys that occur first, then every other key in first-seen order. */
export function objectTable(objects: readonly JsonObject[], preferred: readonly string[] = [], indent = ''): string {
  const rows = objects.map(flattened);
  const seen: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!seen.includes(key)) seen.push(key);
  const keys = [...preferred.filter((key) => seen.includes(key)), ...seen.filter((key) => !preferred.includes(key))];
  const columns: Column[] = keys.map((key) => ({ header: headerOf(key), align: rows.every((row) => typeof row[key] === 'number' || row[key] == null) ? 'right' : 'left' }));
  return renderTable(columns, rows.map((row) => keys.map((key) => asCell(key, row[key]))), indent);
}

/** The scalar fields of an object as `label  value` lines, preferred keys first. */
export function scalarFields(object: JsonObject, preferred: readonly string[] = [], skip: readonly string[] = []): string {
  return renderKeyValues(scalarPairs(object, preferred, skip));
}

/** The scalar fields of an object as [label, value] pairs, preferred keys first. */
export function scalarPairs(object: JsonObject, preferred: readonly string[] = [], skip: readonly string[] = []): Array<readonly [string, string]> {
  const keys = [...preferred.filter((key) => key in object), ...Object.keys(object).filter((key) => !preferred.includes(key))];
  return keys.filter((key) => !skip.includes(key) && isScalar(object[key])).map((key) => [labelOf(key), asCell(key, object[key])] as const);
}

/** Every array of objects / nested object of a response not rendered already, as titled sections. */
export function otherSections(object: JsonObject, rendered: readonly string[]): string[] {
  const sections: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (rendered.includes(key)) continue;
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) sections.push(`${capitalised(key)} (${value.length})\n${objectTable(value, [], '  ')}`);
    else if (isObject(value) && Object.keys(value).length > 0) sections.push(`${capitalised(key)}\n${renderKeyValues(Object.entries(value).map(([k, v]) => [labelOf(k), asCell(k, v)] as const))}`);
  }
  return sections;
}

export const capitalised = (key: string): string => {
  const label = labelOf(key);
  return label.charAt(0).toUpperCase() + label.slice(1);
};
