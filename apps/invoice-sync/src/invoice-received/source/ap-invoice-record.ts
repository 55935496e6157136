import { Decimal } from '@procurelink/canonical-schemas';

/** One line of an invoice as AP automation captured it (SOURCE.md). Money and quantities are decimal strings. */
export interface ApInvoiceLineRecord {
  readonly lineNumber: number;
  /** The PO line it bills; null for freight, fees and credits. */
  readonly poLineNumber: number | null;
  readonly description: string;
  readonly gtin: string | null;
  readonly unitOfMeasure: string | null;
  readonly quantity: Decimal;
  readonly unitPrice: Decimal;
  readonly lineAmount: Decimal;
  readonly taxAmount: Decimal | null;
}

/** An invoice captured by AP automation, on source.ap.invoice.v1 (key: invoiceId). */
export interface ApInvoiceRecord {
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly supplierInvoiceNumber: string;
  /** YYYY-MM-DD */
  readonly invoiceDate: string;
  readonly dueDate: string | null;
  readonly facilityId: string;
  readonly poNumber: string | null;
  readonly currency: string;
  /** When AP automation captured the invoice; the receipt wait runs from here. */
  readonly capturedAt: Date;
  readonly lines: readonly ApInvoiceLineRecord[];
  readonly subtotal: Decimal;
  readonly taxAmount: Decimal;
  readonly total: Decimal;
}

/** One thing wrong with a source record, at a JSON path such as `lines[1].unitPrice`. Never echoes the value. */
export interface SourceProblem {
  readonly path: string;
  readonly message: string;
}

export type ApInvoiceParseResult =
  | { readonly ok: true; readonly record: ApInvoiceRecord }
  | { readonly ok: false; readonly problems: readonly SourceProblem[] };

type Json = Readonly<Record<string, unknown>>;

const IDENTIFIER = /^[A-Za-z0-9._:/-]{1,80}$/;
const DECIMAL = /^-?\d{1,14}(\.\d{1,4})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_LINES = 500;

/**
 * Parses an AP automation invoice (SOURCE.md) and reports every problem with its field path.
 * Money must be a decimal string ("1250.50"); a JSON number is refused.
 */
export function parseApInvoiceRecord(value: unknown): ApInvoiceParseResult {
  const problems: SourceProblem[] = [];
  if (!isObject(value)) return { ok: false, problems: [{ path: '', message: 'the record must be a JSON object' }] };
  const r = new Reader(value, '', problems);
  const record: ApInvoiceRecord = {
    invoiceId: r.identifier('invoiceId'),
    supplierId: r.identifier('supplierId'),
    supplierInvoiceNumber: r.text('supplierInvoiceNumber', 80) ?? '',
    invoiceDate: r.date('invoiceDate') ?? '',
    dueDate: r.optional('dueDate') ? r.date('dueDate') : null,
    facilityId: r.identifier('facilityId'),
    poNumber: r.optional('poNumber') ? r.identifier('poNumber') : null,
    currency: r.currency('currency'),
    capturedAt: r.instant('capturedAt'),
    lines: readLines(value['lines'], problems),
    subtotal: r.decimal('subtotal'),
    taxAmount: r.decimal('taxAmount'),
    total: r.decimal('total'),
  };
  if (record.dueDate !== null && record.invoiceDate !== '' && record.dueDate < record.invoiceDate) {
    problems.push({ path: 'dueDate', message: 'must not be before invoiceDate' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record };
}

function readLines(value: unknown, problems: SourceProblem[]): ApInvoiceLineRecord[] {
  if (!Array.isArray(value)) {
    problems.push({ path: 'lines', message: value === undefined || value === null ? 'is required' : 'must be an array' });
    return [];
  }
  if (value.length === 0 || value.length > MAX_LINES) problems.push({ path: 'lines', message: `must hold 1 to ${MAX_LINES} lines` });
  const seen = new Set<number>();
  return value.map((line: unknown, index): ApInvoiceLineRecord => {
    const at = `lines[${index}]`;
    if (!isObject(line)) {
      problems.push({ path: at, message: 'must be an object' });
      return emptyLine();
    }
    const r = new Reader(line, at, problems);
    const lineNumber = r.positiveInt('lineNumber');
    if (seen.has(lineNumber)) r.problem('lineNumber', 'must be unique within the invoice');
    seen.add(lineNumber);
    return {
      lineNumber,
      poLineNumber: r.optional('poLineNumber') ? r.positiveInt('poLineNumber') : null,
      description: r.text('description', 500) ?? '',
      gtin: r.optional('gtin') ? r.pattern('gtin', /^\d{8,14}$/, 'must be 8 to 14 digits') : null,
      unitOfMeasure: r.optional('unitOfMeasure') ? r.text('unitOfMeasure', 20) : null,
      quantity: r.decimal('quantity'),
      unitPrice: r.decimal('unitPrice'),
      lineAmount: r.decimal('lineAmount'),
      taxAmount: r.optional('taxAmount') ? r.decimal('taxAmount') : null,
    };
  });
}

function emptyLine(): ApInvoiceLineRecord {
  const zero = Decimal.zero();
  return { lineNumber: 0, poLineNumber: null, description: '', gtin: null, unitOfMeasure: null, quantity: zero, unitPrice: zero, lineAmount: zero, taxAmount: null };
}

class Reader {
  constructor(
    private readonly object: Json,
    private readonly at: string,
    private readonly problems: SourceProblem[],
  ) {}

  problem(field: string, message: string): void {
    this.problems.push({ path: this.at === '' ? field : `${this.at}.${field}`, message });
  }

  optional(field: string): boolean {
    return this.object[field] !== undefined && this.object[field] !== null;
  }

  text(field: string, max: number): string | null {
    const value = this.object[field];
    if (value === undefined || value === null) return this.fail(field, 'is required');
    if (typeof value !== 'string') return this.fail(field, 'must be a string');
    const trimmed = value.trim();
    if (trimmed === '') return this.fail(field, 'must not be blank');
    if (trimmed.length > max) return this.fail(field, `must be at most ${max} characters`);
    return trimmed;
  }

  pattern(field: string, pattern: RegExp, message: string): string {
    const value = this.text(field, 200);
    if (value === null) return '';
    if (!pattern.test(value)) this.problem(field, message);
    return value;
  }

  identifier(field: string): string {
    return this.pattern(field, IDENTIFIER, 'must be 1–80 letters, digits, ".", "_", ":", "/" or "-"');
  }

  currency(field: string): string {
    return this.pattern(field, CURRENCY, 'must be an ISO 4217 code such as USD');
  }

  date(field: string): string | null {
    const value = this.text(field, 10);
    if (value === null) return null;
    const match = DATE.exec(value);
    const valid = match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return valid ? value : this.fail(field, 'must be a calendar date YYYY-MM-DD');
  }

  instant(field: string): Date {
    const value = this.text(field, 40);
    const date = value !== null && INSTANT.test(value) ? new Date(value) : null;
    if (value !== null && (date === null || Number.isNaN(date.getTime()))) this.problem(field, 'must be an ISO 8601 instant with a zone');
    return date ?? new Date(0);
  }

  decimal(field: string): Decimal {
    const value = this.object[field];
    if (typeof value === 'number') {
      this.problem(field, 'must be a decimal string such as "1250.50", not a JSON number');
    } else if (typeof value !== 'string') {
      this.problem(field, value === undefined || value === null ? 'is required' : 'must be a decimal string');
    } else if (!DECIMAL.test(value.trim())) {
      this.problem(field, 'must be a decimal string with at most 14 digits before and 4 after the point');
    } else {
      return Decimal.parse(value.trim());
    }
    return Decimal.zero();
  }

  positiveInt(field: string): number {
    const value = this.object[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1_000_000) return value;
    this.problem(field, value === undefined || value === null ? 'is required' : 'must be a whole number from 1 to 1000000');
    return 0;
  }

  private fail(field: string, message: string): null {
    this.problem(field, message);
    return null;
  }
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problems as one message for a dead letter: paths and rules, never values. */
export function describeProblems(problems: readonly SourceProblem[]): string {
  return problems.map((p) => (p.path === '' ? p.message : `${p.path} ${p.message}`)).join('; ');
}
