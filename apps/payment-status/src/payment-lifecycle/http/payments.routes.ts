import { SUBMISSION_RESPONSES, type ApiRouteDoc, type JsonSchema } from '@procurelink/system-api';
import { ERP_PAYMENT_METHODS, ERP_PAYMENT_STATUSES } from '../source';

// The JSON Schemas document the routes (GET /v1/openapi.json); the body is validated by parseErpPaymentRecord.
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const IDENTIFIER: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,80}$' };
const DECIMAL: JsonSchema = { type: 'string', pattern: '^-?\\d{1,14}(\\.\\d{1,4})?$', description: 'Decimal string ("1250.50"); a JSON number is refused.' };
const TEXT: JsonSchema = { type: 'string', minLength: 1, maxLength: 500 };
const INSTANT: JsonSchema = { type: 'string', format: 'date-time' };
const MONEY: JsonSchema = { type: 'object', required: ['amount', 'currency'], properties: { amount: DECIMAL, currency: { type: 'string', pattern: '^[A-Z]{3}$' } } };
const STATUSES = ['NONE', 'SCHEDULED', 'COMPLETED', 'FAILED', 'VOIDED'];

/** POST /v1/payments: the ERP payment status record of source.erp.payment.v1 (SOURCE.md). */
export const ERP_PAYMENT_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'One ERP payment status change. Unknown extra fields are ignored.',
  required: ['paymentId', 'status', 'statusAt', 'supplierId', 'facilityId', 'amount', 'currency', 'method', 'invoices', 'erpReference'],
  properties: {
    paymentId: IDENTIFIER,
    status: { enum: [...ERP_PAYMENT_STATUSES] },
    statusAt: { ...INSTANT, description: 'ISO 8601 instant with a zone: when the payment entered this status in the ERP.' },
    supplierId: { ...IDENTIFIER, description: 'The canonical supplier id.' },
    facilityId: IDENTIFIER,
    amount: { ...DECIMAL, description: 'At most 14 integer digits and 4 decimals; a schedule must be above zero.' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. USD.' },
    method: { enum: [...ERP_PAYMENT_METHODS] },
    scheduledDate: { type: 'string', format: 'date', description: 'YYYY-MM-DD; required when status is SCHEDULED.' },
    invoices: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      description: 'The invoices settled; invoiceId unique in the record; the amounts add up to amount exactly.',
      items: { type: 'object', required: ['invoiceId', 'amount'], properties: { invoiceId: IDENTIFIER, amount: DECIMAL } },
    },
    failureCode: { ...TEXT, description: 'FAILED: the bank / ERP code, e.g. R01 (UNSPECIFIED when absent).' },
    failureReason: { ...TEXT, description: 'Required when FAILED.' },
    voidReason: { ...TEXT, description: 'Required when VOIDED.' },
    bankReference: { ...TEXT, description: 'COMPLETED: the bank trace number.' },
    erpReference: { ...IDENTIFIER, description: 'The ERP document for this change (payment run, voucher).' },
    correlationId: { ...IDENTIFIER, description: 'The procure-to-pay chain; the payment id when absent.' },
  },
};

/** GET /v1/payments/{paymentId} (PaymentStatusResponse). */
export const PAYMENT_STATUS_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['paymentId', 'status', 'payment', 'history', 'supplierHold'],
  properties: {
    paymentId: { type: 'string' },
    status: { enum: STATUSES, description: 'NONE while no schedule was accepted (e.g. blocked by a supplier hold: see history).' },
    payment: nullable({
      type: 'object',
      required: ['supplierId', 'attempt', 'amount', 'method', 'scheduledDate', 'invoices', 'statusSince', 'completion', 'failure', 'voiding'],
      properties: {
        supplierId: { type: 'string' },
        attempt: { type: 'integer', minimum: 1, description: '1 for the first schedule, one more per re-schedule after a failure.' },
        amount: MONEY,
        method: { enum: [...ERP_PAYMENT_METHODS] },
        scheduledDate: { type: 'string', format: 'date' },
        invoices: { type: 'array', items: { type: 'object', required: ['invoiceId', 'poNumber'], properties: { invoiceId: { type: 'string' }, poNumber: nullable({ type: 'string' }) } } },
        statusSince: INSTANT,
        completion: nullable({ type: 'object', required: ['paidAt', 'amount', 'bankReference'], properties: { paidAt: INSTANT, amount: MONEY, bankReference: nullable({ type: 'string' }) } }),
        failure: nullable({ type: 'object', required: ['code', 'reason', 'failedAt'], properties: { code: { type: 'string' }, reason: { type: 'string' }, failedAt: INSTANT } }),
        voiding: nullable({ type: 'object', required: ['reason', 'voidedAt', 'reversal'], properties: { reason: { type: 'string' }, voidedAt: INSTANT, reversal: { type: 'boolean' } } }),
      },
    }),
    history: {
      type: 'array',
      description: 'Every status change applied or rejected, oldest first.',
      items: {
        type: 'object',
        required: ['eventId', 'eventType', 'supplierId', 'at', 'outcome', 'from', 'to'],
        properties: {
          eventId: { type: 'string' },
          eventType: { type: 'string' },
          supplierId: { type: 'string' },
          at: INSTANT,
          outcome: { enum: ['APPLIED', 'REJECTED'] },
          from: { enum: STATUSES },
          to: { enum: STATUSES },
          code: { type: 'string', description: 'REJECTED: the rejection code.' },
          reason: { type: 'string', description: 'REJECTED: one line for an operator.' },
        },
      },
    },
    supplierHold: nullable({
      type: 'object',
      description: "The supplier's current payment hold.",
      required: ['supplierId', 'reason', 'since'],
      properties: { supplierId: { type: 'string' }, reason: { enum: ['BANK_DETAILS_UNCONFIRMED', 'SUPPLIER_ON_HOLD'] }, since: INSTANT },
    }),
  },
};

export const PAYMENT_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/v1/payments',
    summary: 'Submit an ERP payment status change (SCHEDULED, COMPLETED, FAILED, VOIDED); published to source.erp.payment.v1',
    scopes: ['payments:submit'],
    requestSchema: ERP_PAYMENT_REQUEST_SCHEMA,
    responses: SUBMISSION_RESPONSES,
  },
  {
    method: 'get',
    path: '/v1/payments/:paymentId',
    summary: 'A payment: its status, history of applied and rejected changes, and the supplier payment hold',
    scopes: ['payments:read'],
    responses: { '200': { description: 'The payment lifecycle.', schema: PAYMENT_STATUS_SCHEMA }, '404': { description: 'No payment with this id (problem+json).' } },
  },
];
