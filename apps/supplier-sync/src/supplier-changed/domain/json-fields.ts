import { problem, type Problem } from './problem';

/** A decoded JSON object. Only its own properties are read, so `__proto__` junk is inert. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type name of a value, for messages that must not repeat the value itself. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function ownField(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export interface TextRule {
  readonly required: boolean;
  readonly maxLength: number;
}

// C0 controls other than tab, DEL, and C1 controls: never legitimate in master data.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;

/** Reads trimmed text; blank counts as absent. Records a problem and returns null when it is unusable. */
export function readText(object: JsonObject, key: string, path: string, rule: TextRule, problems: Problem[]): string | null {
  const value = ownField(object, key);
  if (value === undefined || value === null) {
    if (rule.required) problems.push(problem(path, 'MISSING', 'is required'));
    return null;
  }
  if (typeof value !== 'string') {
    problems.push(problem(path, 'WRONG_TYPE', `must be text, not ${jsonTypeOf(value)}`));
    return null;
  }
  if (value.length > rule.maxLength * 4) {
    problems.push(problem(path, 'TOO_LONG', `must be at most ${rule.maxLength} characters`));
    return null;
  }
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') {
    if (rule.required) problems.push(problem(path, 'MISSING', 'is required and must not be blank'));
    return null;
  }
  if (text.length > rule.maxLength) {
    problems.push(problem(path, 'TOO_LONG', `must be at most ${rule.maxLength} characters`));
    return null;
  }
  if (CONTROL_CHARACTERS.test(text)) {
    problems.push(problem(path, 'MALFORMED', 'must not contain control characters'));
    return null;
  }
  return text;
}

export function readBoolean(object: JsonObject, key: string, path: string, problems: Problem[]): boolean | null {
  const value = ownField(object, key);
  if (value === undefined || value === null) {
    problems.push(problem(path, 'MISSING', 'is required'));
    return null;
  }
  if (typeof value !== 'boolean') {
    problems.push(problem(path, 'WRONG_TYPE', `must be true or false, not ${jsonTypeOf(value)}`));
    return null;
  }
  return value;
}

/** Reads a nested object; an absent optional block is null, anything else that is not an object is a problem. */
export function readObject(
  object: JsonObject,
  key: string,
  path: string,
  required: boolean,
  problems: Problem[],
): JsonObject | null {
  const value = ownField(object, key);
  if (value === undefined || value === null) {
    if (required) problems.push(problem(path, 'MISSING', 'is required'));
    return null;
  }
  if (!isJsonObject(value)) {
    problems.push(problem(path, 'NOT_AN_OBJECT', `must be an object, not ${jsonTypeOf(value)}`));
    return null;
  }
  return value;
}

export function readList(
  object: JsonObject,
  key: string,
  path: string,
  maxItems: number,
  problems: Problem[],
): readonly unknown[] | null {
  const value = ownField(object, key);
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    problems.push(problem(path, 'WRONG_TYPE', `must be a list, not ${jsonTypeOf(value)}`));
    return null;
  }
  if (value.length > maxItems) {
    problems.push(problem(path, 'TOO_LONG', `must hold at most ${maxItems} entries`));
    return null;
  }
  return value;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** Reads an ISO 8601 instant with an explicit zone (`2025-03-01T10:15:00Z`, `…+01:00`); local times are refused. */
export function readInstant(object: JsonObject, key: string, path: string, problems: Problem[]): Date | null {
  const text = readText(object, key, path, { required: true, maxLength: 40 }, problems);
  if (text === null) return null;
  const match = ISO_INSTANT.exec(text);
  if (match === null) {
    problems.push(problem(path, 'MALFORMED', 'must be an ISO 8601 timestamp with a zone, e.g. 2025-03-01T10:15:00Z'));
    return null;
  }
  const [, year, month, day, hour, minute, second, fraction = '', zone, zoneHour = '0', zoneMinute = '0'] = match;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  const valid =
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(zoneHour) <= 23 &&
    Number(zoneMinute) <= 59;
  if (!valid) {
    problems.push(problem(path, 'MALFORMED', 'is not a real calendar date and time'));
    return null;
  }
  const millis = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone}`);
  if (Number.isNaN(millis)) {
    problems.push(problem(path, 'MALFORMED', 'is not a real calendar date and time'));
    return null;
  }
  return new Date(millis);
}
