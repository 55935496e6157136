import { Decimal, stableEventId } from '@procurelink/canonical-schemas';

/** The ERP's payment statuses, as the ERP names them on source.erp.payment.v1. */
export const ERP_PAYMENT_STATUSES = ['SCHEDULED', 'COMPLETED', 'FAILED', 'VOIDED'] as const;
export type ErpPaymentStatus = (typeof ERP_PAYMENT_STATUSES)[number];

export const ERP_PAYMENT_METHODS = ['ACH', 'WIRE', 'CHECK', 'VIRTUAL_CARD', 'OTHER'] as const;
export type ErpPaymentMethod = (typeof ERP_PAYMENT_METHODS)[number];

/** One invoice the payment settles, with the part of the payment that goes to it. */
export interface ErpPaidInvoice {
  readonly invoiceId: string;
  /** Decimal string, e.g. "1250.50". */
  readonly amount: string;
}

/** An ERP payment status record (source.erp.payment.v1, key = paymentId). See SOURCE.md. */
export interface ErpPaymentRecord {
  readonly paymentId: string;
  readonly status: ErpPaymentStatus;
  /** ISO 8601 instant with a zone: when the payment entered this status in the ERP. */
  readonly statusAt: string;
  readonly supplierId: string;
  readonly facilityId: string;
  /** Decimal string, at most 4 decimal places; the invoice amounts add up to it exactly. */
  readonly amount: string;
  readonly currency: string;
  readonly method: ErpPaymentMethod;
  /** YYYY-MM-DD; required when status is SCHEDULED. */
  readonly scheduledDate: string | null;
  readonly invoices: readonly ErpPaidInvoice[];
  /** FAILED: the bank or ERP return code (e.g. R01); optional. */
  readonly failureCode: string | null;
  /** FAILED: required. */
  readonly failureReason: string | null;
  /** VOIDED: required. */
  readonly voidReason: string | null;
  /** COMPLETED: the bank's trace / reference number; optional. */
  readonly bankReference: string | null;
  /** The ERP's document reference for this status change (payment run, voucher). */
  readonly erpReference: string;
  /** The procure-to-pay chain id when the ERP carries it; the payment id otherwise. */
  readonly correlationId: string | null;
}

/** The rule a field breaks: a closed list, stable for API clients (the HTTP 400 `problems[].code`). */
export const SOURCE_PROBLEM_CODES = [
  'NOT_AN_OBJECT',
  'REQUIRED',
  'INVALID_IDENTIFIER',
  'NOT_ALLOWED',
  'INVALID_INSTANT',
  'INVALID_DATE',
  'NOT_A_DECIMAL_STRING',
  'INVALID_DECIMAL',
  'INVALID_CURRENCY',
  'INVALID_TEXT',
  'INVALID_LIST',
  'DUPLICATE',
  'AMOUNTS_DO_NOT_ADD_UP',
] as const;
export type SourceProblemCode = (typeof SOURCE_PROBLEM_CODES)[number];

export interface SourceProblem {
  /** Field path, e.g. invoices[1].amount; '' for the record itself. */
  readonly path: string;
  readonly code: SourceProblemCode;
  readonly message: string;
}

export type ParseResult<T> = { readonly ok: true; readonly record: T } | { readonly ok: false; readonly problems: readonly SourceProblem[] };

const IDENTIFIER = /^[A-Za-z0-9._:-]{1,80}$/;
const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const PLAIN_DECIMAL = /^-?\d{1,14}(\.\d{1,4})?$/;
const MAX_TEXT = 500;
const MAX_INVOICES = 500;

/**
 * Parses an ERP payment record, reporting every problem at once with its field path. Values are
 * never echoed in the messages (only the rule broken). Unknown fields are ignored and not copied.
 */
export function parseErpPaymentRecord(value: unknown): ParseResult<ErpPaymentRecord> {
  const problems: SourceProblem[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ path: '', code: 'NOT_AN_OBJECT', message: 'must be a JSON object' }] };
  }
  const raw = value as Record<string, unknown>;
  const problem = (path: string, code: SourceProblemCode, message: string): void => void problems.push({ path, code, message });

  const identifier = (path: string, v: unknown): string => {
    if (v === undefined || v === null) problem(path, 'REQUIRED', 'is required');
    else if (typeof v !== 'string' || !IDENTIFIER.test(v)) problem(path, 'INVALID_IDENTIFIER', 'must be an identifier: 1-80 letters, digits, ".", "_", ":" or "-"');
    return typeof v === 'string' ? v : '';
  };
  const text = (path: string, v: unknown, required: boolean): string | null => {
    if (v === undefined || v === null) {
      if (required) problem(path, 'REQUIRED', 'is required');
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_TEXT) {
      problem(path, 'INVALID_TEXT', `must be a non-empty string of at most ${MAX_TEXT} characters`);
      return null;
    }
    return v.trim();
  };
  const decimal = (path: string, v: unknown): Decimal | null => {
    if (typeof v === 'number') {
      problem(path, 'NOT_A_DECIMAL_STRING', 'must be a decimal string such as "1250.50", not a JSON number');
      return null;
    }
    if (v === undefined || v === null) {
      problem(path, 'REQUIRED', 'is required');
      return null;
    }
    if (typeof v !== 'string' || !PLAIN_DECIMAL.test(v)) {
      problem(path, 'INVALID_DECIMAL', 'must be a decimal string with at most 14 integer digits and 4 decimal places');
      return null;
    }
    return Decimal.parse(v);
  };
  const oneOf = <T extends string>(path: string, v: unknown, allowed: readonly T[]): T => {
    if (v === undefined || v === null) problem(path, 'REQUIRED', 'is required');
    else if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) problem(path, 'NOT_ALLOWED', `must be one of ${allowed.join(', ')}`);
    return v as T;
  };

  const paymentId = identifier('paymentId', raw['paymentId']);
  const status = oneOf('status', raw['status'], ERP_PAYMENT_STATUSES);
  const statusAt = typeof raw['statusAt'] === 'string' ? raw['statusAt'] : '';
  if (raw['statusAt'] === undefined || raw['statusAt'] === null) problem('statusAt', 'REQUIRED', 'is required');
  else if (!INSTANT.test(statusAt) || Number.isNaN(Date.parse(statusAt))) problem('statusAt', 'INVALID_INSTANT', 'must be an ISO 8601 instant with a zone');
  const supplierId = identifier('supplierId', raw['supplierId']);
  const facilityId = identifier('facilityId', raw['facilityId']);
  const amount = decimal('amount', raw['amount']);
  const currency = typeof raw['currency'] === 'string' && CURRENCY.test(raw['currency']) ? raw['currency'] : '';
  if (raw['currency'] === undefined || raw['currency'] === null) problem('currency', 'REQUIRED', 'is required');
  else if (currency === '') problem('currency', 'INVALID_CURRENCY', 'must be an ISO 4217 code such as USD');
  const method = oneOf('method', raw['method'], ERP_PAYMENT_METHODS);

  let scheduledDate: string | null = null;
  if (raw['scheduledDate'] !== undefined && raw['scheduledDate'] !== null) {
    if (typeof raw['scheduledDate'] !== 'string' || !DATE.test(raw['scheduledDate'])) problem('scheduledDate', 'INVALID_DATE', 'must be a date YYYY-MM-DD');
    else scheduledDate = raw['scheduledDate'];
  } else if (status === 'SCHEDULED') {
    problem('scheduledDate', 'REQUIRED', 'is required when status is SCHEDULED');
  }

  const invoices: ErpPaidInvoice[] = [];
  const rawInvoices = raw['invoices'];
  if (rawInvoices === undefined || rawInvoices === null) {
    problem('invoices', 'REQUIRED', 'is required');
  } else if (!Array.isArray(rawInvoices) || rawInvoices.length === 0 || rawInvoices.length > MAX_INVOICES) {
    problem('invoices', 'INVALID_LIST', `must be a list of 1 to ${MAX_INVOICES} invoices`);
  } else {
    let total: Decimal | null = Decimal.zero();
    const seen = new Set<string>();
    rawInvoices.forEach((entry: unknown, index) => {
      const path = `invoices[${index}]`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        problem(path, 'NOT_AN_OBJECT', 'must be an object { invoiceId, amount }');
        total = null;
        return;
      }
      const item = entry as Record<string, unknown>;
      const invoiceId = identifier(`${path}.invoiceId`, item['invoiceId']);
      if (seen.has(invoiceId)) problem(`${path}.invoiceId`, 'DUPLICATE', 'appears twice in the payment');
      seen.add(invoiceId);
      const part = decimal(`${path}.amount`, item['amount']);
      if (part === null) total = null;
      else if (total !== null) total = total.add(part);
      invoices.push({ invoiceId, amount: typeof item['amount'] === 'string' ? item['amount'] : '' });
    });
    if (total !== null && amount !== null && !(total as Decimal).equals(amount)) {
      problem('invoices', 'AMOUNTS_DO_NOT_ADD_UP', 'the invoice amounts must add up to the payment amount exactly');
    }
  }

  const failureCode = text('failureCode', raw['failureCode'], false);
  const failureReason = text('failureReason', raw['failureReason'], status === 'FAILED');
  const voidReason = text('voidReason', raw['voidReason'], status === 'VOIDED');
  const bankReference = text('bankReference', raw['bankReference'], false);
  const erpReference = identifier('erpReference', raw['erpReference']);
  const correlationId = raw['correlationId'] === undefined || raw['correlationId'] === null ? null : identifier('correlationId', raw['correlationId']);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    record: {
      paymentId,
      status,
      statusAt,
      supplierId,
      facilityId,
      amount: raw['amount'] as string,
      currency,
      method,
      scheduledDate,
      invoices,
      failureCode,
      failureReason,
      voidReason,
      bankReference,
      erpReference,
      correlationId,
    },
  };
}

/** "path: message; path: message" — for an INVALID_INPUT error or an HTTP 400. */
export function describeProblems(problems: readonly SourceProblem[]): string {
  return problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('; ');
}

/**
 * The id of one ERP status change: the same record redelivered gives the same id, so the
 * runtime's claims skip it. undefined when the record is too broken to identify (it will be
 * dead-lettered by the handler anyway).
 */
export function erpPaymentEventId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { paymentId, status, statusAt } = value as Record<string, unknown>;
  if (typeof paymentId !== 'string' || typeof status !== 'string' || typeof statusAt !== 'string') return undefined;
  const at = Date.parse(statusAt);
  if (Number.isNaN(at)) return undefined;
  return stableEventId('erp', 'payment', paymentId, status, new Date(at).toISOString());
}
