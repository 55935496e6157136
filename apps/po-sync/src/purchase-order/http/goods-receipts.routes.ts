import { SUBMISSION_RESPONSES, type ApiRouteDoc, type JsonSchema } from '@procurelink/system-api';
import { DATE, DECIMAL, IDENTIFIER, INSTANT, ITEM, text } from './source-schemas';

const RECEIPT_LINE: JsonSchema = {
  type: 'object',
  required: ['poLineNumber', 'item', 'quantityReceived'],
  properties: {
    receiptLineNumber: { type: 'integer', minimum: 1, maximum: 100_000, description: 'Default: position + 1.' },
    poLineNumber: { type: 'integer', minimum: 1, maximum: 100_000 },
    item: { ...ITEM, description: 'As on the PO line (matched by GTIN, else item id); same unit of measure.' },
    quantityReceived: { ...DECIMAL, description: 'Not zero; negative for a return.' },
    lotNumber: text(80),
    expiryDate: DATE,
    serialNumber: text(80),
    udi: text(255),
  },
};

/** The inventory goods receipt (SOURCE.md, source.inventory.goods-receipt.v1). */
export const GOODS_RECEIPT_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'A receipt against one PO, accepted whole or not at all. Lot, expiry, serial and UDI are required for tracked items.',
  required: ['receiptId', 'poNumber', 'facilityId', 'receivedAt', 'lines'],
  properties: {
    receiptId: IDENTIFIER,
    poNumber: IDENTIFIER,
    facilityId: IDENTIFIER,
    receivedAt: INSTANT,
    receivingLocation: text(80),
    lines: { type: 'array', minItems: 1, maxItems: 1000, items: RECEIPT_LINE },
  },
};

export const GOODS_RECEIPT_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/v1/goods-receipts',
    summary: 'Submit an inventory goods receipt (published keyed by its PO number)',
    scopes: ['goods-receipts:submit'],
    requestSchema: GOODS_RECEIPT_REQUEST_SCHEMA,
    responses: SUBMISSION_RESPONSES,
  },
];
