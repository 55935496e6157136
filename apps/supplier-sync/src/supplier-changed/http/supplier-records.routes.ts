import { SUBMISSION_RESPONSES, type ApiRouteDoc, type JsonSchema } from '@procurelink/system-api';

// JSON Schemas of the two source shapes, written from SOURCE.md. They document the bodies; the
// service's parsers enforce them (and the checks a schema cannot state: tax id, IBAN, ABA, D-U-N-S).
const text = (maxLength: number, description?: string): JsonSchema => ({ type: 'string', maxLength, ...(description === undefined ? {} : { description }) });
const optional = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const RECORD_ID: JsonSchema = { type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' };
const COUNTRY: JsonSchema = { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' };
const INSTANT: JsonSchema = { type: 'string', format: 'date-time', description: 'ISO 8601 instant with a zone' };
const DUNS: JsonSchema = { type: 'string', maxLength: 15, description: '9 digits after removing - and spaces' };
const TAX_ID: JsonSchema = { type: 'string', maxLength: 30, description: "Checked by the issuing country's rules (US: 9 digits, 12-3456789 accepted). Tokenised at once; never stored, published or echoed in clear." };
const TERMS = text(30, 'NET30, 2/10 NET 30, DUE_ON_RECEIPT …');
const EMAIL = text(254, 'an e-mail address');
const PHONE: JsonSchema = { type: 'string', maxLength: 30, pattern: '^\\+?[0-9 ().-]+$' };
const BANK_NOTE = 'Either an IBAN (per-country length, mod-97, supported country) or an account number (4-17 digits) with an ABA routing number (9 digits, 3-7-1 checksum), not both. Tokenised at once; a change holds payments until confirmed.';

const ERP_ADDRESS: Record<string, JsonSchema> = {
  STREET: text(100),
  STREET2: optional(text(100)),
  CITY: text(60),
  REGION: optional(text(60)),
  POSTAL_CODE: text(12, 'US: 12345 or 12345-6789'),
  COUNTRY,
};
const ERP_ADDRESS_REQUIRED = ['STREET', 'CITY', 'POSTAL_CODE', 'COUNTRY'];

/** The ERP vendor master record (SOURCE.md, source.erp.vendor.v1). */
export const ERP_VENDOR_RECORD_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'An ERP vendor master record in the ERP\'s own shape. Unknown fields are ignored; text is trimmed, blank counts as absent.',
  required: ['VENDOR_ID', 'NAME1', 'TAX_NUMBER', ...ERP_ADDRESS_REQUIRED, 'STATUS', 'LAST_CHANGED'],
  properties: {
    VENDOR_ID: RECORD_ID,
    NAME1: text(140, 'legal name'),
    NAME2: optional(text(140, 'trading ("doing business as") name')),
    TAX_NUMBER: TAX_ID,
    TAX_COUNTRY: optional({ ...COUNTRY, description: 'default COUNTRY' }),
    DUNS: optional(DUNS),
    ...ERP_ADDRESS,
    REMIT_TO: optional({ type: 'object', required: ERP_ADDRESS_REQUIRED, properties: ERP_ADDRESS }),
    PAYMENT_TERMS: optional(TERMS),
    BANK: optional({
      type: 'object',
      description: BANK_NOTE,
      properties: { IBAN: optional(text(42)), ACCOUNT_NUMBER: optional({ type: 'string', pattern: '^[0-9]{4,17}$' }), ROUTING_NUMBER: optional({ type: 'string', pattern: '^[0-9]{9}$' }) },
    }),
    EMAIL: optional(EMAIL),
    PHONE: optional(PHONE),
    STATUS: { enum: ['A', 'I', 'B'], description: 'A active, I inactive, B blocked (payments wait)' },
    LAST_CHANGED: INSTANT,
  },
};

const PURCHASING_ADDRESS: JsonSchema = {
  type: 'object',
  required: ['type', 'line1', 'city', 'postalCode', 'country'],
  properties: {
    type: { enum: ['ORDERING', 'REMIT_TO'] },
    line1: text(100),
    line2: optional(text(100)),
    city: text(60),
    region: optional(text(60)),
    postalCode: text(12),
    country: COUNTRY,
  },
};

/** The purchasing-platform supplier record (SOURCE.md, source.purchasing.supplier.v1). */
export const PURCHASING_SUPPLIER_RECORD_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'A purchasing-platform supplier record. Unknown fields are ignored; text is trimmed, blank counts as absent.',
  required: ['supplierId', 'legalName', 'addresses', 'active', 'updatedAt'],
  properties: {
    supplierId: RECORD_ID,
    legalName: text(140),
    dbaName: optional(text(140)),
    taxId: optional(TAX_ID),
    taxIdCountry: optional({ ...COUNTRY, description: "default the first ORDERING address's country" }),
    duns: optional(DUNS),
    addresses: { type: 'array', minItems: 1, items: PURCHASING_ADDRESS, description: 'At least one ORDERING, at most one REMIT_TO.' },
    paymentTerms: optional(TERMS),
    bankAccount: optional({
      type: 'object',
      description: BANK_NOTE,
      properties: { iban: optional(text(42)), accountNumber: optional({ type: 'string', pattern: '^[0-9]{4,17}$' }), routingNumber: optional({ type: 'string', pattern: '^[0-9]{9}$' }) },
    }),
    contact: optional({ type: 'object', properties: { name: optional(text(100)), email: optional(EMAIL), phone: optional(PHONE) } }),
    active: { type: 'boolean' },
    updatedAt: INSTANT,
  },
};

export const SUPPLIER_RECORD_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/v1/suppliers/erp-vendor-records',
    summary: 'Submit an ERP vendor master record (published keyed by VENDOR_ID; matched, merged and synced asynchronously)',
    scopes: ['suppliers:submit'],
    requestSchema: ERP_VENDOR_RECORD_SCHEMA,
    responses: SUBMISSION_RESPONSES,
  },
  {
    method: 'post',
    path: '/v1/suppliers/purchasing-records',
    summary: 'Submit a purchasing-platform supplier record (published keyed by supplierId; matched, merged and synced asynchronously)',
    scopes: ['suppliers:submit'],
    requestSchema: PURCHASING_SUPPLIER_RECORD_SCHEMA,
    responses: SUBMISSION_RESPONSES,
  },
];
