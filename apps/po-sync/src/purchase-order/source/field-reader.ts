import { Decimal } from '@procurelink/canonical-schemas';

/** One thing wrong with a source record, at a JSON path such as `lines[1].unitPrice`. Never echoes a value. */
export interface SourceProblem {
  readonly path: string;
  readonly message: string;
}

export type ParseResult<T> = { readonly ok: true; readonly record: T } | { readonly ok: false; readonly problems: readonly SourceProblem[] };

type Json = Readonly<Record<string, unknown>>;

const DECIMAL = /^-?\d{1,14}(\.\d{1,4})?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const IDENTIFIER = /^[A-Za-z0-9._:-]{1,80}$/;

/**
 * Reads fields of a JSON object and records a problem (path + rule) for each bad one, so a parser
 * reports everything at once. Messages name the rule, never the value sent.
 */
export class FieldReader {
  constructor(
    private readonly problems: SourceProblem[],
    private readonly object: Json,
    private readonly at: string,
  ) {}

  static root(value: unknown, problems: SourceProblem[]): FieldReader | undefined {
    if (!isObject(value)) {
      problems.push({ path: '', message: 'the record must be a JSON object' });
      return undefined;
    }
    return new FieldReader(problems, value, '');
  }

  path(field: string): string {
    return this.at === '' ? field : `${this.at}.${field}`;
  }

  problem(field: string, message: string): void {
    this.problems.push({ path: this.path(field), message });
  }

  has(field: string): boolean {
    const value = this.object[field];
    return value !== undefined && value !== null;
  }

  /** A required (or, with `optional`, nullable) non-blank string, trimmed. */
  text(field: string, options: { optional: true; max?: number }): string | null;
  text(field: string, options?: { optional?: false; max?: number }): string;
  text(field: string, options: { optional?: boolean; max?: number } = {}): string | null {
    const value = this.object[field];
    if (value === undefined || value === null) {
      if (!options.optional) this.problem(field, 'is required');
      return options.optional ? null : '';
    }
    if (typeof value !== 'string') {
      this.problem(field, 'must be a string');
      return options.optional ? null : '';
    }
    const trimmed = value.trim();
    if (trimmed === '') {
      if (!options.optional) this.problem(field, 'must not be blank');
      return options.optional ? null : '';
    }
    if (trimmed.length > (options.max ?? 500)) this.problem(field, `must be at most ${options.max ?? 500} characters`);
    return trimmed;
  }

  identifier(field: string): string {
    const value = this.text(field);
    if (value !== '' && !IDENTIFIER.test(value)) this.problem(field, 'must be 1–80 letters, digits, ".", "_", ":" or "-"');
    return value;
  }

  optionalIdentifier(field: string): string | null {
    const value = this.text(field, { optional: true });
    if (value !== null && !IDENTIFIER.test(value)) this.problem(field, 'must be 1–80 letters, digits, ".", "_", ":" or "-"');
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const value = this.text(field);
    if (value === '') return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problem(field, `must be one of ${allowed.join(', ')}`);
      return undefined;
    }
    return value as T;
  }

  integer(field: string, min: number, max: number): number {
    const value = this.object[field];
    if (value === undefined || value === null) {
      this.problem(field, 'is required');
      return min;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problem(field, `must be a whole JSON number from ${min} to ${max}`);
      return min;
    }
    return value;
  }

  /** Money or a quantity: a decimal string such as "1250.50" (at most 4 places); a JSON number is refused. */
  decimal(field: string, options: { allowNegative?: boolean } = {}): Decimal {
    const value = this.object[field];
    if (value === undefined || value === null) {
      this.problem(field, 'is required');
      return Decimal.zero();
    }
    if (typeof value === 'number') {
      this.problem(field, 'must be a decimal string such as "1250.50", not a JSON number');
      return Decimal.zero();
    }
    if (typeof value !== 'string' || !DECIMAL.test(value.trim())) {
      this.problem(field, 'must be a decimal string such as "1250.50" (at most 14 integer digits and 4 decimal places)');
      return Decimal.zero();
    }
    const parsed = Decimal.parse(value.trim());
    if (parsed.isNegative() && !options.allowNegative) this.problem(field, 'must not be negative');
    return parsed;
  }

  currency(field: string): string {
    const value = this.text(field);
    if (value !== '' && !/^[A-Z]{3}$/.test(value)) this.problem(field, 'must be an ISO 4217 code such as USD');
    return value;
  }

  /** An ISO 8601 instant with a zone. */
  instant(field: string): Date {
    const value = this.text(field);
    const date = new Date(value);
    if (value !== '' && (!INSTANT.test(value) || Number.isNaN(date.getTime()))) {
      this.problem(field, 'must be an ISO 8601 instant with a zone, such as 2026-03-01T10:00:00Z');
    }
    return Number.isNaN(date.getTime()) ? new Date(0) : date;
  }

  /** A calendar date YYYY-MM-DD (checked for format here; the domain checks it is a real date where it matters). */
  date(field: string, options: { optional: true }): string | null;
  date(field: string, options?: { optional?: false }): string;
  date(field: string, options: { optional?: boolean } = {}): string | null {
    const value = options.optional ? this.text(field, { optional: true }) : this.text(field);
    if (value === null || value === '') return options.optional ? null : value;
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) this.problem(field, 'must be a calendar date YYYY-MM-DD');
    return value;
  }

  object_(field: string, options: { optional?: boolean } = {}): FieldReader | undefined {
    const value = this.object[field];
    if (value === undefined || value === null) {
      if (!options.optional) this.problem(field, 'is required');
      return undefined;
    }
    if (!isObject(value)) {
      this.problem(field, 'must be an object');
      return undefined;
    }
    return new FieldReader(this.problems, value, this.path(field));
  }

  /** The elements of an array of objects, each with its own reader. */
  list(field: string, options: { min: number; max: number }): FieldReader[] {
    const value = this.object[field];
    if (!Array.isArray(value)) {
      this.problem(field, value === undefined || value === null ? 'is required' : 'must be an array');
      return [];
    }
    if (value.length < options.min || value.length > options.max) {
      this.problem(field, `must have ${options.min} to ${options.max} elements`);
    }
    return value.flatMap((element, index) => {
      const at = `${this.path(field)}[${index}]`;
      if (!isObject(element)) {
        this.problems.push({ path: at, message: 'must be an object' });
        return [];
      }
      return [new FieldReader(this.problems, element, at)];
    });
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
