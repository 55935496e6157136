import { SUBMISSION_RESPONSES, type ApiRouteDoc, type JsonSchema } from '@procurelink/system-api';
import { DATE, DECIMAL, IDENTIFIER, INSTANT, ITEM, text } from './source-schemas';

const PO_LINE: JsonSchema = {
  type: 'object',
  required: ['lineNumber', 'item', 'quantity', 'unitPrice', 'lineAmount', 'departmentId', 'costCentre', 'glAccount'],
  properties: {
    lineNumber: { type: 'integer', minimum: 1, maximum: 100_000 },
    item: { ...ITEM, required: ['unitOfMeasure', 'description'] },
    quantity: { ...DECIMAL, description: 'Greater than zero.' },
    unitPrice: DECIMAL,
    lineAmount: { ...DECIMAL, description: 'quantity × unitPrice.' },
    facilityId: { ...IDENTIFIER, description: 'The facility of the charged department; default shipTo.facilityId.' },
    departmentId: IDENTIFIER,
    costCentre: IDENTIFIER,
    glAccount: IDENTIFIER,
    requestedDeliveryDate: DATE,
  },
};

const COMMON = {
  action: { enum: ['APPROVED', 'CHANGED', 'CANCELLED'] },
  poNumber: IDENTIFIER,
  revision: { type: 'integer', minimum: 0, maximum: 1_000_000 },
  occurredAt: INSTANT,
  correlationId: IDENTIFIER,
};

/** The purchasing PO record (SOURCE.md, source.purchasing.purchase-order.v1). */
export const PURCHASE_ORDER_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'One PO revision. APPROVED / CHANGED carry the complete order; CANCELLED needs only action, poNumber, revision, occurredAt.',
  required: ['action', 'poNumber', 'revision', 'occurredAt'],
  properties: {
    ...COMMON,
    supplierId: IDENTIFIER,
    orderDate: DATE,
    changeReason: text(500),
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    totalAmount: { ...DECIMAL, description: 'The exact sum of the line amounts.' },
    shipTo: { type: 'object', required: ['facilityId'], properties: { facilityId: IDENTIFIER } },
    lines: { type: 'array', minItems: 1, maxItems: 1000, items: PO_LINE },
    reason: text(500),
  },
  if: { properties: { action: { enum: ['APPROVED', 'CHANGED'] } } },
  then: { required: ['supplierId', 'orderDate', 'currency', 'totalAmount', 'shipTo', 'lines'] },
};

export const PURCHASE_ORDER_STATUS_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['poNumber', 'supplierId', 'revision', 'status', 'lines', 'receipts'],
  properties: {
    poNumber: { type: 'string' },
    supplierId: { type: ['string', 'null'], description: 'Null for a PO known only from its cancellation.' },
    revision: { type: 'integer', description: 'The last revision posted.' },
    status: { enum: ['approved', 'changed', 'cancelled'] },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['lineNumber', 'itemId', 'gtin', 'unitOfMeasure', 'orderedQuantity', 'receivedQuantity', 'encumberedAmount', 'currency'],
        properties: {
          lineNumber: { type: 'integer' },
          itemId: { type: ['string', 'null'] },
          gtin: { type: ['string', 'null'] },
          unitOfMeasure: { type: 'string' },
          orderedQuantity: DECIMAL,
          receivedQuantity: { ...DECIMAL, description: 'Accepted receipts minus returns.' },
          encumberedAmount: { ...DECIMAL, description: 'What stands encumbered in the ERP for the line.' },
          currency: { type: 'string' },
        },
      },
    },
    receipts: { type: 'array', items: { type: 'string' }, description: 'Receipt ids applied, in order.' },
  },
};

export const PURCHASE_ORDER_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/v1/purchase-orders',
    summary: 'Submit a purchasing PO record (approved, changed or cancelled)',
    scopes: ['purchase-orders:submit'],
    requestSchema: PURCHASE_ORDER_REQUEST_SCHEMA,
    responses: SUBMISSION_RESPONSES,
  },
  {
    method: 'get',
    path: '/v1/purchase-orders/:poNumber',
    summary: 'Where a PO is in its lifecycle: revision, status, ordered / encumbered / received per line, receipts',
    scopes: ['purchase-orders:read'],
    responses: {
      '200': { description: 'The PO as po-sync last stored it.', schema: PURCHASE_ORDER_STATUS_SCHEMA },
      '404': { description: 'No PO with this number has been processed (yet).' },
    },
  },
];
