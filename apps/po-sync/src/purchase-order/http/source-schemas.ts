import type { JsonSchema } from '@procurelink/system-api';

// JSON Schema pieces shared by the PO and receipt request schemas (apps/po-sync/SOURCE.md, common rules).
export const IDENTIFIER: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,80}$' };
export const DECIMAL: JsonSchema = { type: 'string', pattern: '^-?\\d{1,14}(\\.\\d{1,4})?$', description: 'A decimal string such as "1250.50"; never a JSON number.' };
export const INSTANT: JsonSchema = { type: 'string', format: 'date-time', description: 'ISO 8601 with a zone.' };
export const DATE: JsonSchema = { type: 'string', format: 'date' };
export const text = (maxLength: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength });

export const ITEM: JsonSchema = {
  type: 'object',
  description: 'itemId and/or gtin: at least one.',
  required: ['unitOfMeasure'],
  anyOf: [{ required: ['itemId'] }, { required: ['gtin'] }],
  properties: {
    itemId: IDENTIFIER,
    gtin: { type: 'string', pattern: '^(\\d{8}|\\d{12}|\\d{13}|\\d{14})$' },
    description: text(500),
    unitOfMeasure: text(3),
    unspsc: { type: 'string', pattern: '^\\d{8}$' },
    manufacturerName: text(200),
    manufacturerPartNumber: text(80),
    supplierPartNumber: text(80),
  },
};
