import { SUBMISSION_RESPONSES, type ApiRouteDoc, type JsonSchema } from '@procurelink/system-api';

// The JSON Schemas document the routes (GET /v1/openapi.json); the body is validated by parseApInvoiceRecord.
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const IDENTIFIER: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9._:/-]{1,80}$' };
const DECIMAL: JsonSchema = { type: 'string', pattern: '^-?\\d{1,14}(\\.\\d{1,4})?$', description: 'Decimal string ("1250.50"); a JSON number is refused.' };
const DATE: JsonSchema = { type: 'string', format: 'date', description: 'Calendar date YYYY-MM-DD.' };
const INSTANT: JsonSchema = { type: 'string', format: 'date-time' };
const LINE_NUMBER: JsonSchema = { type: 'integer', minimum: 1, maximum: 1_000_000 };
const MONEY: JsonSchema = { type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'string' }, currency: { type: 'string' } } };
const EXCEPTION_REASONS = [
  'PRICE_VARIANCE',
  'QUANTITY_VARIANCE',
  'NO_RECEIPT',
  'UNKNOWN_PO',
  'DUPLICATE',
  'NEAR_DUPLICATE',
  'INACTIVE_SUPPLIER',
  'CLOSED_PO',
  'CURRENCY_MISMATCH',
  'SUPPLIER_ON_HOLD',
  'INVALID_INVOICE',
  'OTHER',
];

/** POST /v1/invoices: the AP automation invoice record of source.ap.invoice.v1 (SOURCE.md). */
export const AP_INVOICE_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'One invoice captured by AP automation. Unknown extra fields are ignored.',
  required: ['invoiceId', 'supplierId', 'supplierInvoiceNumber', 'invoiceDate', 'facilityId', 'currency', 'capturedAt', 'lines', 'subtotal', 'taxAmount', 'total'],
  properties: {
    invoiceId: { ...IDENTIFIER, description: "AP automation's id of the captured document; the Kafka key." },
    supplierId: { ...IDENTIFIER, description: 'The canonical supplier id (as in p2p.supplier.v1).' },
    supplierInvoiceNumber: { type: 'string', minLength: 1, maxLength: 80, description: 'The number printed by the supplier; compared normalised for duplicates.' },
    invoiceDate: DATE,
    dueDate: nullable({ ...DATE, description: 'Not before invoiceDate.' }),
    facilityId: { ...IDENTIFIER, description: 'The billed facility (per-facility tolerances apply to it).' },
    poNumber: nullable({ ...IDENTIFIER, description: 'The purchase order billed; null for a non-PO invoice (an UNKNOWN_PO exception).' }),
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217, upper case; every amount is in it.' },
    capturedAt: { ...INSTANT, description: 'ISO 8601 instant with a zone; the receipt wait runs from here.' },
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        required: ['lineNumber', 'description', 'quantity', 'unitPrice', 'lineAmount'],
        properties: {
          lineNumber: { ...LINE_NUMBER, description: 'Unique in the invoice.' },
          poLineNumber: nullable({ ...LINE_NUMBER, description: 'The PO line billed; null for freight, fees, credits.' }),
          description: { type: 'string', minLength: 1, maxLength: 500 },
          gtin: nullable({ type: 'string', pattern: '^\\d{8,14}$' }),
          unitOfMeasure: nullable({ type: 'string', maxLength: 20, description: 'Default EA when a GTIN is given.' }),
          quantity: DECIMAL,
          unitPrice: DECIMAL,
          lineAmount: { ...DECIMAL, description: 'quantity × unitPrice, within the rounding allowance.' },
          taxAmount: nullable(DECIMAL),
        },
      },
    },
    subtotal: { ...DECIMAL, description: 'The sum of the line amounts (within the rounding allowance).' },
    taxAmount: { ...DECIMAL, description: 'The invoice tax ("0.00" when none).' },
    total: { ...DECIMAL, description: 'subtotal + taxAmount (within the rounding allowance).' },
  },
};

/** GET /v1/invoices/{invoiceId} (InvoiceStatusResponse). */
export const INVOICE_STATUS_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['invoiceId', 'status', 'supplierId', 'supplierInvoiceNumber', 'poNumber', 'facilityId', 'invoiceDate', 'dueDate', 'amounts', 'receivedAt', 'waiting', 'matchedAt', 'posting', 'exception'],
  properties: {
    invoiceId: { type: 'string' },
    status: {
      enum: ['RECEIVED', 'WAITING', 'MATCHED', 'POSTED', 'EXCEPTION'],
      description: 'RECEIVED: being decided; WAITING: for its receipt or PO (see waiting); MATCHED: posting to the ERP; POSTED: in ERP AP; EXCEPTION: see exception.',
    },
    supplierId: { type: 'string' },
    supplierInvoiceNumber: { type: 'string' },
    poNumber: nullable({ type: 'string' }),
    facilityId: { type: 'string' },
    invoiceDate: DATE,
    dueDate: nullable(DATE),
    amounts: {
      type: 'object',
      required: ['currency', 'subtotal', 'taxAmount', 'total'],
      properties: { currency: { type: 'string' }, subtotal: { type: 'string' }, taxAmount: { type: 'string' }, total: { type: 'string' } },
    },
    receivedAt: { ...INSTANT, description: 'When AP automation captured it.' },
    waiting: nullable({
      type: 'object',
      required: ['waitingFor', 'until', 'lastDecidedAt', 'shortfalls'],
      properties: {
        waitingFor: { enum: ['RECEIPT', 'PURCHASE_ORDER'] },
        until: { ...INSTANT, description: 'When the wait ends: NO_RECEIPT (or UNKNOWN_PO) unless it arrives before.' },
        lastDecidedAt: INSTANT,
        shortfalls: {
          type: 'array',
          items: {
            type: 'object',
            required: ['poLineNumber', 'invoiced', 'received', 'ordered'],
            properties: { poLineNumber: { type: 'integer' }, invoiced: { type: 'string' }, received: { type: 'string' }, ordered: { type: 'string' } },
          },
        },
      },
    }),
    matchedAt: nullable(INSTANT),
    posting: nullable({ type: 'object', required: ['erpDocumentNumber', 'postedAt'], properties: { erpDocumentNumber: { type: 'string' }, postedAt: nullable(INSTANT) } }),
    exception: nullable({
      type: 'object',
      required: ['reasonCode', 'detail', 'duplicateOfInvoiceId', 'variance', 'raisedAt'],
      properties: {
        reasonCode: { enum: EXCEPTION_REASONS },
        detail: { type: 'string' },
        duplicateOfInvoiceId: nullable({ type: 'string', description: 'DUPLICATE / NEAR_DUPLICATE: the earlier invoice.' }),
        variance: nullable({ type: 'object', required: ['amount', 'percent'], properties: { amount: MONEY, percent: nullable({ type: 'string' }) } }),
        raisedAt: INSTANT,
      },
    }),
  },
};

export const INVOICE_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/v1/invoices',
    summary: 'Submit an AP automation invoice; published to source.ap.invoice.v1 (duplicate check, three-way match, ERP AP posting)',
    scopes: ['invoices:submit'],
    requestSchema: AP_INVOICE_REQUEST_SCHEMA,
    responses: SUBMISSION_RESPONSES,
  },
  {
    method: 'get',
    path: '/v1/invoices/:invoiceId',
    summary: 'Where the invoice is: received, waiting for its receipt (until when), matched, posted (ERP document) or exception (reason)',
    scopes: ['invoices:read'],
    responses: { '200': { description: 'The invoice lifecycle.', schema: INVOICE_STATUS_SCHEMA }, '404': { description: 'No invoice with this id (problem+json).' } },
  },
];
