import type { ApiRouteDoc, JsonSchema } from '@procurelink/system-api';

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const INSTANT: JsonSchema = { type: 'string', format: 'date-time' };
const MASKED: JsonSchema = { type: 'string', description: 'Masked account number (****7788); never the account in clear.' };

/** GET /v1/suppliers/{supplierId} (SupplierStatusView). */
export const SUPPLIER_STATUS_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['supplierId', 'status', 'revision', 'legalName', 'sourceRecords', 'hold', 'lastHoldRelease', 'lastSyncAt'],
  properties: {
    supplierId: { type: 'string' },
    status: { enum: ['ACTIVE', 'INACTIVE', 'ON_HOLD'], description: 'ON_HOLD while a payment hold is open (or the supplier is blocked in a source system).' },
    revision: { type: 'integer' },
    legalName: { type: 'string' },
    sourceRecords: { type: 'object', properties: { erp: nullable({ type: 'string' }), purchasing: nullable({ type: 'string' }) } },
    hold: nullable({
      type: 'object',
      description: 'The open payment hold; confirm it with POST /v1/suppliers/{supplierId}/bank-details-confirmations and hold.changeId.',
      required: ['reason', 'changeId', 'placedAt', 'sourceSystem', 'previousBankAccount', 'newBankAccount'],
      properties: {
        reason: { const: 'BANK_DETAILS_CHANGED' },
        changeId: { type: 'string' },
        placedAt: INSTANT,
        sourceSystem: { type: 'string' },
        previousBankAccount: nullable(MASKED),
        newBankAccount: MASKED,
      },
    }),
    lastHoldRelease: nullable({ type: 'object', required: ['confirmedBy', 'confirmedAt'], properties: { confirmedBy: { type: 'string' }, confirmedAt: INSTANT } }),
    lastSyncAt: INSTANT,
  },
};

export const BANK_DETAILS_CONFIRMATION_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['changeId'],
  properties: { changeId: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$', description: 'hold.changeId from GET /v1/suppliers/{supplierId}' } },
};

export const BANK_DETAILS_RELEASED_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['released', 'supplierId', 'changeId', 'status', 'confirmedBy', 'releasedAt'],
  properties: {
    released: { const: true },
    supplierId: { type: 'string' },
    changeId: { type: 'string' },
    status: { enum: ['ACTIVE', 'INACTIVE'] },
    confirmedBy: { type: 'string', description: 'The authenticated client (API key client id or JWT sub).' },
    releasedAt: INSTANT,
  },
};

export const SUPPLIER_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/v1/suppliers/:supplierId',
    summary: 'A supplier: status, open payment hold (masked accounts only), source records, last sync',
    scopes: ['suppliers:read'],
    responses: { '200': { description: 'The supplier as supplier-sync holds it.', schema: SUPPLIER_STATUS_SCHEMA }, '404': { description: 'No supplier with this id (problem+json).' } },
  },
  {
    method: 'post',
    path: '/v1/suppliers/:supplierId/bank-details-confirmations',
    summary: 'Confirm, out of band, a bank-details change and release the supplier\'s payment hold (audited: who, when, which change)',
    scopes: ['suppliers:confirm-bank-details'],
    requestSchema: BANK_DETAILS_CONFIRMATION_REQUEST_SCHEMA,
    idempotent: false,
    responses: {
      '200': { description: 'Released: SupplierSynced with the restored status is published on p2p.supplier.v1.', schema: BANK_DETAILS_RELEASED_SCHEMA },
      '404': { description: 'No supplier with this id (problem+json).' },
      '409': { description: 'Refused (problem+json with reason NOT_ON_HOLD, STALE_CONFIRMATION, CONFIRMER_MISSING or CONFIRMED_BEFORE_HOLD).' },
    },
  },
];
