import { API_ERRORS } from '../http/api-error';
import { AMOUNT_MAX_INTEGER_DIGITS, AMOUNT_MAX_SCALE } from '../domain/amount';
import { MAX_INVOICE_LINES } from '../domain/ap-invoice';
import { BATCH_WRITES, MAX_BATCH_ITEMS } from '../domain/batch-request';
import { AFTER_HOLD, FAIL_STATUSES, FAULT_MODES } from '../domain/faults';
import { PAYMENT_STATUSES } from '../domain/payment-status';
import { CAPABILITIES, COUNTRY, CURRENCY, DIRECTIONS, IDENTIFIER, POSTING_KINDS } from '../domain/posting';
import { PROBLEM_CODES } from '../domain/problem';
import { VENDOR_STATUSES } from '../domain/vendor-upsert';

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1), just the parts the contract uses. */
export type Schema = Readonly<Record<string, unknown>>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const text = (maxLength: number, description?: string): Schema => ({ type: 'string', maxLength, ...(description ? { description } : {}) });
const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] });
const codes = (values: readonly (string | number)[], description?: string): Schema => ({ enum: [...values], ...(description ? { description } : {}) });
const object = (required: string[], properties: Record<string, Schema>, description?: string): Schema => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
  ...(description ? { description } : {}),
});

export const identifier: Schema = { type: 'string', pattern: IDENTIFIER.source, maxLength: 80 };
const currency: Schema = { type: 'string', pattern: CURRENCY.source, description: 'ISO 4217', examples: ['USD'] };
const country: Schema = { type: 'string', pattern: COUNTRY.source, description: 'ISO 3166-1 alpha-2', examples: ['US'] };
const amount = (description: string): Schema => ({
  type: 'string',
  pattern: `^-?\\d{1,${AMOUNT_MAX_INTEGER_DIGITS}}(\\.\\d{1,${AMOUNT_MAX_SCALE}})?$`,
  description: `${description} A decimal STRING with at most ${AMOUNT_MAX_SCALE} decimal places; a JSON number is refused with 400.`,
  examples: ['1234.50'],
});
const whole = (minimum: number, maximum: number): Schema => ({ type: 'integer', minimum, maximum });
const date: Schema = { type: 'string', format: 'date' };
const instant: Schema = { type: 'string', format: 'date-time' };

export const SCHEMAS: Readonly<Record<string, Schema>> = {
  Problem: object(['path', 'code', 'message'], {
    path: { type: 'string', description: 'Where: `lines[0].amount`, `params.supplierId`, `headers.Idempotency-Key`, `query.since`.', examples: ['lines[0].amount'] },
    code: codes(PROBLEM_CODES),
    message: { type: 'string', description: 'Never repeats the value sent.' },
  }),
  Error: object(['error', 'message'], {
    error: codes(Object.keys(API_ERRORS)),
    message: { type: 'string' },
    problems: { type: 'array', items: ref('Problem') },
  }),
  RemitTo: object(['line1', 'city', 'postalCode', 'country'], {
    line1: text(120), line2: nullable(text(120)), city: text(80), region: nullable(text(80)), postalCode: text(20), country,
  }),
  BankAccountReference: object(
    ['token', 'maskedNumber', 'bankCountry'],
    {
      token: { type: 'string', minLength: 8, maxLength: 128, description: 'The vault token; a clear account number or IBAN here is refused.' },
      maskedNumber: { type: 'string', pattern: '^\\*{4,}[0-9A-Z]{4}$', examples: ['****1234'] },
      bankCountry: country,
    },
    'A bank account by reference only: the clear number never reaches the ERP.',
  ),
  VendorUpsert: object(['legalName', 'status', 'remitTo'], {
    legalName: text(200), tradingName: nullable(text(200)), status: codes(VENDOR_STATUSES), remitTo: ref('RemitTo'),
    bankAccount: nullable(ref('BankAccountReference')), paymentTermsCode: nullable({ ...identifier, maxLength: 20 }),
  }),
  Encumbrance: object(
    ['poNumber', 'revision', 'lineNumber', 'glAccount', 'costCentre', 'facilityId', 'amount', 'currency', 'direction'],
    {
      poNumber: identifier, revision: whole(0, 1_000_000), lineNumber: whole(1, 100_000),
      glAccount: { ...identifier, maxLength: 40 }, costCentre: { ...identifier, maxLength: 40 }, facilityId: identifier,
      departmentId: nullable(identifier), supplierId: nullable(identifier),
      amount: amount('Greater than zero; the direction gives the sign.'), currency,
      direction: codes(DIRECTIONS, 'ENCUMBER commits budget; RELIEVE reduces a commitment (a PO change); RELEASE frees what is left (a cancel).'),
      reason: nullable(text(200)),
    },
    'Business key: poNumber/revision/lineNumber/direction.',
  ),
  ApInvoiceLine: object(['lineNumber', 'description', 'amount'], {
    lineNumber: whole(1, 100_000), poLineNumber: nullable(whole(1, 100_000)), description: text(200),
    quantity: nullable(amount('Greater than zero.')), amount: amount('The line amount.'), glAccount: nullable({ ...identifier, maxLength: 40 }),
  }),
  ApInvoice: object(
    ['invoiceId', 'supplierId', 'poNumber', 'amount', 'currency', 'lines'],
    {
      invoiceId: identifier, supplierId: identifier, supplierInvoiceNumber: nullable(text(80)), poNumber: identifier,
      facilityId: nullable(identifier), invoiceDate: nullable(date), dueDate: nullable(date),
      amount: amount('The invoice total: exactly the sum of the line amounts plus taxAmount (400 INCONSISTENT at `lines` otherwise). Negative for a credit memo.'),
      taxAmount: nullable(amount('Tax on top of the lines.')), currency,
      lines: { type: 'array', minItems: 1, maxItems: MAX_INVOICE_LINES, items: ref('ApInvoiceLine'), description: 'Line numbers are unique.' },
    },
    'Business key: invoiceId.',
  ),
  PaymentStatusAcknowledgement: object(
    ['supplierId', 'status', 'statusAt'],
    {
      supplierId: identifier, status: codes(PAYMENT_STATUSES), statusAt: instant,
      amount: nullable(amount('Greater than zero; sent together with currency.')), currency: nullable(currency),
      invoiceIds: { type: 'array', maxItems: 500, items: identifier }, facilityId: nullable(identifier), reason: nullable(text(200)),
    },
    'Business key: paymentId/status.',
  ),
  LedgerEntry: object(
    ['sequence', 'documentNumber', 'kind', 'businessKey', 'subjectId', 'idempotencyKey', 'acceptedAt', 'facilityId', 'currency', 'amount', 'direction', 'record'],
    {
      sequence: { type: 'integer', minimum: 1, description: 'Ledger order; never reused, not even after a reset.' },
      documentNumber: { type: 'string', examples: ['ENC-00000042'], description: 'VND-, ENC-, APV- or PMT- and the sequence.' },
      kind: codes(POSTING_KINDS), businessKey: { type: 'string' },
      subjectId: { type: 'string', description: 'supplier id, PO number, invoice id or payment id.' },
      idempotencyKey: { type: 'string' }, acceptedAt: instant, facilityId: nullable(identifier), currency: nullable(currency),
      amount: nullable(amount('As accepted.')), direction: nullable(codes(DIRECTIONS)),
      record: { type: 'object', description: 'The validated request as the ERP keeps it (path ids included).' },
    },
    'One accepted posting. Every write answers with its entry, and a replay answers with the same entry.',
  ),
  LedgerPage: object(['count', 'truncated', 'entries'], {
    count: { type: 'integer' }, truncated: { type: 'boolean', description: 'True when `limit` entries came back: ask again with afterSequence.' },
    entries: { type: 'array', items: ref('LedgerEntry') },
  }),
  LedgerSummary: object(['count', 'byKind', 'groups'], {
    count: { type: 'integer' },
    byKind: { type: 'array', items: object(['kind', 'count'], { kind: codes(POSTING_KINDS), count: { type: 'integer' } }) },
    groups: {
      type: 'array',
      description: 'Per kind, facility, UTC day, currency and direction; totals are exact decimal strings, never floats, and never mix currencies.',
      items: object(['kind', 'facilityId', 'day', 'currency', 'direction', 'count', 'total'], {
        kind: codes(POSTING_KINDS), facilityId: nullable({ type: 'string' }), day: date, currency: nullable(currency),
        direction: nullable(codes(DIRECTIONS)), count: { type: 'integer' }, total: nullable(amount('The exact sum.')),
      }),
    },
  }),
  FaultSpec: object(
    ['mode'],
    {
      mode: codes(FAULT_MODES, 'ok: answer normally (overrides the rule for all) · fail: answer 5xx · slow: answer after delayMs · timeout: hold unanswered.'),
      capability: codes(CAPABILITIES, 'Omit for every capability; a capability rule wins over the rule for all.'),
      status: codes(FAIL_STATUSES, 'fail only; default 503.'),
      delayMs: { ...whole(1, 600_000), description: 'slow only; required.' },
      holdMs: { ...whole(1, 3_600_000), description: 'timeout only; omit to hold until released.' },
      afterHold: codes(AFTER_HOLD, 'timeout only; drop (default): close the connection unanswered, nothing posted · proceed: process it late.'),
      durationMs: { ...whole(1, 86_400_000), description: 'The rule lapses after this long (fail for 60 s: 60000).' },
      count: { ...whole(1, 1_000_000), description: 'The rule lapses after this many requests.' },
    },
    'Setting a rule replaces the rule with the same scope.',
  ),
  Faults: object(['faults', 'held'], {
    faults: { type: 'array', items: { type: 'object' } },
    held: { type: 'integer', description: 'Requests held by a timeout fault right now.' },
  }),
  BatchRequest: object(
    ['requests'],
    { requests: { type: 'array', minItems: 1, maxItems: MAX_BATCH_ITEMS, items: ref('BatchItem') } },
    `1 to ${MAX_BATCH_ITEMS} writes, run in order; the JSON body may be up to 5 MB.`,
  ),
  BatchItem: object(
    ['method', 'path', 'body'],
    {
      method: codes(['POST', 'PUT']),
      path: { type: 'string', description: `The single call's path, path ids URL-encoded: ${BATCH_WRITES.join(' · ')}.`, examples: ['/erp/v1/vendors/SUP-1'] },
      idempotencyKey: { type: 'string', pattern: '^[\\x21-\\x7E]{1,255}$', description: 'Stands in for the Idempotency-Key header (400 IDEMPOTENCY_KEY_REQUIRED without).' },
      body: { type: 'object', description: 'Exactly the body the single call takes (VendorUpsert, Encumbrance, ApInvoice, PaymentStatusAcknowledgement).' },
    },
    'One write, answered exactly as the same single call would be, with the same idempotency fingerprint (method, path, body).',
  ),
  BatchResponse: object(
    ['responses'],
    { responses: { type: 'array', items: ref('BatchItemResponse'), description: 'One per request, in the same order.' } },
  ),
  BatchItemResponse: object(
    ['status', 'replayed', 'body'],
    {
      status: { type: 'integer', description: "The single call's status: 201 / 200, 200 replayed, 400, 404, 409, or an injected fault's 5xx." },
      replayed: { type: 'boolean', description: 'True where the single call would send Idempotent-Replayed: true.' },
      body: { oneOf: [ref('LedgerEntry'), ref('Error')] },
    },
  ),
  Tamper: object(['action', 'documentNumber'], {
    action: codes(['alter', 'delete']), documentNumber: { type: 'string', examples: ['ENC-00000042'] },
    amount: amount('alter only: the new amount.'), currency: { ...currency, description: 'alter only: the new currency.' },
  }),
};
