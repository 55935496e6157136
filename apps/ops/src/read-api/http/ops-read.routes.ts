import type { ApiRouteDoc, JsonSchema } from '@procurelink/system-api';

const OBJECT: JsonSchema = { type: 'object' };
const NOT_FOUND = { description: 'Nothing ops has recorded matches.' };
const DOCUMENT: JsonSchema = {
  type: 'object',
  required: ['docType', 'docId', 'stage', 'events'],
  properties: {
    docType: { enum: ['SUPPLIER', 'PURCHASE_ORDER', 'RECEIPT', 'INVOICE', 'PAYMENT'] },
    docId: { type: 'string' },
    chainId: { type: ['string', 'null'] },
    poNumber: { type: ['string', 'null'] },
    stage: { type: 'string' },
    facilityId: { type: ['string', 'null'] },
    supplierId: { type: ['string', 'null'] },
    amount: { type: ['string', 'null'], description: 'Exact decimal.' },
    currency: { type: ['string', 'null'] },
    exception: { type: ['object', 'null'], properties: { reason: { type: 'string' }, detail: { type: ['string', 'null'] } } },
    traceId: { type: ['string', 'null'] },
    events: { type: 'array', items: { type: 'object', description: 'eventId, eventType, occurredAt, traceId, topic/partition/offset, summary (sensitive values masked).' } },
  },
};
const TRACE: JsonSchema = {
  type: 'object',
  properties: {
    businessKey: { type: 'string' },
    chainIds: { type: 'array', items: { type: 'string' } },
    traceIds: { type: 'array', items: { type: 'string' } },
    purchaseOrders: { type: 'array', items: DOCUMENT },
    receipts: { type: 'array', items: DOCUMENT },
    invoices: { type: 'array', items: DOCUMENT },
    payments: { type: 'array', items: DOCUMENT },
    suppliers: { type: 'array', items: DOCUMENT },
    exceptions: { type: 'array', items: OBJECT },
    deadLetters: { type: 'array', items: OBJECT },
  },
};

/** The read routes of ops, for its OpenAPI document. */
export const OPS_READ_ROUTES: readonly ApiRouteDoc[] = [
  { method: 'get', path: '/v1/overview', summary: 'Business health: stages by facility, delayed invoices, unmatched receipts, blocked payments, exceptions by reason, open dead letters.', scopes: ['ops:read'], responses: { '200': { description: 'The overview.', schema: OBJECT } } },
  { method: 'get', path: '/v1/documents/:docType/:docId', summary: 'One document (docType: purchase-orders, receipts, invoices, payments, suppliers) with its events, and its chain.', scopes: ['ops:read'], responses: { '200': { description: 'The document and its chain.', schema: { type: 'object', properties: { document: DOCUMENT, chain: TRACE } } }, '404': NOT_FOUND } },
  { method: 'get', path: '/v1/trace/:businessKey', summary: 'The chain of a PO number, document id or correlation id: PO → receipts → invoices → payments, with events, trace ids, exceptions and dead letters.', scopes: ['ops:read'], responses: { '200': { description: 'The chain.', schema: TRACE }, '404': NOT_FOUND } },
  { method: 'get', path: '/v1/dead-letters', summary: 'Dead letters, newest first. Filters: service, errorCode, from, to (ISO times, last failure), supplierId, facilityId, businessKey, status; limit (1–500, default 50) and after (the nextAfter cursor).', scopes: ['ops:read'], responses: { '200': { description: '{ items, nextAfter }.', schema: { type: 'object', properties: { items: { type: 'array', items: OBJECT }, nextAfter: { type: ['string', 'null'] } } } }, '400': { description: 'A filter is wrong.' } } },
  { method: 'get', path: '/v1/dead-letters/:id', summary: 'One dead letter: the value decoded (JSON or Avro) with sensitive fields masked, or base64 with a note; the failure history.', scopes: ['ops:read'], responses: { '200': { description: 'The dead letter.', schema: OBJECT }, '404': NOT_FOUND } },
];
