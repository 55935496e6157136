import { POSTING_KINDS } from '../domain/posting';
import { REPLAYED_HEADER } from '../http/write-response';
import { identifier, SCHEMAS, type Schema } from './schemas';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema): Schema => ({ content: { 'application/json': { schema } } });
const error = (description: string): Schema => ({ description, ...json(ref('Error')) });
const pathId = (name: string, description: string): Schema => ({ name, in: 'path', required: true, description, schema: identifier });

const idempotencyKey: Schema = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description:
    'Required on every write (400 without). The same key with the same body answers the original entry again (200, `Idempotent-Replayed: true`) ' +
    'and never adds a second posting; the same key with a different body is 409. Use the business identity (e.g. PO-1/2/3/ENCUMBER) or a stored UUID.',
  schema: { type: 'string', pattern: '^[\\x21-\\x7E]{1,255}$' },
};

const replayed: Schema = { description: 'The original answer again: nothing was posted.', headers: { [REPLAYED_HEADER]: { schema: { const: 'true' } } }, ...json(ref('LedgerEntry')) };
const faultInjected = error('An injected fault (FAULT_INJECTED, 500/502/503/504; Retry-After when the fault has a duration). A timeout fault instead holds the request unanswered.');

function write(summary: string, body: string, created: 200 | 201, parameters: Schema[] = []): Schema {
  return {
    summary,
    parameters: [...parameters, idempotencyKey],
    requestBody: { required: true, ...json(ref(body)) },
    responses: {
      [created]: { description: 'Accepted and appended to the ledger.', ...json(ref('LedgerEntry')) },
      ...(created === 201 ? { 200: replayed } : {}),
      400: error('VALIDATION_FAILED (with field paths), IDEMPOTENCY_KEY_REQUIRED or MALFORMED_JSON.'),
      409: error('IDEMPOTENCY_KEY_REUSED: the key already answered a different request.'),
      '5XX': faultInjected,
    },
  };
}

function read(summary: string, parameters: Schema[]): Schema {
  return {
    summary,
    parameters,
    responses: { 200: { description: 'The ledger entry.', ...json(ref('LedgerEntry')) }, 404: error('NOT_FOUND'), '5XX': faultInjected },
  };
}

const ledgerQuery: Schema[] = [
  { name: 'kind', in: 'query', schema: { enum: [...POSTING_KINDS] } },
  { name: 'businessKey', in: 'query', schema: { type: 'string' } },
  { name: 'subjectId', in: 'query', schema: { type: 'string' } },
  { name: 'facilityId', in: 'query', schema: { type: 'string' } },
  { name: 'since', in: 'query', description: 'Accepted at or after this instant.', schema: { type: 'string', format: 'date-time' } },
  { name: 'afterSequence', in: 'query', description: 'Entries after this sequence number.', schema: { type: 'integer', minimum: 0 } },
];

const guarded = error('SANDBOX_GUARDED: start the sandbox with ERP_SANDBOX_ALLOW_RESET=true.');

/** The ERP target-system contract and the sandbox controls, as served at GET /openapi.json. */
export const OPENAPI_DOCUMENT: Schema = {
  openapi: '3.1.0',
  info: {
    title: 'Procurelink ERP sandbox',
    version: '1.0.0',
    description:
      'The REST contract Procurelink speaks to an ERP (vendor upsert, encumbrance, AP invoice, payment status), implemented by a sandbox ' +
      'that keeps a ledger of every accepted posting and can be told to fail, be slow or time out. Amounts are decimal strings. See CONTRACT.md.',
  },
  jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
  tags: [{ name: 'erp', description: 'The target-system contract, /erp/v1' }, { name: 'sandbox', description: 'Test and demo controls, /sandbox/v1' }],
  paths: {
    '/erp/v1/vendors/{supplierId}': {
      parameters: [pathId('supplierId', 'The canonical supplier id.')],
      put: { tags: ['erp'], ...write('Upsert a vendor (bank account by reference only)', 'VendorUpsert', 200) },
      get: { tags: ['erp'], ...read("The vendor's current record (its latest upsert)", []) },
    },
    '/erp/v1/encumbrances': { post: { tags: ['erp'], ...write('Post an encumbrance (ENCUMBER, RELIEVE or RELEASE)', 'Encumbrance', 201) } },
    '/erp/v1/encumbrances/{documentNumber}': {
      get: { tags: ['erp'], ...read('An encumbrance by document number', [pathId('documentNumber', 'ENC-…, from the posting answer.')]) },
    },
    '/erp/v1/ap-invoices': { post: { tags: ['erp'], ...write('Post an AP invoice', 'ApInvoice', 201) } },
    '/erp/v1/ap-invoices/{invoiceId}': {
      get: { tags: ['erp'], ...read("An AP invoice's latest posting", [pathId('invoiceId', 'The canonical invoice id.')]) },
    },
    '/erp/v1/payments/{paymentId}/status': {
      parameters: [pathId('paymentId', 'The ERP payment id.')],
      put: { tags: ['erp'], ...write('Acknowledge a payment status', 'PaymentStatusAcknowledgement', 200) },
      get: { tags: ['erp'], ...read('The latest acknowledged status', []) },
    },
    '/erp/v1/batch': {
      post: {
        tags: ['erp'],
        summary: 'Many writes in one request, each answered as its own single call would be (same statuses, bodies and idempotency)',
        requestBody: { required: true, ...json(ref('BatchRequest')) },
        responses: {
          200: { description: 'One response per request, in order; an item refused or faulted does not stop the others.', ...json(ref('BatchResponse')) },
          400: error('VALIDATION_FAILED (the envelope: `requests` missing, not a list, empty, over 500 items; unknown fields) or MALFORMED_JSON.'),
          413: error('PAYLOAD_TOO_LARGE: the body is over 5 MB.'),
        },
      },
    },
    '/erp/v1/ledger': {
      get: {
        tags: ['erp'],
        summary: 'Every accepted posting, oldest first (never faulted)',
        parameters: [...ledgerQuery, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10_000, default: 1000 } }],
        responses: { 200: { description: 'Matching entries.', ...json(ref('LedgerPage')) }, 400: error('VALIDATION_FAILED') },
      },
    },
    '/erp/v1/ledger/summary': {
      get: {
        tags: ['erp'],
        summary: 'Counts and exact totals per kind, facility, day, currency and direction (never faulted)',
        parameters: ledgerQuery,
        responses: { 200: { description: 'The summary.', ...json(ref('LedgerSummary')) }, 400: error('VALIDATION_FAILED') },
      },
    },
    '/sandbox/v1/faults': {
      get: { tags: ['sandbox'], summary: 'The faults in force', responses: { 200: { description: 'Faults.', ...json(ref('Faults')) } } },
      post: {
        tags: ['sandbox'],
        summary: 'Set a fault (replaces the rule with the same scope)',
        requestBody: { required: true, ...json(ref('FaultSpec')) },
        responses: { 201: { description: 'The faults now in force.', ...json(ref('Faults')) }, 400: error('VALIDATION_FAILED') },
      },
      delete: {
        tags: ['sandbox'],
        summary: "Clear every fault, or one scope's (?capability=encumbrances|…|all); held requests are released",
        parameters: [{ name: 'capability', in: 'query', schema: { type: 'string' } }],
        responses: { 200: { description: 'How many rules were cleared.', ...json({ type: 'object' }) }, 400: error('VALIDATION_FAILED') },
      },
    },
    '/sandbox/v1/faults/release': {
      post: { tags: ['sandbox'], summary: 'Release every request held by a timeout fault', responses: { 200: { description: 'How many were released.', ...json({ type: 'object' }) } } },
    },
    '/sandbox/v1/reset': {
      post: { tags: ['sandbox'], summary: 'Empty the ledger (guarded)', responses: { 200: { description: 'How many entries were removed.', ...json({ type: 'object' }) }, 403: guarded } },
    },
    '/sandbox/v1/tamper': {
      post: {
        tags: ['sandbox'],
        summary: 'Alter or delete a posting, for reconciliation to find (guarded)',
        requestBody: { required: true, ...json(ref('Tamper')) },
        responses: { 200: { description: 'The entry before (and after).', ...json({ type: 'object' }) }, 400: error('VALIDATION_FAILED'), 403: guarded, 404: error('NOT_FOUND') },
      },
    },
  },
  components: { schemas: SCHEMAS },
};
