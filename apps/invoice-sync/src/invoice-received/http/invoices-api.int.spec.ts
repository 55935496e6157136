import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { CanonicalCodec, Decimal, envelopeFor, type CanonicalEventMap, type CanonicalEventType } from '@procurelink/canonical-schemas';
import { createKafka } from '@procurelink/messaging';
import { DEV_API_KEY, DEV_CLIENT_ID, SUBMITTED_BY_HEADER } from '@procurelink/system-api';
import { apiCall, apiKeyEntry, deletePrefixedTopics, deleteRedisKeys, documentedScopes, eventually, expectInvalidRequest, expectProblem, expectUnauthenticated, produceCanonical, readRecordsWithKey, serviceEnv, stackEndpoints, startErpSandbox, startHttpApp, uniquePrefix, type ErpSandboxHandle } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import type { Kafka, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { parseInvoiceSyncConfig } from '../../config/invoice-sync-config';
import { InvoiceSyncModule } from '../../invoice-sync.module';
import { invoiceSyncTopics } from '../../invoice-sync.topics';
import { invoiceSyncKeyBase } from '../infra/redis-invoice-sync-store';

jest.setTimeout(90_000);

const stack = stackEndpoints();
const run = Date.now();
const prefix = uniquePrefix('invapi');
const topics = invoiceSyncTopics(prefix);
const SUPPLIER = `SUP-API-${run}`;
const FACILITY = 'FAC-NORTH';
const READER_KEY = `reader-key-${randomUUID()}`; // no dots: a key shaped like a JWT (a.b.c) is verified as one
const LIMIT = 16_384;
const d = Decimal.parse;
const usd = (amount: string) => ({ amount: d(amount), currency: 'USD' });

const envelope = (eventType: CanonicalEventType, id: string) =>
  envelopeFor({ eventType, idParts: ['api-int', run, id], occurredAt: new Date(), sourceSystem: 'int-test', sourceRecordId: id, correlationId: `corr-${id}`, facilityId: FACILITY, tenant: 'demo-health' });
const address = { line1: '1 Main St', line2: null, city: 'Springfield', region: null, postalCode: '12345', country: 'US' };
const item = { itemId: 'ITM-1', description: 'Gloves', gtin: null, unspsc: null, manufacturerName: null, manufacturerPartNumber: null, supplierPartNumber: null, unitOfMeasure: 'EA' };

/** A one-line PO of SUPPLIER: 10 × 12.50 USD. */
const purchaseOrder = (poNumber: string): CanonicalEventMap['PurchaseOrderApproved'] => ({
  envelope: envelope('PurchaseOrderApproved', poNumber),
  poNumber,
  revision: 0,
  supplierId: SUPPLIER,
  orderDate: '2026-03-01',
  approvedAt: new Date(),
  shipTo: { facilityId: FACILITY, name: 'North', legalEntity: 'Health North', address },
  lines: [
    {
      lineNumber: 1,
      item,
      quantity: d('10'),
      unitPrice: usd('12.50'),
      lineAmount: usd('125.00'),
      department: { departmentId: 'DEP-ICU', name: 'ICU', facilityId: FACILITY },
      costCentre: { code: 'CC-4100', name: 'ICU' },
      glAccount: { accountNumber: '6100', name: 'Supplies' },
      requestedDeliveryDate: null,
    },
  ],
  totalAmount: usd('125.00'),
});

const receipt = (poNumber: string): CanonicalEventMap['GoodsReceived'] => ({
  envelope: envelope('GoodsReceived', `RCV-${poNumber}`),
  poNumber,
  receiptId: `RCV-${poNumber}`,
  receivedAt: new Date(),
  receivingLocation: null,
  lines: [{ receiptLineNumber: 1, poLineNumber: 1, item, quantity: d('10'), lotNumber: null, expiryDate: null, serialNumber: null, udi: null }],
});

const supplier: CanonicalEventMap['SupplierSynced'] = {
  envelope: envelope('SupplierSynced', SUPPLIER),
  supplierId: SUPPLIER,
  supplier: {
    legalName: 'Medline Test',
    tradingName: null,
    taxId: { token: 'tok_tax_1', maskedValue: '*****6789', issuingCountry: 'US' },
    dunsNumber: null,
    status: 'ACTIVE',
    addresses: [address],
    remitTo: address,
    paymentTerms: { code: 'NET30', netDays: 30, discountPercent: null, discountDays: null },
    bankAccount: null,
  },
};

/** Invoice dates months apart, so invoices of one supplier with one total are not near duplicates of each other. */
const dated = (invoiceDate: string) => ({ invoiceDate, dueDate: null });

/** An AP automation invoice (SOURCE.md) billing the whole PO line: 10 × 12.50 + 10.00 tax. */
const apInvoice = (invoiceId: string, number: string, poNumber: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  invoiceId,
  supplierId: SUPPLIER,
  supplierInvoiceNumber: number,
  invoiceDate: '2026-03-05',
  dueDate: '2026-04-04',
  facilityId: FACILITY,
  poNumber,
  currency: 'USD',
  capturedAt: new Date().toISOString(),
  lines: [{ lineNumber: 1, poLineNumber: 1, description: 'Nitrile gloves, M', quantity: '10', unitPrice: '12.50', lineAmount: '125.00', taxAmount: '10.00' }],
  subtotal: '125.00',
  taxAmount: '10.00',
  total: '135.00',
  ...extra,
});

describe('the invoice-sync HTTP system API on the real stack', () => {
  let sandbox: ErpSandboxHandle;
  let app: INestApplication;
  let base: string;
  let kafka: Kafka;
  let producer: Producer;
  let codec: CanonicalCodec;

  const post = (body: unknown, headers: Record<string, string> = { 'x-api-key': DEV_API_KEY }) => apiCall(base, 'POST', '/v1/invoices', body, headers);
  const get = (path: string, headers: Record<string, string> = { 'x-api-key': DEV_API_KEY }) => apiCall(base, 'GET', path, undefined, headers);
  const status = async (invoiceId: string): Promise<Record<string, unknown>> => {
    const response = await get(`/v1/invoices/${invoiceId}`, { 'x-api-key': READER_KEY });
    return response.status === 404 ? { status: 'UNKNOWN' } : ((await response.json()) as Record<string, unknown>);
  };
  const postings = (invoiceId: string) => sandbox.ledger({ kind: 'AP_INVOICE', subjectId: invoiceId });
  const sourceRecords = (invoiceId: string) => readRecordsWithKey(kafka, topics.apInvoices, invoiceId);
  const sendCanonical = <T extends CanonicalEventType>(eventType: T, event: CanonicalEventMap[T]) => produceCanonical(producer, codec, eventType, event);

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    const config = parseInvoiceSyncConfig({
      ...serviceEnv(prefix, sandbox.baseUrl),
      RETRY_DELAYS_MS: '300,600',
      INVOICE_RECEIPT_WAIT_SECONDS: '3600',
      INVOICE_RECEIPT_WAIT_SWEEP_MS: '500',
      // The documented dev key, configured explicitly with both invoice scopes, and a read-only key.
      API_KEYS: [apiKeyEntry(DEV_CLIENT_ID, DEV_API_KEY, ['invoices:submit', 'invoices:read']), apiKeyEntry('dashboard', READER_KEY, ['invoices:read'])].join(','),
      API_BODY_LIMIT_BYTES: String(LIMIT),
    });
    ({ app, baseUrl: base } = await startHttpApp(InvoiceSyncModule.forRoot(config), { bodyLimitBytes: config.api.bodyLimitBytes, logger: ['error'] }));
    kafka = createKafka({ clientId: `invoice-sync-api-test-${prefix}`, brokers: stack.kafkaBrokers, logLevel: 'nothing' });
    producer = kafka.producer();
    await producer.connect();
    codec = await CanonicalCodec.register(stack.schemaRegistryUrl, { topicPrefix: prefix });
    await sendCanonical('SupplierSynced', supplier);
    await sendCanonical('PurchaseOrderApproved', purchaseOrder('PO-API-1'));
    await sendCanonical('GoodsReceived', receipt('PO-API-1'));
    await sendCanonical('PurchaseOrderApproved', purchaseOrder('PO-API-2'));
    await sendCanonical('GoodsReceived', receipt('PO-API-2'));
    await sendCanonical('PurchaseOrderApproved', purchaseOrder('PO-API-WAIT'));
    // The projections land before any invoice is submitted.
    const redis = new Redis(stack.redisUrl);
    const keys = invoiceSyncKeyBase(prefix);
    await eventually('the PO views and receipts', async () => [await redis.exists(`${keys}po:PO-API-WAIT`), await redis.hlen(`${keys}receipts:PO-API-2`)], ([po, r]) => po === 1 && r === 1);
    await eventually('the supplier', () => redis.hget(`${keys}suppliers`, SUPPLIER), (s) => s !== null);
    await redis.quit();
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await sandbox?.stop();
    await deleteRedisKeys(stack.redisUrl, [`${invoiceSyncKeyBase(prefix)}*`, `*${topics.group}*`]);
    if (kafka) await deletePrefixedTopics(kafka, prefix);
  });

  it('when AP automation posts a matching invoice with the dev key › 202 with a tracking id, the ERP posts it once and GET shows POSTED with the document number', async () => {
    const response = await post(apInvoice('AP-API-1', 'INV-API-1', 'PO-API-1'));
    expect(response.status).toBe(202);
    const receipt = (await response.json()) as { trackingId: string };
    expect(receipt).toMatchObject({ businessId: 'AP-API-1', documentType: 'invoices', status: 'ACCEPTED' });
    expect(response.headers.get('location')).toBe(`/v1/submissions/${receipt.trackingId}`);
    const [published] = await sourceRecords('AP-API-1');
    expect(published?.headers[SUBMITTED_BY_HEADER]).toBe(DEV_CLIENT_ID);

    const [posting] = await eventually('the ERP posting', () => postings('AP-API-1'), (e) => e.length >= 1);
    const body = await eventually('the POSTED status', () => status('AP-API-1'), (s) => s['status'] === 'POSTED');
    expect(body).toMatchObject({
      invoiceId: 'AP-API-1',
      supplierId: SUPPLIER,
      poNumber: 'PO-API-1',
      amounts: { currency: 'USD', subtotal: '125.00', taxAmount: '10.00', total: '135.00' },
      posting: { erpDocumentNumber: posting?.documentNumber },
      exception: null,
      waiting: null,
    });
    expect(typeof body['matchedAt']).toBe('string');
  });

  it('when the same Idempotency-Key is sent twice › one record is published, the ERP posts once and the replay says Idempotent-Replayed', async () => {
    const invoice = apInvoice('AP-API-2', 'INV-API-2', 'PO-API-2', dated('2025-09-05'));
    const headers = { 'x-api-key': DEV_API_KEY, 'idempotency-key': `ap-api-2-${prefix}` };
    const first = await post(invoice, headers);
    const second = await post(invoice, headers);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(((await second.json()) as { trackingId: string }).trackingId).toBe(((await first.json()) as { trackingId: string }).trackingId);

    await eventually('the POSTED status', () => status('AP-API-2'), (s) => s['status'] === 'POSTED');
    expect(await sourceRecords('AP-API-2')).toHaveLength(1);
    expect(await postings('AP-API-2')).toHaveLength(1);
  });

  it('when the same invoice comes again under another invoice id › GET shows EXCEPTION DUPLICATE naming the earlier invoice', async () => {
    await eventually('the first invoice posted', () => status('AP-API-1'), (s) => s['status'] === 'POSTED');
    expect((await post(apInvoice('AP-API-3', 'inv-api-1', 'PO-API-1'))).status).toBe(202);
    const body = await eventually('the exception', () => status('AP-API-3'), (s) => s['status'] === 'EXCEPTION');
    expect(body['exception']).toMatchObject({ reasonCode: 'DUPLICATE', duplicateOfInvoiceId: 'AP-API-1' });
    expect((body['exception'] as { detail: string }).detail).toContain('AP-API-1');
    expect(await postings('AP-API-3')).toEqual([]);
  });

  it('when the goods are not received yet › GET shows WAITING for the receipt until the deadline', async () => {
    const before = Date.now();
    expect((await post(apInvoice('AP-API-4', 'INV-API-4', 'PO-API-WAIT', dated('2025-06-05')))).status).toBe(202);
    const body = await eventually('the waiting status', () => status('AP-API-4'), (s) => s['status'] === 'WAITING');
    const waiting = body['waiting'] as { waitingFor: string; until: string; shortfalls: Array<{ poLineNumber: number; received: string }> };
    expect(waiting.waitingFor).toBe('RECEIPT');
    expect(waiting.shortfalls.map((s) => [s.poLineNumber, s.received])).toEqual([[1, '0']]);
    const until = Date.parse(waiting.until);
    expect(until).toBeGreaterThan(before + 3_500_000);
    expect(until).toBeLessThan(Date.now() + 3_700_000);
  });

  it('when the body is invalid › 400 listing every field path, without echoing a value, and nothing is published', async () => {
    const response = await post(apInvoice('AP-API-5', 'INV-API-5', 'PO-API-1', { supplierId: 'ACCT 000123456789', total: 135, capturedAt: 'yesterday' }));
    expect(await expectInvalidRequest(response, ['123456789'])).toEqual(['supplierId', 'capturedAt', 'total']);
    expect(await sourceRecords('AP-API-5')).toEqual([]);
  });

  it('when no credentials are given › 401 with WWW-Authenticate', async () => {
    expectUnauthenticated(await post(apInvoice('AP-API-6', 'INV-API-6', 'PO-API-1'), {}));
    expect((await get('/v1/invoices/AP-API-1', {})).status).toBe(401);
  });

  it('when the key lacks invoices:submit › 403 naming the missing scope', async () => {
    const response = await post(apInvoice('AP-API-7', 'INV-API-7', 'PO-API-1'), { 'x-api-key': READER_KEY });
    await expectProblem(response, 403, { type: 'urn:procurelink:problem:insufficient-scope', missingScopes: ['invoices:submit'] });
  });

  it('when the body exceeds the configured limit › 413', async () => {
    const response = await post(apInvoice('AP-API-8', 'INV-API-8', 'PO-API-1', { padding: 'x'.repeat(LIMIT) }));
    await expectProblem(response, 413, { type: 'urn:procurelink:problem:payload-too-large' });
  });

  it('when the invoice id is unknown or malformed › 404 problem', async () => {
    const unknown = await get('/v1/invoices/AP-NEVER-SEEN', { authorization: `Bearer ${READER_KEY}` });
    await expectProblem(unknown, 404, { type: 'urn:procurelink:problem:not-found', status: 404 });
    expect((await get('/v1/invoices/bad%20id')).status).toBe(404);
  });

  it('GET /v1/openapi.json documents both invoice routes with their scopes, without credentials', async () => {
    expect(await documentedScopes(base)).toMatchObject({ 'POST /v1/invoices': ['invoices:submit'], 'GET /v1/invoices/{invoiceId}': ['invoices:read'] });
  });
});
