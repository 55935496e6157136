import { CanonicalCodec } from '@procurelink/canonical-schemas';
import { createKafka } from '@procurelink/messaging';
import { DEV_API_KEY } from '@procurelink/system-api';
import {
  apiCall, apiKeyEntry, deletePrefixedTopics, documentedScopes, deleteRedisKeys, eventually, expectUnauthenticated, produceCanonical, stackEndpoints, startHttpApp, uniquePrefix, type HttpApp,
} from '@procurelink/test-support';
import type { Producer } from 'kafkajs';
import { Pool } from 'pg';
import { parseOpsConfig } from './config/ops-config';
import { OpsModule } from './ops.module';
import { chainEvents, chainIds } from './projection/domain/chain-events.fixture.spec';

const stack = stackEndpoints();
const prefix = uniquePrefix('ops');
const schema = `t_ops_${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`.slice(0, 60);
const run = prefix.slice(1, 12);
const ids = chainIds(run);
const READER_KEY = `reader-${run}`;
const OTHER_KEY = `other-${run}`;
const TRACEPARENT = `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the ops service on the real stack', () => {
  const kafka = createKafka({ clientId: `ops-test-${run}`, brokers: stack.kafkaBrokers });
  let producer: Producer;
  let http: HttpApp;
  const get = async (path: string, key = READER_KEY): Promise<Response> => apiCall(http.baseUrl, 'GET', path, undefined, { 'x-api-key': key });
  const getJson = async (path: string): Promise<Json> => {
    const response = await get(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Json;
  };

  beforeAll(async () => {
    const config = parseOpsConfig({
      KAFKA_BROKERS: stack.kafkaBrokers.join(','), SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl, REDIS_URL: stack.redisUrl, DATABASE_URL: stack.databaseUrl,
      OPS_DB_SCHEMA: schema, PROCURELINK_TOPIC_PREFIX: prefix, RETRY_DELAYS_MS: '200',
      API_KEYS: [apiKeyEntry('ops-dev', DEV_API_KEY, ['ops:read']), apiKeyEntry(`reader-${run}`, READER_KEY, ['ops:read']), apiKeyEntry(`other-${run}`, OTHER_KEY, ['purchase-orders:read'])].join(','),
    });
    http = await startHttpApp(OpsModule.forRoot(config), { bodyLimitBytes: config.api.bodyLimitBytes });
    producer = kafka.producer();
    await producer.connect();
    const codec = await CanonicalCodec.register(stack.schemaRegistryUrl, { topicPrefix: prefix });
    const events = chainEvents(ids);
    const approved = codec.encode('PurchaseOrderApproved', events.approved);
    await producer.send({ topic: approved.topic, messages: [{ key: approved.key, value: approved.value, headers: { traceparent: TRACEPARENT } }] });
    await produceCanonical(producer, codec, 'GoodsReceived', events.received);
    await produceCanonical(producer, codec, 'InvoiceReceived', events.invoiceReceived);
    await produceCanonical(producer, codec, 'InvoicePosted', events.invoicePosted);
    await produceCanonical(producer, codec, 'PaymentScheduled', events.paymentScheduled);
    await produceCanonical(producer, codec, 'PaymentScheduled', events.paymentScheduled); // a redelivery: recorded once
    await producer.send({
      topic: `${prefix}procurelink.supplier-sync.dlt`,
      messages: [
        {
          key: ids.supplierId,
          value: JSON.stringify({ supplierId: ids.supplierId, facilityId: ids.facilityId, bankAccount: { accountNumber: '000123456789', iban: 'DE89370400440532013000' }, TAX_NUMBER: '98-7654321' }),
          headers: {
            'procurelink.original.topic': `${prefix}source.erp.supplier.v1`, 'procurelink.original.partition': '0', 'procurelink.original.offset': '5', 'procurelink.original.timestamp': String(Date.now()),
            'procurelink.consumer-group': `${prefix}procurelink.supplier-sync`, 'procurelink.error.code': 'INVALID_INPUT', 'procurelink.error.message': 'bank account ****6789 is not valid',
            'procurelink.error.attempts': '1', 'procurelink.error.first-failure-at': new Date().toISOString(), 'procurelink.error.last-failure-at': new Date().toISOString(),
          },
        },
        { key: null, value: Buffer.from([0, 0, 0, 0x7f, 0x7f, 1, 2]), headers: { 'procurelink.consumer-group': `${prefix}procurelink.po-sync`, 'procurelink.error.code': 'UNKNOWN_SCHEMA' } },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await http?.app.close();
    await producer?.disconnect();
    const admin = new Pool({ connectionString: stack.databaseUrl, max: 1 });
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    await deletePrefixedTopics(kafka, prefix);
    await deleteRedisKeys(stack.redisUrl, [`procurelink:ops:api:${prefix}*`]);
  });

  it('GET /v1/trace/<PO> › the chain PO → receipt → invoice (posted) → payment, with events, trace id and chain id', async () => {
    const trace = await eventually('the whole chain', () => getJson(`/v1/trace/${ids.poNumber}`).catch(() => ({}) as Json), (t) => t.payments?.length === 1 && t.invoices?.[0]?.stage === 'POSTED', 45_000);
    expect(trace.purchaseOrders).toEqual([expect.objectContaining({ docId: ids.poNumber, stage: 'APPROVED', amount: '125.0000', supplierId: ids.supplierId, facilityId: ids.facilityId, traceId: 'ab'.repeat(16) })]);
    expect(trace.receipts).toEqual([expect.objectContaining({ docId: ids.receiptId, poNumber: ids.poNumber, stage: 'RECEIVED' })]);
    expect(trace.invoices[0]).toMatchObject({ docId: ids.invoiceId, erpDocument: `AP-${ids.invoiceId}` });
    expect(trace.invoices[0].events.map((e: Json) => e.eventType)).toEqual(['InvoiceReceived', 'InvoicePosted']);
    expect(trace.payments[0]).toMatchObject({ docId: ids.paymentId, stage: 'SCHEDULED' });
    expect(trace.payments[0].events).toHaveLength(1);
    expect(trace.chainIds).toEqual([ids.chainId]);
    expect(trace.traceIds).toContain('ab'.repeat(16));
    const byDocument = await getJson(`/v1/documents/invoices/${ids.invoiceId}`);
    expect(byDocument.document).toMatchObject({ docType: 'INVOICE', stage: 'POSTED' });
    expect(byDocument.chain.purchaseOrders[0].docId).toBe(ids.poNumber);
  }, 60_000);

  it('GET /v1/overview › counts the stages and the open dead letters by service and reason', async () => {
    const overview = await eventually('the overview with both dead letters', () => getJson('/v1/overview'), (o) => o.deadLetters.open === 2 && o.documents.byStage.length >= 4, 45_000);
    expect(overview.documents.byStage).toEqual(expect.arrayContaining([{ docType: 'INVOICE', stage: 'POSTED', count: 1 }, { docType: 'PURCHASE_ORDER', stage: 'APPROVED', count: 1 }, { docType: 'PAYMENT', stage: 'SCHEDULED', count: 1 }]));
    expect(overview.deadLetters.byServiceAndReason).toEqual(expect.arrayContaining([{ service: 'supplier-sync', errorCode: 'INVALID_INPUT', count: 1 }, { service: 'po-sync', errorCode: 'UNKNOWN_SCHEMA', count: 1 }]));
    expect(overview.delayedInvoices.total).toBe(0);
  }, 60_000);

  it('GET /v1/dead-letters › lists, filters and pages; GET /v1/dead-letters/:id › decoded with sensitive fields masked and the failure history', async () => {
    await eventually('two dead letters', () => getJson('/v1/dead-letters'), (page) => page.items.length === 2, 45_000);
    const filtered = await getJson(`/v1/dead-letters?service=supplier-sync&errorCode=INVALID_INPUT&supplierId=${ids.supplierId}&facilityId=${ids.facilityId}&status=OPEN`);
    expect(filtered.items).toEqual([expect.objectContaining({ service: 'supplier-sync', businessKey: ids.supplierId, errorCode: 'INVALID_INPUT' })]);
    expect((await getJson('/v1/dead-letters?service=invoice-sync')).items).toEqual([]);
    const first = await getJson('/v1/dead-letters?limit=1');
    expect(first.items).toHaveLength(1);
    const second = await getJson(`/v1/dead-letters?limit=1&after=${first.nextAfter}`);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextAfter).toBeNull();

    const response = await get(`/v1/dead-letters/${filtered.items[0].id}`);
    const text = await response.text();
    for (const clear of ['000123456789', 'DE89370400440532013000', '98-7654321']) expect(text).not.toContain(clear);
    const detail = JSON.parse(text) as Json;
    expect(detail.value).toMatchObject({ format: 'json', decoded: { bankAccount: { accountNumber: '****6789', iban: '****3000' }, TAX_NUMBER: '****4321' } });
    expect(detail.failure).toMatchObject({ consumerGroup: `${prefix}procurelink.supplier-sync`, originalOffset: '5', errorCode: 'INVALID_INPUT', attempts: 1 });

    const poison = (await getJson('/v1/dead-letters?service=po-sync')).items[0];
    const poisonDetail = await getJson(`/v1/dead-letters/${poison.id}`);
    expect(poisonDetail.value).toMatchObject({ format: 'bytes', base64: Buffer.from([0, 0, 0, 0x7f, 0x7f, 1, 2]).toString('base64') });
    expect(poisonDetail.value.note).toMatch(/Avro/);
  }, 60_000);

  it('the API › 401 without credentials, 403 without ops:read, 400 on a bad filter, 404 for the unknown', async () => {
    expectUnauthenticated(await apiCall(http.baseUrl, 'GET', '/v1/overview'));
    expect((await get('/v1/overview', OTHER_KEY)).status).toBe(403);
    expect((await get('/v1/dead-letters?from=yesterday')).status).toBe(400);
    expect((await get('/v1/trace/no-such-key')).status).toBe(404);
    expect((await get('/v1/dead-letters/999999999')).status).toBe(404);
    const documented = await documentedScopes(http.baseUrl);
    for (const route of ['GET /v1/overview', 'GET /v1/trace/{businessKey}', 'GET /v1/dead-letters', 'GET /v1/dead-letters/{id}', 'GET /v1/documents/{docType}/{docId}']) expect(documented[route]).toEqual(['ops:read']);
  });
});
