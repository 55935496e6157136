import { parseAmount, type AmountSign } from './amount';
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
  return `a JSON ${typeof value}`;
}

export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export interface TextRule {
  readonly required: boolean;
  readonly maxLength: number;
  /** The whole (trimmed) text must match; `hint` says what is expected. */
  readonly pattern?: RegExp;
  readonly hint?: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads fields of a decoded JSON body against the contract, collecting every problem with its
 * path instead of stopping at the first; each reader returns null when the value is unusable.
 */
export class JsonReader {
  readonly problems: Problem[] = [];

  /** An object whose keys are all in `allowed`; unknown keys are refused by name, never by value. */
  object(value: unknown, path: string, allowed: readonly string[]): JsonObject | null {
    if (!isJsonObject(value)) {
      this.problems.push(problem(path === '' ? '$' : path, 'NOT_AN_OBJECT', `must be a JSON object, not ${jsonTypeOf(value)}`));
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.problems.push(problem(childPath(path, key), 'UNKNOWN_FIELD', `is not part of the contract (allowed: ${allowed.join(', ')})`));
      }
    }
    return value;
  }

  text(object: JsonObject, key: string, path: string, rule: TextRule): string | null {
    return this.textAt(own(object, key), childPath(path, key), rule);
  }

  /** A value from outside a body, such as a path parameter, checked like a text field. */
  textAt(value: unknown, at: string, rule: TextRule): string | null {
    if (value === undefined || value === null) return this.absent(at, rule.required);
    if (typeof value !== 'string') return this.fail(at, 'WRONG_TYPE', `must be text, not ${jsonTypeOf(value)}`);
    const text = value.trim();
    if (text === '') return this.absent(at, rule.required);
    if (text.length > rule.maxLength) return this.fail(at, 'TOO_LONG', `must be at most ${rule.maxLength} characters`);
    if (CONTROL_CHARACTERS.test(text)) return this.fail(at, 'MALFORMED', 'must not contain control characters');
    if (rule.pattern && !rule.pattern.test(text)) return this.fail(at, 'MALFORMED', `must be ${rule.hint ?? 'well-formed'}`);
    return text;
  }

  code<T extends string>(object: JsonObject, key: string, path: string, allowed: readonly T[], required: boolean): T | null {
    const at = childPath(path, key);
    const value = own(object, key);
    if (value === undefined || value === null) return this.absent(at, required);
    if (typeof value !== 'string') return this.fail(at, 'WRONG_TYPE', `must be text, not ${jsonTypeOf(value)}`);
    if (!(allowed as readonly string[]).includes(value)) return this.fail(at, 'UNKNOWN_CODE', `must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  integer(object: JsonObject, key: string, path: string, rule: { required: boolean; min: number; max: number }): number | null {
    const at = childPath(path, key);
    const value = own(object, key);
    if (value === undefined || value === null) return this.absent(at, rule.required);
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(at, 'WRONG_TYPE', 'must be a whole JSON number');
    if (value < rule.min || value > rule.max) return this.fail(at, 'OUT_OF_RANGE', `must be from ${rule.min} to ${rule.max}`);
    return value;
  }

  /** A decimal string (see parseAmount), returned as the text it was sent as. */
  amount(object: JsonObject, key: string, path: string, rule: { required: boolean; sign: AmountSign }): string | null {
    const at = childPath(path, key);
    const value = own(object, key);
    if (value === undefined || value === null) return this.absent(at, rule.required);
    const outcome = parseAmount(value, rule.sign);
    if (!outcome.ok) return this.fail(at, outcome.code, outcome.message);
    return outcome.amount.toString();
  }

  /** An ISO-8601 instant with a zone, normalised to UTC ("2026-03-01T10:00:00.000Z"). */
  timestamp(object: JsonObject, key: string, path: string, required: boolean): string | null {
    const at = childPath(path, key);
    const value = own(object, key);
    if (value === undefined || value === null) return this.absent(at, required);
    if (typeof value !== 'string') return this.fail(at, 'WRONG_TYPE', `must be text, not ${jsonTypeOf(value)}`);
    const time = TIMESTAMP.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time)) return this.fail(at, 'MALFORMED', 'must be an ISO-8601 instant with a zone, e.g. 2026-03-01T10:00:00Z');
    return new Date(time).toISOString();
  }

  list(object: JsonObject, key: string, path: string, rule: { required: boolean; minItems: number; maxItems: number }): readonly unknown[] | null {
    const at = childPath(path, key);
    const value = own(object, key);
    if (value === undefined || value === null) return this.absent(at, rule.required);
    if (!Array.isArray(value)) return this.fail(at, 'WRONG_TYPE', `must be a list, not ${jsonTypeOf(value)}`);
    if (value.length < rule.minItems) return this.fail(at, 'MISSING', `must hold at least ${rule.minItems} item(s)`);
    if (value.length > rule.maxItems) return this.fail(at, 'TOO_LONG', `must hold at most ${rule.maxItems} items`);
    return value as readonly unknown[];
  }

  fail(path: string, code: Problem['code'], message: string): null {
    this.problems.push(problem(path, code, message));
    return null;
  }

  private absent(path: string, required: boolean): null {
    if (required) this.problems.push(problem(path, 'MISSING', 'is required'));
    return null;
  }
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
